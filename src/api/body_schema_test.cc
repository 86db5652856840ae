// SPDX-License-Identifier: Apache-2.0
// The request validator: each keyword our schemas use, the field paths its errors name, $ref,
// and the served document's components (every route's request schema exists and uses only
// what the validator checks).
#include "api/body_schema.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "api/openapi.h"
#include "api/router.h"

namespace carecoord::api {
namespace {

boost::json::object Schemas(std::string_view json) {
  return boost::json::parse(json).as_object();
}

// The failure of `body` against component "T" of `schemas`, or an empty Error when it passes.
Error Check(std::string_view schemas, std::string_view body, std::string_view component = "T") {
  const BodySchemas s(Schemas(schemas));
  Status st = s.Validate(component, boost::json::parse(body));
  if (!st) return st.error();
  Error passed;
  passed.message = "passed";
  return passed;
}

bool Passes(std::string_view schemas, std::string_view body) {
  return BodySchemas(Schemas(schemas)).Validate("T", boost::json::parse(body)).has_value();
}

// The field a failing body names (kInvalidArgument), "passed" when it passes.
std::string FieldOf(std::string_view schemas, std::string_view body) {
  const Error e = Check(schemas, body);
  if (e.message == "passed") return "passed";
  EXPECT_EQ(e.code, ErrorCode::kInvalidArgument) << e.message;
  return e.field;
}

TEST(BodySchemaTest, TypeNamesEachKindAndAListOfThem) {
  constexpr std::string_view s = R"({"T": {"type": "object", "properties": {
    "s": {"type": "string"}, "i": {"type": "integer"}, "n": {"type": "number"},
    "b": {"type": "boolean"}, "o": {"type": "object"}, "a": {"type": "array"},
    "z": {"type": "null"}, "sn": {"type": ["string", "null"]}}}})";
  EXPECT_TRUE(Passes(s, R"({"s": "x", "i": 3, "n": 2.5, "b": false, "o": {}, "a": [], "z": null,
                            "sn": null})"));
  EXPECT_TRUE(Passes(s, R"({"i": 3.0, "n": 7, "sn": "x"})"));  // 3.0 has no fraction
  EXPECT_EQ(FieldOf(s, R"({"s": 1})"), "s");
  EXPECT_EQ(FieldOf(s, R"({"i": 1.5})"), "i");
  EXPECT_EQ(FieldOf(s, R"({"i": "1"})"), "i");
  EXPECT_EQ(FieldOf(s, R"({"n": "1"})"), "n");
  EXPECT_EQ(FieldOf(s, R"({"n": 1e400})"), "n");  // infinite once parsed: not a number
  EXPECT_EQ(FieldOf(s, R"({"b": "true"})"), "b");
  EXPECT_EQ(FieldOf(s, R"({"o": []})"), "o");
  EXPECT_EQ(FieldOf(s, R"({"a": {}})"), "a");
  EXPECT_EQ(FieldOf(s, R"({"z": 0})"), "z");
  EXPECT_EQ(FieldOf(s, R"({"sn": 5})"), "sn");
  EXPECT_EQ(Check(s, R"({"sn": 5})").message, "sn must be a string or null");
  EXPECT_EQ(Check(s, R"({"b": 1})").message, "b must be true or false");
  EXPECT_EQ(Check(s, "[]").field, "body");
  EXPECT_EQ(Check(s, "[]").message, "the body must be an object");
}

