// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api/http.h"
#include "domain/error.h"

// Reading request bodies: every failure is a kInvalidArgument naming the field, so the client
// gets a 400 problem that says what to fix.
namespace carecoord::api {

// The body as a JSON object. Errors: unsupported content type (field "content-type"),
// malformed JSON, or a non-object.
Result<boost::json::object> ParseJsonObject(const Request& request);

// The version a client edited, from If-Match: "N" (a weak W/"N" is accepted too: versions are
// exact either way). kPreconditionRequired when the header is missing (the message names
// `what`, "the ETag of the episode"), kInvalidArgument when it is not a version of at least
// `min_version` (0 for a record whose first version is 0, such as a program's built-in policy).
Result<std::int64_t> IfMatchVersion(const Request& request, std::string_view what,
                                    std::int64_t min_version = 1);

// A string member. Absent or null -> nullopt when optional, an error when required; a
// non-string or one longer than max_bytes -> an error naming the field.
Result<std::optional<std::string>> OptionalString(const boost::json::object& obj,
                                                  std::string_view field, std::size_t max_bytes);
Result<std::string> RequiredString(const boost::json::object& obj, std::string_view field,
                                   std::size_t max_bytes);
Result<std::optional<bool>> OptionalBool(const boost::json::object& obj, std::string_view field);

// Rejects members not in `allowed`, so a typo does not silently do nothing.
Status OnlyKnownFields(const boost::json::object& obj,
                       std::initializer_list<std::string_view> allowed);

}  // namespace carecoord::api
