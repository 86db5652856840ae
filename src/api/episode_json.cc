// SPDX-License-Identifier: Apache-2.0
#include "api/episode_json.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <charconv>

#include "api/json_output.h"

namespace carecoord::api {
namespace {

boost::json::value OptInstant(const std::optional<Instant>& t) {
  if (!t) return nullptr;
  return boost::json::value(FormatRfc3339(*t));
}

boost::json::value OptString(const std::optional<std::string>& s) {
  if (!s) return nullptr;
  return boost::json::value(*s);
}

}  // namespace

boost::json::value EpisodeJson(const EpisodeDetail& d) {
  const EpisodeRecord& e = d.episode;
  boost::json::array history;
  for (const auto& h : d.status_history) {
    history.push_back(boost::json::object{{"from", h.from_status},
                                          {"to", h.to_status},
                                          {"reason", h.reason},
                                          {"at", FormatRfc3339(h.changed_at)},
                                          {"by_name", h.changed_by_name}});
  }
  boost::json::array handoffs;
  for (const auto& h : d.handoffs) {
    handoffs.push_back(boost::json::object{{"seq", h.seq},
                                           {"from_user_id", OptString(h.from_user_id)},
                                           {"from_name", OptString(h.from_name)},
                                           {"to_user_id", h.to_user_id},
                                           {"to_name", h.to_name},
                                           {"at", FormatRfc3339(h.occurred_at)},
                                           {"face_to_face", h.face_to_face},
                                           {"note", h.note}});
  }
  return boost::json::object{
      {"id", e.id},
      {"program_id", e.program_id},
      {"program_name", e.program_name},
      {"status", e.status},
      {"coordinator_id", e.coordinator_id},
      {"coordinator_name", e.coordinator_name},
      {"started_at", FormatRfc3339(e.started_at)},
      {"enrolled_at", OptInstant(e.enrolled_at)},
      {"ended_at", OptInstant(e.ended_at)},
      {"participant_id", e.participant_id},
      {"referral_id", OptString(e.referral_id)},
      {"status_reason", e.status_reason},
      {"status_changed_at", FormatRfc3339(e.status_changed_at)},
      {"referral_received_at", FormatRfc3339(e.referral_received_at)},
      {"status_history", std::move(history)},
      {"handoffs", std::move(handoffs)},
      // 001 §2; per_week 0: not set, the policy's default applies.
      {"contact_schedule", boost::json::object{{"per_week", e.contacts_per_week},
                                               {"reason", e.schedule_reason},
                                               {"note", e.schedule_note}}},
      {"time_zone", e.time_zone},
      {"version", e.version},
  };
}

boost::json::value CareTeamMemberJson(const app::CareTeamMemberView& v) {
  const CareTeamMemberRecord& m = v.member;
  return boost::json::object{
      {"id", m.id},
      {"episode_id", m.episode_id},
      {"role", m.role},
      {"user_id", OptString(m.user_id)},
      {"user_name", OptString(m.user_name)},
      {"external_name", m.external_name},
      {"external_org", m.external_org},
      {"phone", m.phone},
      {"email", m.email},
      {"start_date", m.start_date},
      {"end_date", OptString(m.end_date)},
      {"active", v.active},
      {"version", m.version},
  };
}

boost::json::value StaffMemberJson(const StaffMember& s) {
  return boost::json::object{
      {"id", s.id}, {"display_name", s.display_name}, {"roles", RolesJson(s.roles)}};
}

Response EpisodeResponse(int status, const EpisodeDetail& episode) {
  Response r = JsonResponse(status, EpisodeJson(episode));
  r.SetHeader("etag", ETagFor(episode.episode.version));
  return r;
}

Response CareTeamMemberResponse(int status, const app::CareTeamMemberView& member) {
  Response r = JsonResponse(status, CareTeamMemberJson(member));
  r.SetHeader("etag", ETagFor(member.member.version));
  return r;
}

}  // namespace carecoord::api
