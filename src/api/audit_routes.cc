// SPDX-License-Identifier: Apache-2.0
// Reading the audit log.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <charconv>

#include "api/handlers.h"
#include "api/json_output.h"
#include "api/problem.h"
#include "app/services.h"

namespace carecoord::api {
namespace {

Result<std::int64_t> QueryInt(const Call& call, std::string_view name, std::int64_t fallback,
                              std::int64_t min, std::int64_t max) {
  auto text = call.Query(name);
  if (!text) return fallback;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || p != text->data() + text->size() || v < min || v > max) {
    return Fail(ErrorCode::kInvalidArgument,
                std::string(name) + " must be a whole number from " + std::to_string(min) + " to " +
                    std::to_string(max),
                std::string(name));
  }
  return v;
}

}  // namespace

Response HandleSearchAudit(Call& call) {
  app::AuditQuery q;
  for (auto [name, target] :
       {std::pair{"user_id", &q.user_id}, {"participant_id", &q.participant_id}}) {
    const std::string_view value = call.Query(name).value_or("");
    if (value.size() > 64) {
      return ProblemResponse(400, std::string(name) + " must be an id (at most 64 characters)",
                             name);
    }
    *target = std::string(value);
  }
  if (auto from = call.Query("from")) {
    auto t = ParseInstant(*from, "from");
    if (!t) return ErrorResponse(t.error());
    q.from = *t;
  }
  if (auto to = call.Query("to")) {
    auto t = ParseInstant(*to, "to");
    if (!t) return ErrorResponse(t.error());
    // A plain date names a whole day: "to=2026-11-22" includes that day.
    q.to = to->size() == 10 ? *t + std::chrono::days(1) : *t;
  }
  auto limit = QueryInt(call, "limit", 100, 1, 500);
  if (!limit) return ErrorResponse(limit.error());
  q.limit = static_cast<int>(*limit);
  auto before = QueryInt(call, "before_seq", 0, 1, std::numeric_limits<std::int64_t>::max());
  if (!before) return ErrorResponse(before.error());
  q.before_seq = *before;

  auto page = call.services.audit_query.Search(call.ctx, q);
  if (!page) return ErrorResponse(page.error());
  boost::json::array items;
  for (const auto& e : page->items) items.push_back(AuditEventJson(e));
  boost::json::object out{{"items", std::move(items)}};
  if (page->next_before_seq) {
    out["next_before_seq"] = *page->next_before_seq;
  } else {
    out["next_before_seq"] = nullptr;
  }
  return JsonResponse(200, out);
}

}  // namespace carecoord::api
