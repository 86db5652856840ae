// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http.h"
#include "domain/error.h"
#include "domain/time.h"

// Reading request bodies. Parsing and the If-Match header fail with a kInvalidArgument naming
// the field, so the client gets a 400 problem that says what to fix; the readers below do not
// fail, because Api::Dispatch has already checked the body against its route's schema
// (api/body_schema.h).
namespace carecoord::api {

// The body as a JSON object. Errors: unsupported content type (field "content-type"),
// malformed JSON or a non-object (field "body"), an object at any depth with the same key
// twice (field: that key's path, "party.name": JSON lets the last one win, so what one reader
// saw would not be what another acted on), and a string with a C0 control character other
// than tab, CR and LF (field: the string's path; NUL cuts text short in C APIs and logs, the
// others are invisible on screen). Objects nest at most 32 deep.
Result<boost::json::object> ParseJsonObject(const Request& request);

// The version a client edited, from If-Match: "N" (a weak W/"N" is accepted too: versions are
// exact either way). kPreconditionRequired when the header is missing (the message names
// `what`, "the ETag of the episode"), kInvalidArgument when it is not a version of at least
// `min_version` (0 for a record whose first version is 0, such as a program's built-in policy).
Result<std::int64_t> IfMatchVersion(const Request& request, std::string_view what,
                                    std::int64_t min_version = 1);

// Readers of a validated body. A member that is present has the type its schema declares, so
// these only tell present from absent: absent and null both read as nullopt (or as the empty
// value), and so would a member of another type, which only a reader of a member its schema
// does not declare could meet.
std::optional<std::string> TextMember(const boost::json::object& body, std::string_view key);
// "" when absent or null.
std::string TextOr(const boost::json::object& body, std::string_view key);
std::optional<bool> BoolMember(const boost::json::object& body, std::string_view key);
// A whole number, saturated to int's range: the use case's bounds are far inside it, so an
// out-of-range value still fails there, naming the member.
std::optional<int> IntMember(const boost::json::object& body, std::string_view key);
std::optional<double> NumberMember(const boost::json::object& body, std::string_view key);
// A list of strings (other items, which a schema of strings admits none of, are skipped).
std::optional<std::vector<std::string>> TextListMember(const boost::json::object& body,
                                                       std::string_view key);
// A member of format date-time (ParseInstant's forms).
std::optional<Instant> InstantMember(const boost::json::object& body, std::string_view key);
// An object member; nullptr when absent or null.
const boost::json::object* ObjectMember(const boost::json::object& body, std::string_view key);
// Present with the value null: how a client clears a member that takes null for that.
bool IsNullMember(const boost::json::object& body, std::string_view key);

}  // namespace carecoord::api
