// SPDX-License-Identifier: Apache-2.0
#include "api/care_plan_json.h"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cmath>
#include <utility>

#include "api/json_input.h"
#include "api/json_output.h"
#include "app/care_plan_codec.h"
#include "domain/time.h"

namespace carecoord::api {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

constexpr std::size_t kMaxId = 100;
constexpr std::size_t kMaxChangeNote = 1000;
constexpr std::size_t kMaxDate = 40;  // YYYY-MM-DD; the use case checks the form
constexpr std::size_t kMaxParticipants = 1000;
constexpr std::size_t kMaxReviewNote = 4000;
constexpr std::size_t kMaxProgressNote = 1000;

// Members of a body that are not the document: their errors stay where they are.
bool IsBodyField(std::string_view field) {
  return field.empty() || field == "episode_id" || field == "change_note" || field == "If-Match" ||
         field == "document" || field.starts_with("document.") || field.starts_with("document[");
}

value DocumentJson(const CarePlanDocument& document) {
  return boost::json::parse(app::EncodeCarePlan(document));
}

Result<CarePlanDocument> ParseDocument(const object& body) {
  const value* v = body.if_contains("document");
  if (v == nullptr || v->is_null()) {
    return Fail(ErrorCode::kInvalidArgument, "document is required", "document");
  }
  if (!v->is_object()) {
    return Fail(ErrorCode::kInvalidArgument, "document must be an object", "document");
  }
  auto document = app::DecodeCarePlan(boost::json::serialize(*v));
  if (!document) return std::unexpected(UnderDocument(document.error()));
  return std::move(*document);
}

}  // namespace

Error UnderDocument(Error error) {
  if (error.code != ErrorCode::kInvalidArgument || IsBodyField(error.field)) return error;
  if (error.message.starts_with(error.field)) error.message = "document." + error.message;
  error.field = "document." + error.field;
  return error;
}

boost::json::object CarePlanReviewJson(const CarePlanReviewRecord& r) {
  return object{{"id", r.id},
                {"version", r.version},
                {"reviewed_on", r.reviewed_on},
                {"next_review_date", r.next_review_date},
                {"participants", r.participants},
                {"note", r.note},
                {"recorded_by", r.recorded_by},
                {"recorded_by_name", r.recorded_by_name},
                {"created_at", FormatRfc3339(r.created_at)}};
}

boost::json::object CarePlanJson(const CarePlanRecord& p) {
  array reviews;
  for (const CarePlanReviewRecord& r : p.reviews) reviews.push_back(CarePlanReviewJson(r));
  return object{{"id", p.id},
                {"participant_id", p.participant_id},
                {"episode_id", p.episode_id},
                {"program_id", p.program_id},
                {"version", p.version},
                {"document", DocumentJson(p.document)},
                {"created_by", p.created_by},
                {"created_at", FormatRfc3339(p.created_at)},
                {"updated_at", FormatRfc3339(p.updated_at)},
                {"updated_by", p.updated_by},
                {"updated_by_name", p.updated_by_name},
                {"reviews", std::move(reviews)}};
}

boost::json::object CarePlanVersionJson(const CarePlanVersionRecord& v) {
  array changes;
  for (const std::string& c : v.changes) changes.push_back(value(c));
  return object{{"version", v.version},
                {"document", DocumentJson(v.document)},
                {"change_note", v.change_note},
                {"created_by", v.created_by},
                {"created_by_name", v.created_by_name},
                {"created_at", FormatRfc3339(v.created_at)},
                {"changes", std::move(changes)}};
}

boost::json::object GoalProgressJson(const GoalProgressRecord& g) {
  return object{{"id", g.id},
                {"goal_id", g.goal_id},
                {"observed_on", g.observed_on},
                {"value", g.value},
                {"note", g.note},
                {"recorded_by", g.recorded_by},
                {"recorded_by_name", g.recorded_by_name},
                {"created_at", FormatRfc3339(g.created_at)}};
}

Response CarePlanResponse(int status, const CarePlanRecord& plan) {
  Response r = JsonResponse(status, CarePlanJson(plan));
  r.SetHeader("etag", ETagFor(plan.version));
  return r;
}

Result<app::NewCarePlan> ParseNewCarePlan(const boost::json::object& body) {
  if (auto st = OnlyKnownFields(body, {"episode_id", "document", "change_note"}); !st) {
    return std::unexpected(st.error());
  }
  app::NewCarePlan in;
  auto episode = OptionalString(body, "episode_id", kMaxId);
  if (!episode) return std::unexpected(episode.error());
  if (*episode && !(*episode)->empty()) in.episode_id = std::move(**episode);
  auto document = ParseDocument(body);
  if (!document) return std::unexpected(document.error());
  in.document = std::move(*document);
  auto note = OptionalString(body, "change_note", kMaxChangeNote);
  if (!note) return std::unexpected(note.error());
  in.change_note = note->value_or("");
  return in;
}

Result<CarePlanChange> ParseCarePlanChange(const boost::json::object& body) {
  if (auto st = OnlyKnownFields(body, {"document", "change_note"}); !st) {
    return std::unexpected(st.error());
  }
  CarePlanChange change;
  auto document = ParseDocument(body);
  if (!document) return std::unexpected(document.error());
  change.document = std::move(*document);
  auto note = OptionalString(body, "change_note", kMaxChangeNote);
  if (!note) return std::unexpected(note.error());
  change.change_note = note->value_or("");
  return change;
}

Result<app::NewCarePlanReview> ParseCarePlanReview(const boost::json::object& body) {
  if (auto st = OnlyKnownFields(body, {"reviewed_on", "next_review_date", "participants", "note"});
      !st) {
    return std::unexpected(st.error());
  }
  app::NewCarePlanReview in;
  auto reviewed = RequiredString(body, "reviewed_on", kMaxDate);
  if (!reviewed) return std::unexpected(reviewed.error());
  in.reviewed_on = std::move(*reviewed);
  auto next = RequiredString(body, "next_review_date", kMaxDate);
  if (!next) return std::unexpected(next.error());
  in.next_review_date = std::move(*next);
  auto participants = RequiredString(body, "participants", kMaxParticipants);
  if (!participants) return std::unexpected(participants.error());
  in.participants = std::move(*participants);
  auto note = OptionalString(body, "note", kMaxReviewNote);
  if (!note) return std::unexpected(note.error());
  in.note = note->value_or("");
  return in;
}

Result<app::NewGoalProgress> ParseGoalProgress(const boost::json::object& body) {
  if (auto st = OnlyKnownFields(body, {"observed_on", "value", "note"}); !st) {
    return std::unexpected(st.error());
  }
  app::NewGoalProgress in;
  auto observed = RequiredString(body, "observed_on", kMaxDate);
  if (!observed) return std::unexpected(observed.error());
  in.observed_on = std::move(*observed);
  const value* v = body.if_contains("value");
  if (v == nullptr || v->is_null()) {
    return Fail(ErrorCode::kInvalidArgument, "value is required", "value");
  }
  if (!v->is_number()) {
    return Fail(ErrorCode::kInvalidArgument, "value must be a number", "value");
  }
  in.value = v->to_number<double>();
  if (!std::isfinite(in.value)) {
    return Fail(ErrorCode::kInvalidArgument, "value must be a finite number", "value");
  }
  auto note = OptionalString(body, "note", kMaxProgressNote);
  if (!note) return std::unexpected(note.error());
  in.note = note->value_or("");
  return in;
}

}  // namespace carecoord::api
