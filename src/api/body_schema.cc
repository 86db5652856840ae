// SPDX-License-Identifier: Apache-2.0
#include "api/body_schema.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <set>
#include <utility>
#include <vector>

#include "api/json_input.h"
#include "api/openapi.h"
#include "domain/calendar.h"
#include "domain/time.h"

namespace carecoord::api {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

constexpr std::string_view kRefPrefix = "#/components/schemas/";
// Bounds a $ref chain that consumes no input (A -> B -> A) so a bad schema cannot loop; real
// nesting is bounded by the parser's depth limit long before this.
constexpr int kMaxSchemaDepth = 128;
// Enum values listed in a message; a longer list ends in "...".
constexpr std::size_t kMaxListedValues = 16;

constexpr std::array<std::string_view, 21> kKeywords = {"$ref",
                                                        "allOf",
                                                        "anyOf",
                                                        "oneOf",
                                                        "type",
                                                        "const",
                                                        "enum",
                                                        "minLength",
                                                        "maxLength",
                                                        "pattern",
                                                        "format",
                                                        "minimum",
                                                        "maximum",
                                                        "items",
                                                        "minItems",
                                                        "maxItems",
                                                        "properties",
                                                        "required",
                                                        "additionalProperties",
                                                        "minProperties",
                                                        "maxProperties"};
// Say something about a schema without constraining its instances.
constexpr std::array<std::string_view, 8> kAnnotations = {
    "description", "default", "title", "examples", "example", "$comment", "deprecated", "readOnly"};
constexpr std::array<std::string_view, 7> kTypes = {"string", "integer", "number", "boolean",
                                                    "object", "array",   "null"};
constexpr std::array<std::string_view, 2> kFormats = {"date-time", "date"};

template <std::size_t N>
bool OneOf(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::ranges::find(names, name) != names.end();
}

std::size_t CountCodePoints(std::string_view utf8) {
  return static_cast<std::size_t>(std::ranges::count_if(
      utf8, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool IsInteger(const value& v) {
  if (v.is_int64() || v.is_uint64()) return true;
  return v.is_double() && std::isfinite(v.get_double()) &&
         v.get_double() == std::trunc(v.get_double());
}

bool HasType(const value& v, std::string_view type) {
  if (type == "string") return v.is_string();
  if (type == "integer") return IsInteger(v);
  if (type == "number")
    return v.is_int64() || v.is_uint64() || (v.is_double() && std::isfinite(v.get_double()));
  if (type == "boolean") return v.is_bool();
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "null") return v.is_null();
  return false;
}

std::string TypeWords(std::string_view type) {
  if (type == "string") return "a string";
  if (type == "integer") return "a whole number";
  if (type == "number") return "a number";
  if (type == "boolean") return "true or false";
  if (type == "object") return "an object";
  if (type == "array") return "a list";
  if (type == "null") return "null";
  return std::string(type);
}

// A value as a message shows it: text quoted, anything else as JSON.
std::string Show(const value& v) {
  if (v.is_string()) return "'" + std::string(v.get_string().subview().substr(0, 60)) + "'";
  return boost::json::serialize(v);
}

// A number of a schema (minLength, maximum...) as a count or a bound; 0 when it is not one.
double Number(const value& v) {
  return v.is_number() ? v.to_number<double>() : 0;
}
std::size_t Count(const value& v) {
  const double n = Number(v);
  return n > 0 ? static_cast<std::size_t>(n) : 0;
}
// 1440, 0.5: as a person writes it (serialize would give 5E-1).
std::string ShowNumber(const value& v) {
  if (!v.is_double()) return v.is_number() ? boost::json::serialize(v) : "?";
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v.get_double());
  return ec == std::errc() ? std::string(buffer, end) : boost::json::serialize(v);
}

// At most 64 bytes of a key for a field name, cut at a character boundary.
std::string_view KeyForPath(std::string_view key) {
  if (key.size() <= 64) return key;
  std::size_t n = 64;
  while (n > 0 && (static_cast<unsigned char>(key[n]) & 0xC0) == 0x80) --n;
  return key.substr(0, n);
}

std::string Field(const std::string& path) {
  return path.empty() ? std::string("body") : path;
}

std::unexpected<Error> Invalid(const std::string& path, std::string_view what) {
  const std::string subject = path.empty() ? std::string("the body") : path;
  return Fail(ErrorCode::kInvalidArgument, subject + " " + std::string(what), Field(path));
}

std::unexpected<Error> Broken(std::string message) {
  return Fail(ErrorCode::kInternal, "request schema: " + std::move(message));
}

void CollectPatterns(const value& schema, std::map<std::string, std::regex, std::less<>>& out) {
  if (schema.is_array()) {
    for (const value& v : schema.get_array()) CollectPatterns(v, out);
    return;
  }
  if (!schema.is_object()) return;
  for (const auto& [key, v] : schema.get_object()) {
    if (key == "pattern" && v.is_string()) {
      const std::string text(v.get_string());
      if (out.contains(text)) continue;
      try {
        out.emplace(text, std::regex(text, std::regex::ECMAScript));
      } catch (const std::regex_error&) {
        // Left out: Unsupported() reports it, and Validate refuses to guess.
      }
    } else if (key != "enum" && key != "const" && key != "default" && key != "examples" &&
               key != "example") {
      CollectPatterns(v, out);
    }
  }
}

}  // namespace

// One validation (or one walk of the schemas): the path of the member being checked, in the
// notation of the API's `field`, grown and cut back as the walk goes in and out.
struct BodySchemas::Walker {
  const BodySchemas& schemas;
  std::string path;
  int depth = 0;

