// SPDX-License-Identifier: Apache-2.0
// Contacts and case notes (docs/participant-record.md "Contacts and case notes").
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/contact_json.h"
#include "api/handlers.h"
#include "api/json_input.h"
#include "api/json_output.h"
#include "api/problem.h"
#include "app/services.h"

namespace carecoord::api {
namespace {

Response ContactResponse(int status, const ContactRecord& contact) {
  Response r = JsonResponse(status, ContactJson(contact));
  r.SetHeader("etag", ETagFor(contact.version));
  return r;
}

}  // namespace

Response HandleListContacts(Call& call) {
  auto limit = IntQueryParam(call, "limit", 1, 200, 50);
  if (!limit) return ErrorResponse(limit.error());
  const std::string cursor(call.Query("cursor").value_or(""));
  auto page = call.services.contacts.List(call.ctx, call.path_params.at(0), *limit, cursor);
  if (!page) return ErrorResponse(page.error());
  boost::json::array items;
  for (const auto& c : page->items) items.push_back(ContactJson(c));
  return JsonResponse(
      200,
      boost::json::object{{"items", std::move(items)},
                          {"next_cursor", page->next_cursor ? boost::json::value(*page->next_cursor)
                                                            : boost::json::value(nullptr)}});
}

Response HandleLogContact(Call& call) {
  auto logged =
      call.services.contacts.Log(call.ctx, call.path_params.at(0), ParseNewContact(call.body));
  if (!logged) return ErrorResponse(logged.error());
  Response r = ContactResponse(201, logged->contact);
  r.SetHeader("location", "/api/v1/contacts/" + logged->contact.id);
  return r;
}

Response HandleEditContact(Call& call) {
  auto version = IfMatchVersion(call.request, "contact");
  if (!version) return ErrorResponse(version.error());
  auto contact = call.services.contacts.Edit(call.ctx, call.path_params.at(0), *version,
                                             ParseContactChanges(call.body));
  if (!contact) return ErrorResponse(contact.error());
  return ContactResponse(200, *contact);
}

Response HandleSignContact(Call& call) {
  auto version = IfMatchVersion(call.request, "contact");
  if (!version) return ErrorResponse(version.error());
  auto contact = call.services.contacts.Sign(call.ctx, call.path_params.at(0), *version);
  if (!contact) return ErrorResponse(contact.error());
  return ContactResponse(200, *contact);
}

Response HandleAddContactAddendum(Call& call) {
  auto addendum = call.services.contacts.AddAddendum(call.ctx, call.path_params.at(0),
                                                     TextOr(call.body, "text"));
  if (!addendum) return ErrorResponse(addendum.error());
  return JsonResponse(201, AddendumJson(*addendum));
}

}  // namespace carecoord::api