TEST(BodySchemaTest, RequiredAndUnknownMembersAreNamedByPath) {
  constexpr std::string_view s = R"({"T": {"type": "object", "additionalProperties": false,
    "required": ["name", "party"],
    "properties": {"name": {"type": "string"},
                   "party": {"type": "object", "additionalProperties": false,
                             "required": ["kind"],
                             "properties": {"kind": {"type": "string"},
                                            "name": {"type": "string"}}}}}})";
  EXPECT_TRUE(Passes(s, R"({"name": "a", "party": {"kind": "person"}})"));
  EXPECT_EQ(FieldOf(s, R"({"party": {"kind": "person"}})"), "name");
  EXPECT_EQ(Check(s, R"({"party": {"kind": "person"}})").message, "name is required");
  EXPECT_EQ(FieldOf(s, R"({"name": "a", "party": {}})"), "party.kind");
  EXPECT_EQ(FieldOf(s, R"({"name": "a", "party": {"kind": "p", "colour": 1}})"), "party.colour");
  EXPECT_EQ(Check(s, R"({"name": "a", "party": {"kind": "p", "colour": 1}})").message,
            "unknown field 'party.colour'");
  // A misspelt member is named as such, before the member it failed to set.
  EXPECT_EQ(FieldOf(s, R"({"nmae": "a", "party": {"kind": "p"}})"), "nmae");
  // null is a value, not an absence: a required member that is null has the wrong type.
  EXPECT_EQ(FieldOf(s, R"({"name": null, "party": {"kind": "p"}})"), "name");
  EXPECT_EQ(Check(s, R"({"name": null, "party": {"kind": "p"}})").message, "name must be a string");
}

TEST(BodySchemaTest, MembersAreCheckedInTheOrderTheSchemaDeclaresThem) {
  constexpr std::string_view s = R"({"T": {"type": "object", "properties": {
    "first": {"type": "string"}, "second": {"type": "string"}}}})";
  EXPECT_EQ(FieldOf(s, R"({"second": 1, "first": 1})"), "first");
}

TEST(BodySchemaTest, ItemsAreNamedWithTheirIndex) {
  constexpr std::string_view s = R"({"T": {"type": "object", "properties": {
    "goals": {"type": "array", "minItems": 1, "maxItems": 3, "items": {
      "type": "object", "properties": {"target_date": {"type": "string", "format": "date"}}}},
    "tags": {"type": "array", "minItems": 2, "items": {"type": "string"}}}}})";
  EXPECT_TRUE(Passes(s, R"({"goals": [{"target_date": "2026-03-01"}]})"));
  EXPECT_EQ(FieldOf(s, R"({"goals": [{}, {}, {"target_date": "spring"}]})"),
            "goals[2].target_date");
  EXPECT_EQ(FieldOf(s, R"({"goals": []})"), "goals");
  EXPECT_EQ(Check(s, R"({"goals": []})").message, "goals must not be empty");
  EXPECT_EQ(FieldOf(s, R"({"goals": [{}, {}, {}, {}]})"), "goals");
  EXPECT_EQ(Check(s, R"({"goals": [{}, {}, {}, {}]})").message, "goals must have at most 3 items");
  EXPECT_EQ(Check(s, R"({"tags": ["a"]})").message, "tags must have at least 2 items");
  EXPECT_EQ(FieldOf(s, R"({"tags": ["a", 2]})"), "tags[1]");
}

TEST(BodySchemaTest, EnumAndConst) {
  constexpr std::string_view s = R"({"T": {"type": "object", "properties": {
    "mode": {"type": "string", "enum": ["", "phone", "video"]},
    "ok": {"const": true}}}})";
  EXPECT_TRUE(Passes(s, R"({"mode": "", "ok": true})"));
  EXPECT_EQ(FieldOf(s, R"({"mode": "pigeon"})"), "mode");
  EXPECT_EQ(Check(s, R"({"mode": "pigeon"})").message,
            "mode is 'pigeon'; it must be one of: '', 'phone', 'video'");
  EXPECT_EQ(FieldOf(s, R"({"ok": false})"), "ok");
  EXPECT_EQ(FieldOf(s, R"({"ok": 1})"), "ok");
}

TEST(BodySchemaTest, LengthsCountCharactersNotBytes) {
  constexpr std::string_view s = R"({"T": {"type": "object", "properties": {
    "name": {"type": "string", "minLength": 2, "maxLength": 3},
    "note": {"type": "string", "minLength": 1}}}})";
  EXPECT_TRUE(Passes(s, R"({"name": "ééé"})"));  // 3 characters, 6 bytes
  EXPECT_TRUE(Passes(s, R"({"name": "日本"})"));
  EXPECT_EQ(FieldOf(s, R"({"name": "éééé"})"), "name");
  EXPECT_EQ(Check(s, R"({"name": "abcd"})").message, "name must be at most 3 characters");
  EXPECT_EQ(Check(s, R"({"name": "a"})").message, "name must be at least 2 characters");
  EXPECT_EQ(Check(s, R"({"note": ""})").message, "note must not be empty");
}