  const object* Resolve(const value& ref) const {
    if (!ref.is_string()) return nullptr;
    std::string_view text = ref.get_string();
    if (!text.starts_with(kRefPrefix)) return nullptr;
    text.remove_prefix(kRefPrefix.size());
    const value* target = schemas.schemas_.if_contains(text);
    return target != nullptr && target->is_object() ? &target->get_object() : nullptr;
  }

  // `v` against `schema` at `path`.
  Status Check(const value& schema, const value& v) {
    if (!schema.is_object()) return Broken("a schema at " + Field(path) + " is not an object");
    if (++depth > kMaxSchemaDepth) return Broken("$ref loop at " + Field(path));
    Status st = CheckObject(schema.get_object(), v);
    --depth;
    return st;
  }

  Status CheckObject(const object& s, const value& v) {
    if (const value* type = s.if_contains("type")) CARECOORD_RETURN_IF_ERROR(CheckType(*type, v));
    if (const value* ref = s.if_contains("$ref")) {
      const object* target = Resolve(*ref);
      if (target == nullptr) return Broken("unresolved $ref " + boost::json::serialize(*ref));
      CARECOORD_RETURN_IF_ERROR(Check(*target, v));
    }
    if (const value* all = s.if_contains("allOf"); all && all->is_array()) {
      for (const value& sub : all->get_array()) CARECOORD_RETURN_IF_ERROR(Check(sub, v));
    }
    if (const value* any = s.if_contains("anyOf"); any && any->is_array()) {
      CARECOORD_RETURN_IF_ERROR(CheckAlternatives(any->get_array(), v, false));
    }
    if (const value* one = s.if_contains("oneOf"); one && one->is_array()) {
      CARECOORD_RETURN_IF_ERROR(CheckAlternatives(one->get_array(), v, true));
    }
    if (const value* c = s.if_contains("const"); c && v != *c) {
      return Invalid(path, "must be " + Show(*c));
    }
    if (const value* e = s.if_contains("enum"); e && e->is_array()) {
      const array& allowed = e->get_array();
      if (std::ranges::find(allowed, v) == allowed.end()) {
        std::string list;
        for (std::size_t i = 0; i < allowed.size() && i < kMaxListedValues; ++i) {
          if (i > 0) list += ", ";
          list += Show(allowed[i]);
        }
        if (allowed.size() > kMaxListedValues) list += ", ...";
        return Invalid(path, (v.is_string() ? "is " + Show(v) + "; it must be one of: "
                                            : std::string("must be one of: ")) +
                                 list);
      }
    }
    if (v.is_string()) return CheckString(s, v.get_string());
    if (v.is_number()) return CheckNumber(s, v);
    if (v.is_array()) return CheckArray(s, v.get_array());
    if (v.is_object()) return CheckMembers(s, v.get_object());
    return {};
  }

