// SPDX-License-Identifier: Apache-2.0
#include "api/json_input.h"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/value_stack.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>

namespace carecoord::api {
namespace {

using boost::json::object;
using boost::json::value;
using JsonError = boost::json::error_code;

// A key as a field name: at most 64 bytes, cut at a character boundary.
std::string_view KeyForPath(std::string_view key) {
  if (key.size() <= 64) return key;
  std::size_t n = 64;
  while (n > 0 && (static_cast<unsigned char>(key[n]) & 0xC0) == 0x80) --n;
  return key.substr(0, n);
}

// C0 controls other than tab, LF and CR.
bool HasControl(std::string_view text) {
  return std::ranges::any_of(text, [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 && c != '\t' && c != '\n' && c != '\r';
  });
}

// The handler of a boost::json::basic_parser that builds the value as boost::json::parser does
// (a value_stack), refusing on the way what parse() would let through: a key given twice in one
// object, and control characters in keys and strings. It keeps the path of the value being
// parsed ("goals[2].target_date") so a refusal names the field the way the validator does.
class CheckingHandler {
 public:
  static constexpr std::size_t max_object_size = object::max_size();
  static constexpr std::size_t max_array_size = boost::json::array::max_size();
  static constexpr std::size_t max_key_size = boost::json::string::max_size();
  static constexpr std::size_t max_string_size = boost::json::string::max_size();

  CheckingHandler() { stack_.reset(); }

  bool on_document_begin(JsonError&) { return true; }
  bool on_document_end(JsonError&) { return true; }
  bool on_object_begin(JsonError&) {
    frames_.emplace_back(true);
    return true;
  }
  bool on_object_end(std::size_t n, JsonError&) {
    frames_.pop_back();
    stack_.push_object(n);
    Completed();
    return true;
  }
  bool on_array_begin(JsonError&) {
    frames_.emplace_back(false);
    return true;
  }
  bool on_array_end(std::size_t n, JsonError&) {
    frames_.pop_back();
    stack_.push_array(n);
    Completed();
    return true;
  }
  bool on_key_part(boost::json::string_view s, std::size_t, JsonError&) {
    key_.append(s.data(), s.size());
    stack_.push_chars(s);
    return true;
  }
  bool on_key(boost::json::string_view s, std::size_t, JsonError& ec) {
    key_.append(s.data(), s.size());
    Frame& frame = frames_.back();
    if (HasControl(key_)) {
      return Refuse(
          ec,
          "a field name in " + Describe(Path(frames_.size() - 1)) + " contains a control character",
          Field(Path(frames_.size() - 1)));
    }
    if (!frame.keys.insert(key_).second) {
      const std::string field = Path(frames_.size() - 1, key_);
      return Refuse(ec, "the field '" + field + "' is given twice; send each field once", field);
    }
    frame.key = std::move(key_);
    key_.clear();
    stack_.push_key(s);
    return true;
  }
  bool on_string_part(boost::json::string_view s, std::size_t, JsonError& ec) {
    if (HasControl(s)) return RefuseControl(ec);
    stack_.push_chars(s);
    return true;
  }
  bool on_string(boost::json::string_view s, std::size_t, JsonError& ec) {
    if (HasControl(s)) return RefuseControl(ec);
    stack_.push_string(s);
    Completed();
    return true;
  }
  bool on_number_part(boost::json::string_view, JsonError&) { return true; }
  bool on_int64(std::int64_t i, boost::json::string_view, JsonError&) {
    stack_.push_int64(i);
    Completed();
    return true;
  }
  bool on_uint64(std::uint64_t u, boost::json::string_view, JsonError&) {
    stack_.push_uint64(u);
    Completed();
    return true;
  }
  bool on_double(double d, boost::json::string_view, JsonError&) {
    stack_.push_double(d);
    Completed();
    return true;
  }
  bool on_bool(bool b, JsonError&) {
    stack_.push_bool(b);
    Completed();
    return true;
  }
  bool on_null(JsonError&) {
    stack_.push_null();
    Completed();
    return true;
  }
  bool on_comment_part(boost::json::string_view, JsonError&) { return true; }
  bool on_comment(boost::json::string_view, JsonError&) { return true; }

  value Release() { return stack_.release(); }
  const std::optional<Error>& refusal() const { return refusal_; }

 private:
  struct Frame {
    explicit Frame(bool is_object) : object(is_object) {}
    bool object = true;
    std::string key;        // an object's member being parsed
    std::size_t index = 0;  // an array's item being parsed
    std::set<std::string, std::less<>> keys;
  };

  // A value ended: the array holding it moves to its next item.
  void Completed() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
  }

