// SPDX-License-Identifier: Apache-2.0
// Episodes of care coordination: reading them, status moves and warm hand-offs
// (docs/participant-record.md "Episodes, hand-offs, care team").
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/episode_json.h"
#include "api/handlers.h"
#include "api/json_input.h"
#include "api/json_output.h"
#include "api/obligation_json.h"
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
  auto body = ParseJsonObject(call.request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyKnownFields(*body, {"status", "reason"}); !st) return ErrorResponse(st.error());
  app::EpisodeStatusChange change;
  auto status = RequiredString(*body, "status", 40);
  if (!status) return ErrorResponse(status.error());
  auto reason = OptionalString(*body, "reason", 2000);
  if (!reason) return ErrorResponse(reason.error());
  change.status = std::move(*status);
  change.reason = reason->value_or("");
  auto episode =
      call.services.episodes.ChangeStatus(call.ctx, call.path_params.at(0), *version, change);
  if (!episode) return ErrorResponse(episode.error());
  return EpisodeResponse(200, *episode);
}

Response HandleTransferEpisode(Call& call) {
  auto version = IfMatchVersion(call.request, "episode");
  if (!version) return ErrorResponse(version.error());
  auto body = ParseJsonObject(call.request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyKnownFields(*body, {"to_user_id", "occurred_at", "face_to_face", "note"});
      !st) {
    return ErrorResponse(st.error());
  }
  app::EpisodeTransfer transfer;
  auto to = RequiredString(*body, "to_user_id", 100);
  if (!to) return ErrorResponse(to.error());
  transfer.to_user_id = std::move(*to);
  auto occurred = OptionalString(*body, "occurred_at", 64);
  if (!occurred) return ErrorResponse(occurred.error());
  if (*occurred) {
    auto at = ParseInstant(**occurred, "occurred_at");
    if (!at) return ErrorResponse(at.error());
    transfer.occurred_at = *at;
  }
  auto face_to_face = OptionalBool(*body, "face_to_face");
  if (!face_to_face) return ErrorResponse(face_to_face.error());
  transfer.face_to_face = face_to_face->value_or(false);
  auto note = OptionalString(*body, "note", 4000);
  if (!note) return ErrorResponse(note.error());
  transfer.note = note->value_or("");
  auto episode =
      call.services.episodes.Transfer(call.ctx, call.path_params.at(0), *version, transfer);
  if (!episode) return ErrorResponse(episode.error());
  return EpisodeResponse(200, *episode);
}

// 001 §2: contacts per week in the first 30 days, within the policy's bounds (the use case's).
Response HandleSetContactSchedule(Call& call) {
  auto version = IfMatchVersion(call.request, "episode");
  if (!version) return ErrorResponse(version.error());
  auto body = ParseJsonObject(call.request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyKnownFields(*body, {"per_week", "reason", "note"}); !st) {
    return ErrorResponse(st.error());
  }
  app::ContactSchedule schedule;
  auto per_week = OptionalIntMember(*body, "per_week", -1'000'000, 1'000'000);
  if (!per_week) return ErrorResponse(per_week.error());
  if (!*per_week) return ProblemResponse(400, "per_week is required", "per_week");
  schedule.per_week = **per_week;
  auto reason = RequiredString(*body, "reason", 40);
  if (!reason) return ErrorResponse(reason.error());
  schedule.reason = std::move(*reason);
  auto note = OptionalString(*body, "note", 1000);
  if (!note) return ErrorResponse(note.error());
  schedule.note = note->value_or("");
  auto episode = call.services.episodes.SetContactSchedule(call.ctx, call.path_params.at(0),
                                                           *version, schedule);
  if (!episode) return ErrorResponse(episode.error());
  return EpisodeResponse(200, *episode);
}

}  // namespace carecoord::api