  Status CheckType(const value& type, const value& v) {
    if (type.is_string()) {
      if (HasType(v, type.get_string())) return {};
      return Invalid(path, "must be " + TypeWords(type.get_string()));
    }
    if (!type.is_array()) return Broken("type at " + Field(path) + " is neither a name nor a list");
    std::string words;
    for (std::size_t i = 0; i < type.get_array().size(); ++i) {
      const value& t = type.get_array()[i];
      if (!t.is_string()) return Broken("type at " + Field(path) + " lists a non-name");
      if (HasType(v, t.get_string())) return {};
      if (i > 0) words += i + 1 == type.get_array().size() ? " or " : ", ";
      words += TypeWords(t.get_string());
    }
    return Invalid(path, "must be " + words);
  }

  // anyOf (one_only false) and oneOf. When nothing matches, the mismatch that got furthest into
  // the value (the longest field) says the most; among equals, the first alternative's.
  Status CheckAlternatives(const array& alternatives, const value& v, bool one_only) {
    std::optional<Error> best;
    int matches = 0;
    for (const value& alternative : alternatives) {
      Walker sub{schemas, path, depth};
      Status st = sub.Check(alternative, v);
      if (st) {
        ++matches;
        if (!one_only) return {};
        continue;
      }
      if (st.error().code != ErrorCode::kInvalidArgument) return st;
      if (!best || st.error().field.size() > best->field.size()) best = st.error();
    }
    if (matches == 1) return {};
    if (matches > 1) return Invalid(path, "matches more than one of the forms it may take");
    if (best) return std::unexpected(std::move(*best));
    return Broken("no alternatives at " + Field(path));
  }

  Status CheckString(const object& s, std::string_view text) {
    const std::size_t chars = CountCodePoints(text);
    if (const value* min = s.if_contains("minLength"); min && chars < Count(*min)) {
      return Invalid(path, Count(*min) == 1
                               ? std::string("must not be empty")
                               : "must be at least " + ShowNumber(*min) + " characters");
    }
    if (const value* max = s.if_contains("maxLength"); max && chars > Count(*max)) {
      return Invalid(path, "must be at most " + ShowNumber(*max) + " characters");
    }
    if (const value* pattern = s.if_contains("pattern"); pattern && pattern->is_string()) {
      auto it = schemas.patterns_->find(std::string_view(pattern->get_string()));
      if (it == schemas.patterns_->end()) return Broken("pattern at " + Field(path));
      if (!std::regex_search(text.begin(), text.end(), it->second)) {
        return Invalid(path, "must match " + std::string(pattern->get_string()));
      }
    }
    if (const value* format = s.if_contains("format"); format && format->is_string()) {
      // The domain's own parsers, so a body passes here exactly when the use case can read it,
      // and the message is the one the use case would give.
      if (format->get_string() == "date-time") {
        CARECOORD_RETURN_IF_ERROR(ParseInstant(text, Field(path)));
      } else if (format->get_string() == "date") {
        CARECOORD_RETURN_IF_ERROR(ParseDate(text, Field(path)));
      } else {
        return Broken("format " + std::string(format->get_string()) + " at " + Field(path));
      }
    }
    return {};
  }

  Status CheckNumber(const object& s, const value& v) {
    const double n = v.to_number<double>();
    const value* min = s.if_contains("minimum");
    const value* max = s.if_contains("maximum");
    const bool low = min != nullptr && n < Number(*min);
    const bool high = max != nullptr && n > Number(*max);
    if (!low && !high) return {};
    if (min != nullptr && max != nullptr) {
      return Invalid(path, "must be between " + ShowNumber(*min) + " and " + ShowNumber(*max));
    }
    return low ? Invalid(path, "must be at least " + ShowNumber(*min))
               : Invalid(path, "must be at most " + ShowNumber(*max));
  }

