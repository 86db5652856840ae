// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "api/http.h"
#include "api/router.h"
#include "app/consent_service.h"
#include "app/contact_service.h"
#include "domain/error.h"

// The JSON of contacts, addenda and releases of information (docs/participant-record.md), both
// ways. Bodies are read after Api::Dispatch has checked them against NewContactRequest,
// ContactChangesRequest and NewConsentRequest (contact_schemas.cc), so the readers cannot fail;
// the rules (codes, dates, releases) are the use cases'.
namespace carecoord::api {

boost::json::object ContactJson(const ContactRecord& contact);
boost::json::object AddendumJson(const AddendumRecord& addendum);
// `participant_name` is added for the expiring list.
boost::json::object ConsentJson(const app::ConsentView& consent, bool with_participant_name);

app::NewContact ParseNewContact(const boost::json::object& body);
app::ContactChanges ParseContactChanges(const boost::json::object& body);
ConsentFields ParseNewConsent(const boost::json::object& body);

// An integer query parameter within [min, max], `fallback` when absent; kInvalidArgument
// naming it otherwise.
Result<int> IntQueryParam(const Call& call, std::string_view name, int min, int max, int fallback);

}  // namespace carecoord::api
