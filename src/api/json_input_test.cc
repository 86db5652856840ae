// SPDX-License-Identifier: Apache-2.0
// Parsing request bodies (duplicate keys and control characters at any depth, the JSON and
// content-type errors) and the readers of a validated body.
#include "api/json_input.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <limits>

namespace carecoord::api {
namespace {

Request JsonRequest(std::string body, std::string content_type = "application/json") {
  Request r;
  r.method = "POST";
  r.target = "/api/v1/x";
  if (!content_type.empty()) r.headers.push_back({"content-type", std::move(content_type)});
  r.body = std::move(body);
  return r;
}

// The field of the parse error, or "parsed".
std::string FieldOf(std::string body) {
  auto r = ParseJsonObject(JsonRequest(std::move(body)));
  if (r) return "parsed";
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  return r.error().field;
}

TEST(JsonInputTest, ParsesAnObjectAsBoostJsonWould) {
  const std::string text =
      R"({"a": 1, "b": [true, null, -2, 18446744073709551615, 1.5, "x\ty\nz\r"],)"
      R"( "c": {"d": {"e": "\u00e9\u20ac"}}, "f": []})";
  auto r = ParseJsonObject(JsonRequest(text));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(boost::json::value(*r), boost::json::parse(text));
  auto charset = ParseJsonObject(JsonRequest("{}", "application/json; charset=utf-8"));
  EXPECT_TRUE(charset);
}

TEST(JsonInputTest, NotJsonOrNotAnObjectIsNamedBodyOrContentType) {
  EXPECT_EQ(FieldOf(R"({"a": )"), "body");
  EXPECT_EQ(FieldOf(""), "body");
  EXPECT_EQ(FieldOf(R"({"a": 1} x)"), "body");
  EXPECT_EQ(FieldOf(R"({"a": 1}{})"), "body");
  EXPECT_EQ(FieldOf(R"([1, 2])"), "body");
  EXPECT_EQ(FieldOf(R"("text")"), "body");
  EXPECT_EQ(FieldOf("{\"a\": \"raw\x01control\"}"), "body");  // not JSON at all
  EXPECT_EQ(FieldOf(R"({"a": 1} )"), "parsed");               // trailing white space is fine
  std::string deep(40, '[');
  deep = "{\"a\": " + deep + std::string(40, ']') + "}";
  EXPECT_EQ(FieldOf(deep), "body");  // deeper than 32
  auto text = ParseJsonObject(JsonRequest("{}", "text/plain"));
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().field, "content-type");
  auto none = ParseJsonObject(JsonRequest("{}", ""));
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().field, "content-type");
}