  Status CheckArray(const object& s, const array& items) {
    if (const value* min = s.if_contains("minItems"); min && items.size() < Count(*min)) {
      return Invalid(path, Count(*min) == 1 ? std::string("must not be empty")
                                            : "must have at least " + ShowNumber(*min) + " items");
    }
    if (const value* max = s.if_contains("maxItems"); max && items.size() > Count(*max)) {
      return Invalid(path, "must have at most " + ShowNumber(*max) + " items");
    }
    if (const value* each = s.if_contains("items")) {
      for (std::size_t i = 0; i < items.size(); ++i) {
        const std::size_t mark = path.size();
        path += "[" + std::to_string(i) + "]";
        Status st = Check(*each, items[i]);
        path.resize(mark);
        CARECOORD_RETURN_IF_ERROR(std::move(st));
      }
    }
    return {};
  }

  Status CheckMember(const value& schema, std::string_view key, const value& member) {
    const std::size_t mark = path.size();
    if (!path.empty()) path += '.';
    path += KeyForPath(key);
    Status st = Check(schema, member);
    path.resize(mark);
    return st;
  }

  std::string MemberPath(std::string_view key) const {
    return path.empty() ? std::string(KeyForPath(key)) : path + "." + std::string(KeyForPath(key));
  }

  Status CheckMembers(const object& s, const object& members) {
    static const object kNoProperties;
    const value* props_value = s.if_contains("properties");
    const object& props =
        props_value && props_value->is_object() ? props_value->get_object() : kNoProperties;
    const value* required_value = s.if_contains("required");
    const auto required = [&](std::string_view key) {
      if (required_value == nullptr || !required_value->is_array()) return false;
      return std::ranges::any_of(required_value->get_array(), [key](const value& name) {
        return name.is_string() && std::string_view(name.get_string()) == key;
      });
    };
    // Unknown members first: a misspelt key should be named as such, not as the member it
    // failed to set ("pasword", not "password is required").
    if (const value* extra = s.if_contains("additionalProperties")) {
      for (const auto& [key, member] : members) {
        if (props.contains(key)) continue;
        if (extra->is_bool()) {
          if (extra->get_bool()) continue;
          const std::string field = MemberPath(key);
          return Fail(ErrorCode::kInvalidArgument, "unknown field '" + field + "'", field);
        }
        CARECOORD_RETURN_IF_ERROR(CheckMember(*extra, key, member));
      }
    }
    if (const value* min = s.if_contains("minProperties"); min && members.size() < Count(*min)) {
      if (path.empty() && Count(*min) == 1) {
        return Fail(ErrorCode::kInvalidArgument, "nothing to change: send at least one field",
                    "body");
      }
      return Invalid(path, "must have at least " + ShowNumber(*min) + " members");
    }
    if (const value* max = s.if_contains("maxProperties"); max && members.size() > Count(*max)) {
      return Invalid(path, "must have at most " + ShowNumber(*max) + " members");
    }
    for (const auto& [key, schema] : props) {
      if (const value* member = members.if_contains(key)) {
        CARECOORD_RETURN_IF_ERROR(CheckMember(schema, key, *member));
      } else if (required(key)) {
        return Invalid(MemberPath(key), "is required");
      }
    }
    if (required_value != nullptr && required_value->is_array()) {
      for (const value& key : required_value->get_array()) {
        if (!key.is_string() || props.contains(key.get_string())) continue;
        if (!members.contains(key.get_string())) {
          return Invalid(MemberPath(key.get_string()), "is required");
        }
      }
    }
    return {};
  }

