// SPDX-License-Identifier: Apache-2.0
#include "api/care_plan_json.h"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

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

// Members of a body that are not the document: their errors stay where they are.
bool IsBodyField(std::string_view field) {
  return field.empty() || field == "episode_id" || field == "change_note" || field == "If-Match" ||
         field == "document" || field.starts_with("document.") || field.starts_with("document[");
}

value DocumentJson(const CarePlanDocument& document) {
  return boost::json::parse(app::EncodeCarePlan(document));
}

// The schema has checked the document's shape (CarePlanDocumentRequest); the codec turns it into
// the domain's document, filling in defaults, as it does for a stored one.
Result<CarePlanDocument> ReadDocument(const object& body) {
  const value* v = body.if_contains("document");
  auto document = app::DecodeCarePlan(v != nullptr ? boost::json::serialize(*v) : "{}");
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
  app::NewCarePlan in;
  if (auto episode = TextMember(body, "episode_id"); episode && !episode->empty()) {
    in.episode_id = std::move(*episode);
  }
  CARECOORD_TRY(document, ReadDocument(body));
  in.document = std::move(*document);
  in.change_note = TextOr(body, "change_note");
  return in;
}

Result<CarePlanChange> ParseCarePlanChange(const boost::json::object& body) {
  CarePlanChange change;
  CARECOORD_TRY(document, ReadDocument(body));
  change.document = std::move(*document);
  change.change_note = TextOr(body, "change_note");
  return change;
}

app::NewCarePlanReview ParseCarePlanReview(const boost::json::object& body) {
  app::NewCarePlanReview in;
  in.reviewed_on = TextOr(body, "reviewed_on");
  in.next_review_date = TextOr(body, "next_review_date");
  in.participants = TextOr(body, "participants");
  in.note = TextOr(body, "note");
  return in;
}

app::NewGoalProgress ParseGoalProgress(const boost::json::object& body) {
  app::NewGoalProgress in;
  in.observed_on = TextOr(body, "observed_on");
  in.value = NumberMember(body, "value").value_or(0);  // required, and finite (a JSON number)
  in.note = TextOr(body, "note");
  return in;
}

}  // namespace carecoord::api