TEST(JsonInputTest, AKeyGivenTwiceIsRefusedAtAnyDepth) {
  EXPECT_EQ(FieldOf(R"({"username": "a", "password": "p", "username": "b"})"), "username");
  auto r = ParseJsonObject(JsonRequest(R"({"username": "a", "username": "b"})"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "the field 'username' is given twice; send each field once");
  EXPECT_EQ(FieldOf(R"({"party": {"name": "a", "kind": "person", "name": "b"}})"), "party.name");
  EXPECT_EQ(FieldOf(R"({"goals": [{"id": "1"}, {"id": "2", "id": "3"}]})"), "goals[1].id");
  EXPECT_EQ(FieldOf(R"({"a": [[1], [2, {"x": {"y": 1, "y": 2}}]]})"), "a[1][1].x.y");
  // The same key in different objects is not a duplicate; nor are keys that differ in case.
  EXPECT_EQ(FieldOf(R"({"a": {"id": 1}, "b": {"id": 1}, "c": [{"id": 1}, {"id": 2}]})"), "parsed");
  EXPECT_EQ(FieldOf(R"({"Name": 1, "name": 2})"), "parsed");
  // Escapes are decoded before the comparison: these are one key twice.
  EXPECT_EQ(FieldOf(R"({"name": 1, "n\u0061me": 2})"), "name");
}

TEST(JsonInputTest, ControlCharactersInTextAreRefusedNamingTheField) {
  EXPECT_EQ(FieldOf(R"({"narrative": "a\u0000b"})"), "narrative");
  EXPECT_EQ(FieldOf(R"({"party": {"name": "x\u001b[31m"}})"), "party.name");
  EXPECT_EQ(FieldOf(R"({"purposes": ["ok", "bad\u0007"]})"), "purposes[1]");
  EXPECT_EQ(FieldOf(R"({"document": {"goals": [{}, {}, {"statement": "\u0008"}]}})"),
            "document.goals[2].statement");
  // Tab, line feed and carriage return are text; so are DEL and everything above.
  EXPECT_EQ(FieldOf(R"({"narrative": "one\ttwo\r\nthree\u007f\u0085\u2028"})"), "parsed");
  auto r = ParseJsonObject(JsonRequest(R"({"narrative": "a\u0000b"})"));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("control character"), std::string::npos);
  // In a key the field is the object holding it.
  EXPECT_EQ(FieldOf(R"({"party": {"na\u0000me": "x"}})"), "party");
  EXPECT_EQ(FieldOf(R"({"\u0001": "x"})"), "body");
}

TEST(JsonInputTest, LongTextSplitAcrossParserBuffersIsCheckedWhole) {
  // A long string, with escapes, may reach the handler in parts: the check and the value see
  // all of them.
  std::string long_text(100'000, 'a');
  auto ok = ParseJsonObject(JsonRequest("{\"t\": \"" + long_text + "\"}"));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->at("t").as_string().size(), long_text.size());
  EXPECT_EQ(FieldOf("{\"t\": \"" + long_text + "\\u0000\"}"), "t");
  const std::string long_key(5000, 'k');
  EXPECT_EQ(FieldOf("{\"" + long_key + "\": 1, \"" + long_key + "\": 2}"),
            std::string(64, 'k'));  // a field name is at most 64 bytes of the key
}

TEST(JsonInputTest, ReadersTellPresentFromAbsent) {
  const boost::json::object body = boost::json::parse(R"({
    "s": "text", "n": null, "b": true, "i": 7, "d": 2.0, "big": 9999999999, "neg": -9999999999,
    "huge": 18446744073709551615, "f": 2.5, "list": ["a", "b"], "o": {"k": "v"},
    "at": "2026-11-22T21:30:00Z"})")
                                       .as_object();
  EXPECT_EQ(TextMember(body, "s"), "text");
  EXPECT_EQ(TextMember(body, "n"), std::nullopt);
  EXPECT_EQ(TextMember(body, "absent"), std::nullopt);
  EXPECT_EQ(TextMember(body, "i"), std::nullopt);  // another type reads as absent
  EXPECT_EQ(TextOr(body, "absent"), "");
  EXPECT_EQ(BoolMember(body, "b"), true);
  EXPECT_EQ(BoolMember(body, "n"), std::nullopt);
  EXPECT_EQ(IntMember(body, "i"), 7);
  EXPECT_EQ(IntMember(body, "d"), 2);
  EXPECT_EQ(IntMember(body, "big"), std::numeric_limits<int>::max());
  EXPECT_EQ(IntMember(body, "neg"), std::numeric_limits<int>::min());
  EXPECT_EQ(IntMember(body, "huge"), std::numeric_limits<int>::max());
  EXPECT_EQ(IntMember(body, "s"), std::nullopt);
  EXPECT_EQ(NumberMember(body, "f"), 2.5);
  EXPECT_EQ(NumberMember(body, "i"), 7.0);
  EXPECT_EQ(TextListMember(body, "list"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(TextListMember(body, "absent"), std::nullopt);
  ASSERT_NE(ObjectMember(body, "o"), nullptr);
  EXPECT_EQ(TextMember(*ObjectMember(body, "o"), "k"), "v");
  EXPECT_EQ(ObjectMember(body, "n"), nullptr);
  EXPECT_EQ(ObjectMember(body, "s"), nullptr);
  ASSERT_TRUE(InstantMember(body, "at"));
  EXPECT_EQ(FormatRfc3339(*InstantMember(body, "at")), "2026-11-22T21:30:00.000Z");
  EXPECT_EQ(InstantMember(body, "s"), std::nullopt);
  EXPECT_TRUE(IsNullMember(body, "n"));
  EXPECT_FALSE(IsNullMember(body, "s"));
  EXPECT_FALSE(IsNullMember(body, "absent"));
}

TEST(JsonInputTest, IfMatchVersion) {
  Request r = JsonRequest("{}");
  auto missing = IfMatchVersion(r, "episode");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kPreconditionRequired);
  r.headers.push_back({"if-match", "W/\"3\""});
  EXPECT_EQ(IfMatchVersion(r, "episode"), 3);
  r.headers.back().value = "\"0\"";
  EXPECT_FALSE(IfMatchVersion(r, "episode"));
  EXPECT_EQ(IfMatchVersion(r, "policy", 0), 0);
}

}  // namespace
}  // namespace carecoord::api
