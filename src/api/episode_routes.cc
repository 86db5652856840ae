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

}  // namespace carecoord::api
