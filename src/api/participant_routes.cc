// SPDX-License-Identifier: Apache-2.0
// Participants, related persons and emergency access (docs/participant-record.md
// "Participants", "Access").
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/handlers.h"
#include "api/json_input.h"
#include "api/json_output.h"
#include "api/problem.h"
#include "api/referral_json.h"
#include "app/services.h"

namespace carecoord::api {
namespace {

Response ParticipantResponse(const app::ParticipantView& view) {
  Response r = JsonResponse(200, ParticipantJson(view));
  r.SetHeader("etag", ETagFor(view.participant.version));
  return r;
}

Response RelatedPersonResponse(int status, const RelatedPersonRecord& person) {
  Response r = JsonResponse(status, RelatedPersonJson(person));
  r.SetHeader("etag", ETagFor(person.version));
  return r;
}

}  // namespace

Response HandleSearchParticipants(Call& call) {
  app::ParticipantQuery query;
  query.q = QueryText(call, "q");
  query.birth_date = QueryText(call, "birth_date");
  query.member_id = QueryText(call, "member_id");
  query.cursor = QueryText(call, "cursor");
  auto limit = LimitParam(call);
  if (!limit) return ErrorResponse(limit.error());
  query.limit = *limit;
  auto page = call.services.participants.Search(call.ctx, query);
  if (!page) return ErrorResponse(page.error());
  boost::json::array items;
  for (const auto& row : page->items) items.push_back(ParticipantListItemJson(row));
  return JsonResponse(200, PageJson(std::move(items), page->next_cursor));
}

Response HandleGetParticipant(Call& call) {
  auto view = call.services.participants.Get(call.ctx, call.path_params.at(0));
  if (!view) return ErrorResponse(view.error());
  return ParticipantResponse(*view);
}

Response HandleUpdateParticipant(Call& call) {
  auto version = IfMatchVersion(call.request, "participant");
  if (!version) return ErrorResponse(version.error());
  auto view = call.services.participants.Update(call.ctx, call.path_params.at(0), *version,
                                                ParseParticipantChanges(call.body));
  if (!view) return ErrorResponse(view.error());
  return ParticipantResponse(*view);
}

Response HandleAddRelatedPerson(Call& call) {
  auto in = ParseRelatedPerson(call.body, false);
  if (!in) return ErrorResponse(in.error());
  auto person = call.services.participants.AddRelatedPerson(call.ctx, call.path_params.at(0), *in);
  if (!person) return ErrorResponse(person.error());
  return RelatedPersonResponse(201, *person);
}

Response HandleUpdateRelatedPerson(Call& call) {
  auto version = IfMatchVersion(call.request, "related person");
  if (!version) return ErrorResponse(version.error());
  auto in = ParseRelatedPerson(call.body, true);
  if (!in) return ErrorResponse(in.error());
  auto person = call.services.participants.UpdateRelatedPerson(call.ctx, call.path_params.at(0),
                                                               *version, *in);
  if (!person) return ErrorResponse(person.error());
  return RelatedPersonResponse(200, *person);
}

Response HandleRequestEmergencyAccess(Call& call) {
  auto grant = call.services.participants.RequestEmergencyAccess(call.ctx, call.path_params.at(0),
                                                                 TextOr(call.body, "reason"));
  if (!grant) return ErrorResponse(grant.error());
  return JsonResponse(200, EmergencyGrantJson(*grant));
}

Response HandleListEmergencyAccess(Call& call) {
  auto limit = LimitParam(call);
  if (!limit) return ErrorResponse(limit.error());
  auto page =
      call.services.participants.ListEmergencyAccess(call.ctx, *limit, QueryText(call, "cursor"));
  if (!page) return ErrorResponse(page.error());
  boost::json::array items;
  for (const auto& g : page->items) items.push_back(EmergencyGrantJson(g));
  return JsonResponse(200, PageJson(std::move(items), page->next_cursor));
}

}  // namespace carecoord::api
