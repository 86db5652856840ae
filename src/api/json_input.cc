// SPDX-License-Identifier: Apache-2.0
#include "api/json_input.h"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <charconv>

namespace carecoord::api {

Result<boost::json::object> ParseJsonObject(const Request& request) {
  const std::string_view type = request.HeaderValue("content-type");
  if (type.substr(0, type.find(';')) != "application/json") {
    return Fail(ErrorCode::kInvalidArgument,
                "the body must be JSON (Content-Type: application/json)", "content-type");
  }
  boost::system::error_code ec;
  boost::json::parse_options opts;
  opts.max_depth = 32;
  boost::json::value v = boost::json::parse(request.body, ec, {}, opts);
  if (ec) return Fail(ErrorCode::kInvalidArgument, "the body is not valid JSON", "body");
  if (!v.is_object())
    return Fail(ErrorCode::kInvalidArgument, "the body must be a JSON object", "body");
  return std::move(v.as_object());
}

Result<std::optional<std::string>> OptionalString(const boost::json::object& obj,
                                                  std::string_view field, std::size_t max_bytes) {
  const boost::json::value* v = obj.if_contains(field);
  if (v == nullptr || v->is_null()) return std::optional<std::string>();
  if (!v->is_string()) {
    return Fail(ErrorCode::kInvalidArgument, std::string(field) + " must be a string",
                std::string(field));
  }
  const boost::json::string& s = v->get_string();
  if (s.size() > max_bytes) {
    return Fail(ErrorCode::kInvalidArgument,
                std::string(field) + " must be at most " + std::to_string(max_bytes) + " bytes",
                std::string(field));
  }
  return std::optional<std::string>(std::string(s));
}

Result<std::string> RequiredString(const boost::json::object& obj, std::string_view field,
                                   std::size_t max_bytes) {
  auto s = OptionalString(obj, field, max_bytes);
  if (!s) return std::unexpected(s.error());
  if (!*s || (*s)->empty()) {
    return Fail(ErrorCode::kInvalidArgument, std::string(field) + " is required",
                std::string(field));
  }
  return std::move(**s);
}

Result<std::optional<bool>> OptionalBool(const boost::json::object& obj, std::string_view field) {
  const boost::json::value* v = obj.if_contains(field);
  if (v == nullptr || v->is_null()) return std::optional<bool>();
  if (!v->is_bool()) {
    return Fail(ErrorCode::kInvalidArgument, std::string(field) + " must be true or false",
                std::string(field));
  }
  return std::optional<bool>(v->get_bool());
}

Status OnlyKnownFields(const boost::json::object& obj,
                       std::initializer_list<std::string_view> allowed) {
  for (const auto& kv : obj) {
    if (std::find(allowed.begin(), allowed.end(), std::string_view(kv.key())) == allowed.end()) {
      const std::string key(kv.key().substr(0, 64));
      return Fail(ErrorCode::kInvalidArgument, "unknown field '" + key + "'", key);
    }
  }
  return {};
}

Result<std::int64_t> IfMatchVersion(const Request& request, std::string_view what,
                                    std::int64_t min_version) {
  std::string_view v = request.HeaderValue("if-match");
  if (v.empty()) {
    return Fail(
        ErrorCode::kPreconditionRequired,
        "send If-Match with the version you edited (the ETag of the " + std::string(what) + ")",
        "If-Match");
  }
  if (v.starts_with("W/")) v.remove_prefix(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  std::int64_t version = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), version);
  if (ec != std::errc() || p != v.data() + v.size() || version < min_version) {
    return Fail(ErrorCode::kInvalidArgument, "If-Match must be a quoted version number like \"3\"",
                "If-Match");
  }
  return version;
}

}  // namespace carecoord::api