TEST(BodySchemaTest, MinimumAndMaximum) {
  constexpr std::string_view s = R"({"T": {"type": "object", "properties": {
    "minutes": {"type": "integer", "minimum": 0, "maximum": 1440},
    "low": {"type": "number", "minimum": 0.5}, "high": {"type": "number", "maximum": 10}}}})";
  EXPECT_TRUE(Passes(s, R"({"minutes": 0, "low": 0.5, "high": 10})"));
  EXPECT_EQ(FieldOf(s, R"({"minutes": 1441})"), "minutes");
  EXPECT_EQ(Check(s, R"({"minutes": -1})").message, "minutes must be between 0 and 1440");
  EXPECT_EQ(Check(s, R"({"minutes": 18446744073709551615})").field, "minutes");
  EXPECT_EQ(Check(s, R"({"low": 0.25})").message, "low must be at least 0.5");
  EXPECT_EQ(Check(s, R"({"high": 11})").message, "high must be at most 10");
}

TEST(BodySchemaTest, FormatsAreWhatTheDomainParses) {
  constexpr std::string_view s = R"({"T": {"type": "object", "properties": {
    "at": {"type": "string", "format": "date-time"},
    "on": {"type": ["string", "null"], "format": "date"}}}})";
  EXPECT_TRUE(Passes(s, R"({"at": "2026-11-22T21:30:00Z"})"));
  EXPECT_TRUE(Passes(s, R"({"at": "2026-11-22T21:30:00.123+01:00"})"));
  EXPECT_TRUE(Passes(s, R"({"at": "2026-11-22"})"));  // ParseInstant: midnight UTC
  EXPECT_TRUE(Passes(s, R"({"on": "2024-02-29", "at": "2026-01-01T00:00:00z"})"));
  EXPECT_TRUE(Passes(s, R"({"on": null})"));
  EXPECT_EQ(FieldOf(s, R"({"at": "yesterday"})"), "at");
  EXPECT_EQ(Check(s, R"({"at": "yesterday"})").message,
            "at must be a date (YYYY-MM-DD) or an RFC 3339 date-time");
  EXPECT_EQ(FieldOf(s, R"({"at": "2026-11-22T25:00:00Z"})"), "at");
  EXPECT_EQ(FieldOf(s, R"({"on": "2026-02-30"})"), "on");
  EXPECT_EQ(FieldOf(s, R"({"on": "2026-2-3"})"), "on");
  EXPECT_EQ(FieldOf(s, R"({"on": ""})"), "on");
}

TEST(BodySchemaTest, Pattern) {
  constexpr std::string_view s = R"({"T": {"type": "object", "properties": {
    "username": {"type": "string", "pattern": "^[A-Za-z0-9._-]{3,64}$"},
    "code": {"type": "string", "pattern": "[0-9]"}}}})";
  EXPECT_TRUE(Passes(s, R"({"username": "ana.b-2", "code": "a1b"})"));  // unanchored: contains
  EXPECT_EQ(FieldOf(s, R"({"username": "has space"})"), "username");
  EXPECT_EQ(FieldOf(s, R"({"username": "ab"})"), "username");
  EXPECT_EQ(FieldOf(s, R"({"code": "abc"})"), "code");
}