  // The path through the first `depth` frames, then `key` if any.
  std::string Path(std::size_t depth, std::string_view key = {}) const {
    std::string out;
    const auto add_key = [&out](std::string_view k) {
      if (!out.empty()) out += '.';
      out += KeyForPath(k);
    };
    for (std::size_t i = 0; i < depth; ++i) {
      if (frames_[i].object)
        add_key(frames_[i].key);
      else
        out += "[" + std::to_string(frames_[i].index) + "]";
    }
    if (!key.empty()) add_key(key);
    return out;
  }
  static std::string Field(const std::string& path) { return path.empty() ? "body" : path; }
  static std::string Describe(const std::string& path) { return path.empty() ? "the body" : path; }

  bool RefuseControl(JsonError& ec) {
    const std::string path = Path(frames_.size());
    return Refuse(ec,
                  Describe(path) +
                      " contains a control character; only tab, line feed and carriage "
                      "return are allowed in text",
                  Field(path));
  }
  bool Refuse(JsonError& ec, std::string message, std::string field) {
    Error error;
    error.code = ErrorCode::kInvalidArgument;
    error.message = std::move(message);
    error.field = std::move(field);
    refusal_ = std::move(error);
    ec = boost::json::error::syntax;  // stops the parser; refusal_ says why
    return false;
  }

  boost::json::value_stack stack_;
  std::vector<Frame> frames_;
  std::string key_;  // the key being read, across on_key_part calls
  std::optional<Error> refusal_;
};

}  // namespace

Result<boost::json::object> ParseJsonObject(const Request& request) {
  const std::string_view type = request.HeaderValue("content-type");
  if (type.substr(0, type.find(';')) != "application/json") {
    return Fail(ErrorCode::kInvalidArgument,
                "the body must be JSON (Content-Type: application/json)", "content-type");
  }
  boost::json::parse_options opts;
  opts.max_depth = 32;
  boost::json::basic_parser<CheckingHandler> parser(opts);
  JsonError ec;
  const std::size_t used = parser.write_some(false, request.body.data(), request.body.size(), ec);
  if (const auto& refusal = parser.handler().refusal()) return std::unexpected(*refusal);
  if (ec || used != request.body.size() || !parser.done()) {
    return Fail(ErrorCode::kInvalidArgument, "the body is not valid JSON", "body");
  }
  value v = parser.handler().Release();
  if (!v.is_object()) {
    return Fail(ErrorCode::kInvalidArgument, "the body must be a JSON object", "body");
  }
  return std::move(v.as_object());
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

std::optional<std::string> TextMember(const object& body, std::string_view key) {
  const value* v = body.if_contains(key);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return std::string(v->get_string());
}

std::string TextOr(const object& body, std::string_view key) {
  return TextMember(body, key).value_or("");
}

std::optional<bool> BoolMember(const object& body, std::string_view key) {
  const value* v = body.if_contains(key);
  if (v == nullptr || !v->is_bool()) return std::nullopt;
  return v->get_bool();
}

std::optional<int> IntMember(const object& body, std::string_view key) {
  const value* v = body.if_contains(key);
  if (v == nullptr) return std::nullopt;
  constexpr auto kMin = std::numeric_limits<int>::min();
  constexpr auto kMax = std::numeric_limits<int>::max();
  if (v->is_int64()) return static_cast<int>(std::clamp<std::int64_t>(v->get_int64(), kMin, kMax));
  if (v->is_uint64()) return kMax;
  if (v->is_double() && std::isfinite(v->get_double())) {
    return static_cast<int>(std::clamp<double>(std::trunc(v->get_double()), kMin, kMax));
  }
  return std::nullopt;
}

std::optional<double> NumberMember(const object& body, std::string_view key) {
  const value* v = body.if_contains(key);
  if (v == nullptr || !v->is_number()) return std::nullopt;
  return v->to_number<double>();
}

std::optional<std::vector<std::string>> TextListMember(const object& body, std::string_view key) {
  const value* v = body.if_contains(key);
  if (v == nullptr || !v->is_array()) return std::nullopt;
  std::vector<std::string> out;
  for (const value& item : v->get_array()) {
    if (item.is_string()) out.emplace_back(item.get_string());
  }
  return out;
}

std::optional<Instant> InstantMember(const object& body, std::string_view key) {
  auto text = TextMember(body, key);
  if (!text) return std::nullopt;
  auto t = ParseInstant(*text, key);
  if (!t) return std::nullopt;
  return *t;
}

const object* ObjectMember(const object& body, std::string_view key) {
  const value* v = body.if_contains(key);
  return v != nullptr && v->is_object() ? &v->get_object() : nullptr;
}

bool IsNullMember(const object& body, std::string_view key) {
  const value* v = body.if_contains(key);
  return v != nullptr && v->is_null();
}

}  // namespace carecoord::api