  // Unsupported(): every problem of `schema` and what it contains.
  void Audit(const value& schema, std::vector<std::string>& problems) {
    if (!schema.is_object()) {
      problems.push_back(Field(path) + ": a schema must be an object");
      return;
    }
    const auto sub = [&](std::string_view suffix, const value& v) {
      const std::size_t mark = path.size();
      path += suffix;
      Audit(v, problems);
      path.resize(mark);
    };
    for (const auto& [key, v] : schema.get_object()) {
      const std::string where = Field(path) + ": " + std::string(key);
      if (!OneOf(kKeywords, key) && !OneOf(kAnnotations, key)) {
        problems.push_back(where + " is not a keyword the request validator supports");
      } else if (key == "$ref" && Resolve(v) == nullptr) {
        problems.push_back(where + " " + boost::json::serialize(v) + " resolves to nothing");
      } else if (key == "type") {
        const bool ok = (v.is_string() && OneOf(kTypes, v.get_string())) ||
                        (v.is_array() && std::ranges::all_of(v.get_array(), [](const value& t) {
                           return t.is_string() && OneOf(kTypes, t.get_string());
                         }));
        if (!ok) problems.push_back(where + " names an unknown type");
      } else if (key == "format" && (!v.is_string() || !OneOf(kFormats, v.get_string()))) {
        problems.push_back(where + " " + boost::json::serialize(v) + " is not checked");
      } else if (key == "pattern" && (!v.is_string() || !schemas.patterns_->contains(
                                                            std::string_view(v.get_string())))) {
        problems.push_back(where + " does not compile");
      } else if (key == "properties" && v.is_object()) {
        for (const auto& [name, property] : v.get_object()) {
          sub("." + std::string(name), property);
        }
      } else if (key == "items" || (key == "additionalProperties" && !v.is_bool())) {
        sub("." + std::string(key), v);
      } else if ((key == "allOf" || key == "anyOf" || key == "oneOf") && v.is_array()) {
        for (std::size_t i = 0; i < v.get_array().size(); ++i) {
          sub("." + std::string(key) + "[" + std::to_string(i) + "]", v.get_array()[i]);
        }
      }
    }
  }
};

BodySchemas::BodySchemas(boost::json::object schemas) : schemas_(std::move(schemas)) {
  auto patterns = std::make_shared<std::map<std::string, std::regex, std::less<>>>();
  for (const auto& [name, schema] : schemas_) CollectPatterns(schema, *patterns);
  patterns_ = std::move(patterns);
}

Result<BodySchemas> BodySchemas::FromDocument(std::string_view openapi_json) {
  boost::system::error_code ec;
  value doc = boost::json::parse(openapi_json, ec);
  const value* schemas = nullptr;
  if (!ec && doc.is_object()) {
    if (const value* components = doc.as_object().if_contains("components");
        components && components->is_object()) {
      schemas = components->as_object().if_contains("schemas");
    }
  }
  if (schemas == nullptr || !schemas->is_object()) {
    return Fail(ErrorCode::kInvalidArgument, "not an OpenAPI document with components.schemas");
  }
  return BodySchemas(schemas->as_object());
}

bool BodySchemas::Has(std::string_view component) const {
  const value* schema = schemas_.if_contains(component);
  return schema != nullptr && schema->is_object();
}

Status BodySchemas::Validate(std::string_view component, const boost::json::value& body) const {
  const value* schema = schemas_.if_contains(component);
  if (schema == nullptr) return Broken("no component " + std::string(component));
  Walker walker{*this, {}, 0};
  return walker.Check(*schema, body);
}

std::vector<std::string> BodySchemas::Unsupported() const {
  std::vector<std::string> problems;
  for (const auto& [name, schema] : schemas_) {
    Walker walker{*this, std::string(name), 0};
    walker.Audit(schema, problems);
  }
  return problems;
}

const BodySchemas& RequestSchemas() {
  // A document that does not load leaves no components: every body is then a 500 naming the
  // missing component, loudly, rather than unchecked.
  static const BodySchemas kSchemas = [] {
    auto loaded = BodySchemas::FromDocument(OpenApiDocument());
    return loaded ? std::move(*loaded) : BodySchemas(object{});
  }();
  return kSchemas;
}

Result<boost::json::object> ReadRequestBody(const Request& request, std::string_view component) {
  CARECOORD_TRY(parsed, ParseJsonObject(request));
  value body(std::move(*parsed));
  CARECOORD_RETURN_IF_ERROR(RequestSchemas().Validate(component, body));
  return std::move(body.as_object());
}

}  // namespace carecoord::api