TEST(BodySchemaTest, RefsResolveAndCarryThePathThrough) {
  constexpr std::string_view s = R"({
    "Mode": {"type": "string", "enum": ["phone", "video"]},
    "Party": {"type": "object", "additionalProperties": false,
              "properties": {"name": {"type": "string", "maxLength": 5},
                             "mode": {"$ref": "#/components/schemas/Mode"}}},
    "T": {"type": "object", "properties": {
      "party": {"$ref": "#/components/schemas/Party", "description": "annotations ignored"},
      "parties": {"type": "array", "items": {"$ref": "#/components/schemas/Party"}}}}})";
  EXPECT_TRUE(Passes(s, R"({"party": {"name": "Ana", "mode": "phone"}})"));
  EXPECT_EQ(FieldOf(s, R"({"party": {"mode": "pigeon"}})"), "party.mode");
  EXPECT_EQ(FieldOf(s, R"({"parties": [{"name": "Ana"}, {"name": "Anabelle"}]})"),
            "parties[1].name");
  EXPECT_EQ(FieldOf(s, R"({"party": {"age": 3}})"), "party.age");

  // A ref to nothing is the schema's bug, not the caller's: kInternal, never a 400.
  const Error broken = Check(
      R"({"T": {"type": "object", "properties": {"x": {"$ref": "#/components/schemas/Nope"}}}})",
      R"({"x": 1})");
  EXPECT_EQ(broken.code, ErrorCode::kInternal);
  EXPECT_EQ(Check(s, "{}", "NoSuchComponent").code, ErrorCode::kInternal);
  const Error loop = Check(R"({"T": {"$ref": "#/components/schemas/T"}})", "{}");
  EXPECT_EQ(loop.code, ErrorCode::kInternal);
}

TEST(BodySchemaTest, AdditionalPropertiesMayBeASchema) {
  constexpr std::string_view s = R"({"T": {"type": "object", "properties": {
    "answers": {"type": "object", "maxProperties": 2,
                "additionalProperties": {"type": ["integer", "string"]}}}}})";
  EXPECT_TRUE(Passes(s, R"({"answers": {"q1": 2, "q2": "often"}})"));
  EXPECT_EQ(FieldOf(s, R"({"answers": {"q1": 2, "q3": null}})"), "answers.q3");
  EXPECT_EQ(FieldOf(s, R"({"answers": {"q1": 1.5}})"), "answers.q1");
  EXPECT_EQ(FieldOf(s, R"({"answers": {"a": 1, "b": 2, "c": 3}})"), "answers");
}

TEST(BodySchemaTest, AnEmptyBodyThatMustChangeSomethingIsNamedBody) {
  constexpr std::string_view s = R"({"T": {"type": "object", "minProperties": 1,
    "properties": {"note": {"type": "string"}}}})";
  EXPECT_EQ(FieldOf(s, "{}"), "body");
  EXPECT_EQ(Check(s, "{}").message, "nothing to change: send at least one field");
  EXPECT_TRUE(Passes(s, R"({"note": "x"})"));
}

TEST(BodySchemaTest, AnyOfOneOfAllOf) {
  constexpr std::string_view s = R"({
    "Method": {"type": "string", "enum": ["signature", "verbal"]},
    "T": {"type": "object", "properties": {
      "method": {"anyOf": [{"$ref": "#/components/schemas/Method"}, {"const": ""}]},
      "override": {"oneOf": [{"type": "object", "required": ["tier"],
                              "properties": {"tier": {"type": "string"}}},
                             {"type": "null"}]},
      "either": {"oneOf": [{"type": "integer"}, {"type": "number"}]},
      "both": {"allOf": [{"type": "string", "minLength": 2}, {"maxLength": 3}]}}}})";
  EXPECT_TRUE(Passes(s, R"({"method": "", "override": null, "either": 1.5, "both": "abc"})"));
  EXPECT_TRUE(Passes(s, R"({"method": "verbal", "override": {"tier": "high"}})"));
  EXPECT_EQ(Check(s, R"({"method": "nod"})").message,
            "method is 'nod'; it must be one of: 'signature', 'verbal'");
  // The alternative that got furthest names the field.
  EXPECT_EQ(FieldOf(s, R"({"override": {"tier": 3}})"), "override.tier");
  EXPECT_EQ(FieldOf(s, R"({"override": 3})"), "override");
  EXPECT_EQ(FieldOf(s, R"({"either": 2})"), "either");  // an integer is a number too: both match
  EXPECT_EQ(FieldOf(s, R"({"both": "a"})"), "both");
  EXPECT_EQ(FieldOf(s, R"({"both": "abcd"})"), "both");
}

