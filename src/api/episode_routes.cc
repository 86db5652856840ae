// SPDX-License-Identifier: Apache-2.0
// Episodes of care coordination: reading them, status moves and warm hand-offs
// (docs/participant-record.md "Episodes, hand-offs, care team").
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/episode_json.h"
#include "api/handlers.h"
#include "api/json_input.h"
#include "api/json_output.h"
#include "api/problem.h"
#include "app/services.h"

namespace carecoord::api {

Response HandleListParticipantEpisodes(Call& call) {
  auto episodes = call.services.episodes.ListForParticipant(call.ctx, call.path_params.at(0));
  if (!episodes) return ErrorResponse(episodes.error());
  boost::json::array items;
  for (const auto& e : *episodes) items.push_back(EpisodeJson(e));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

Response HandleGetEpisode(Call& call) {
  auto episode = call.services.episodes.Get(call.ctx, call.path_params.at(0));
  if (!episode) return ErrorResponse(episode.error());
  return EpisodeResponse(200, *episode);
}

Response HandleChangeEpisodeStatus(Call& call) {
  auto version = IfMatchVersion(call.request, "episode");
  if (!version) return ErrorResponse(version.error());
  app::EpisodeStatusChange change;
  change.status = TextOr(call.body, "status");
  change.reason = TextOr(call.body, "reason");
  auto episode =
      call.services.episodes.ChangeStatus(call.ctx, call.path_params.at(0), *version, change);
  if (!episode) return ErrorResponse(episode.error());
  return EpisodeResponse(200, *episode);
}

Response HandleTransferEpisode(Call& call) {
  auto version = IfMatchVersion(call.request, "episode");
  if (!version) return ErrorResponse(version.error());
  app::EpisodeTransfer transfer;
  transfer.to_user_id = TextOr(call.body, "to_user_id");
  transfer.occurred_at = InstantMember(call.body, "occurred_at");
  transfer.face_to_face = BoolMember(call.body, "face_to_face").value_or(false);
  transfer.note = TextOr(call.body, "note");
  auto episode =
      call.services.episodes.Transfer(call.ctx, call.path_params.at(0), *version, transfer);
  if (!episode) return ErrorResponse(episode.error());
  return EpisodeResponse(200, *episode);
}

// 001 §2: contacts per week in the first 30 days, within the policy's bounds (the use case's).
Response HandleSetContactSchedule(Call& call) {
  auto version = IfMatchVersion(call.request, "episode");
  if (!version) return ErrorResponse(version.error());
  app::ContactSchedule schedule;
  schedule.per_week = IntMember(call.body, "per_week").value_or(0);
  schedule.reason = TextOr(call.body, "reason");
  schedule.note = TextOr(call.body, "note");
  auto episode = call.services.episodes.SetContactSchedule(call.ctx, call.path_params.at(0),
                                                           *version, schedule);
  if (!episode) return ErrorResponse(episode.error());
  return EpisodeResponse(200, *episode);
}

}  // namespace carecoord::api
