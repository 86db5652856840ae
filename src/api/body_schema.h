// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <map>
#include <memory>
#include <regex>
#include <string>
#include <string_view>

#include "api/http.h"
#include "domain/error.h"

// Request bodies are declared once, as data: the OpenAPI schema components of the served
// document (api/openapi.cc). Api::Dispatch checks a body against the component its route names
// (Route::request_schema) before the handler runs, so a handler reads members that are present
// and of their declared type (api/json_input.h "Readers"), and keeps only the rules a schema
// cannot say (one member depending on another; codes, dates and limits the use case owns).
namespace carecoord::api {

// A validator over a set of named JSON Schema components, of the keywords our schemas use:
//   $ref ("#/components/schemas/Name"), allOf, anyOf, oneOf;
//   type (a name or a list of names; "integer" is a number without a fraction), const, enum;
//   strings: minLength, maxLength (Unicode code points, as JSON Schema counts them and as the
//     use cases' CheckText does), pattern (ECMAScript, unanchored), format "date-time" (what
//     ParseInstant accepts: RFC 3339, or a plain date) and "date" (a real YYYY-MM-DD date);
//   numbers: minimum, maximum; arrays: items, minItems, maxItems;
//   objects: properties, required, additionalProperties (false, or a schema), minProperties,
//     maxProperties.
// Annotations (description, default, title, examples...) are ignored. Unsupported() names any
// other keyword, so a schema cannot promise a check that nobody makes.
class BodySchemas {
 public:
  // `schemas` maps component names to schemas, as "components.schemas" of an OpenAPI document.
  explicit BodySchemas(boost::json::object schemas);
  // The components of an OpenAPI document's JSON text; kInvalidArgument if it has none.
  static Result<BodySchemas> FromDocument(std::string_view openapi_json);

  bool Has(std::string_view component) const;

  // OK when `body` matches the component; otherwise the first mismatch, as kInvalidArgument
  // with `field` the path of the offending member in the notation the API has always used
  // ("party.name", "goals[2].target_date", "body" for the body itself) and a message that says
  // what to fix. Members are checked in the order the schema declares them, after any unknown
  // member (additionalProperties: false), so one body always gets the same answer. A component
  // that does not exist, or a $ref that resolves to nothing, is kInternal: a bug, not the
  // caller's.
  Status Validate(std::string_view component, const boost::json::value& body) const;

  // Every problem with the schemas themselves: a $ref that resolves to nothing, an unsupported
  // keyword or format, a pattern that does not compile. Empty when all is well (a unit test
  // holds the served document to that).
  std::vector<std::string> Unsupported() const;

 private:
  struct Walker;
  boost::json::object schemas_;
  // Compiled once: `pattern` texts to their regular expressions (shared, so copies are cheap).
  std::shared_ptr<const std::map<std::string, std::regex, std::less<>>> patterns_;
};

// The components of OpenApiDocument(), loaded on first use and shared (read-only, so safe from
// any thread).
const BodySchemas& RequestSchemas();

// The body of `request` parsed once (ParseJsonObject: JSON only, no duplicate keys, no control
// characters) and checked against `component` of RequestSchemas(). The error is the 400 the
// caller gets.
Result<boost::json::object> ReadRequestBody(const Request& request, std::string_view component);

}  // namespace carecoord::api