TEST(BodySchemaTest, UnsupportedNamesWhatTheValidatorWouldNotCheck) {
  const BodySchemas s(Schemas(R"({
    "A": {"type": "object", "uniqueItems": true, "properties": {
      "e": {"type": "string", "format": "email"},
      "r": {"$ref": "#/components/schemas/Missing"},
      "p": {"type": "string", "pattern": "("},
      "t": {"type": "text"}}},
    "B": {"type": "string", "description": "fine", "default": "x"}})"));
  const std::vector<std::string> problems = s.Unsupported();
  ASSERT_EQ(problems.size(), 5u) << ::testing::PrintToString(problems);
  const auto mentions = [&](std::string_view text) {
    return std::ranges::any_of(problems,
                               [&](const std::string& p) { return p.find(text) != p.npos; });
  };
  EXPECT_TRUE(mentions("A: uniqueItems"));
  EXPECT_TRUE(mentions("A.e: format"));
  EXPECT_TRUE(mentions("A.r: $ref"));
  EXPECT_TRUE(mentions("A.p: pattern"));
  EXPECT_TRUE(mentions("A.t: type"));
  // A pattern that does not compile is refused at validation too, as the schema's bug.
  EXPECT_EQ(s.Validate("A", boost::json::parse(R"({"p": "x"})")).error().code,
            ErrorCode::kInternal);
}

TEST(BodySchemaTest, TheServedDocumentUsesOnlyWhatTheValidatorChecks) {
  const std::vector<std::string> problems = RequestSchemas().Unsupported();
  EXPECT_TRUE(problems.empty()) << ::testing::PrintToString(problems);
}

TEST(BodySchemaTest, EveryRequestSchemaOfTheRouteTableIsAComponent) {
  int with_body = 0;
  for (const Route& r : RouteTable()) {
    if (r.request_schema.empty()) continue;
    ++with_body;
    EXPECT_TRUE(RequestSchemas().Has(r.request_schema)) << r.method << " " << r.path;
  }
  EXPECT_GT(with_body, 30);
}

TEST(BodySchemaTest, FromDocumentNeedsComponents) {
  EXPECT_FALSE(BodySchemas::FromDocument("{}"));
  EXPECT_FALSE(BodySchemas::FromDocument("not json"));
  EXPECT_TRUE(BodySchemas::FromDocument(OpenApiDocument()));
}

Request JsonRequest(std::string body) {
  Request r;
  r.method = "POST";
  r.target = "/api/v1/auth/login";
  r.headers.push_back({"content-type", "application/json"});
  r.body = std::move(body);
  return r;
}

TEST(BodySchemaTest, ReadRequestBodyParsesOnceAndValidatesAgainstTheServedComponents) {
  auto ok =
      ReadRequestBody(JsonRequest(R"({"username": "ana", "password": "pw"})"), "SignInRequest");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->at("username").as_string(), "ana");
  const auto field = [](std::string body, std::string_view component) {
    auto r = ReadRequestBody(JsonRequest(std::move(body)), component);
    return r ? std::string("passed") : r.error().field;
  };
  EXPECT_EQ(field(R"({"username": "a", "password": "b", "pasword": "c"})", "SignInRequest"),
            "pasword");
  EXPECT_EQ(field(R"({"password": "b"})", "SignInRequest"), "username");
  EXPECT_EQ(field(R"({"username": "a", "username": "b", "password": "c"})", "SignInRequest"),
            "username");
  EXPECT_EQ(field(R"({"username": "a\u0000", "password": "c"})", "SignInRequest"), "username");
  EXPECT_EQ(field(R"({"username": "a", "password": )", "SignInRequest"), "body");
  EXPECT_EQ(field(R"({"mode": "phone", "successful": true, "with_whom": "participant",
                     "purposes": ["engagement"], "outcome": "engaged",
                     "party": {"name": 5}})",
                  "NewContactRequest"),
            "party.name");
}

}  // namespace
}  // namespace carecoord::api
