// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "domain/instrument.h"

namespace carecoord {
namespace {

std::string MemberOf(const Error& e, std::string_view name) {
  for (const ErrorMember& m : e.members) {
    if (m.name == name) return std::get<std::string>(m.value);
  }
  return "<missing>";
}

// A small valid screener; tests break one line of it. Line 1 is the empty line after R"(.
constexpr std::string_view kValid = R"(
id = "mini"
version = 2
title = "Mini screener"
kind = "screener"

[[section]]
id = "items"
title = "Items"

[[section.item]]
id = "a"
text = "First"
kind = "choice"
options = [ { value = 0, label = "No" }, { value = 1, label = "Some" }, { value = 2, label = "Yes" } ]

[[section.item]]
id = "b"
text = "Second"
kind = "rating"
min = 1
max = 5

[[section.item]]
id = "c"
text = "Anything else?"
kind = "text"
required = false

[[band]]
min = 1
max = 3
code = "low"
label = "Low"

[[band]]
min = 4
max = 7
code = "high"
label = "High"

[[flag]]
flag = "alarm"
item = "a"
at_least = 2
label = "Answered yes to the first"
urgent = true

[[need]]
need = "help"
label = "Needs help"
items = ["a", "b"]
at_least = 2
)";

std::string Replace(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  const auto at = out.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) out.replace(at, from.size(), to);
  return out;
}

// Expects a rejection naming `line` and `key`, whose message contains `what`.
void ExpectRejected(const std::string& text, int line, std::string_view key,
                    std::string_view what) {
  auto instrument = ParseInstrument(text);
  ASSERT_FALSE(instrument) << text;
  const Error& e = instrument.error();
  EXPECT_EQ(e.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(MemberOf(e, "line"), std::to_string(line)) << e.message;
  EXPECT_EQ(MemberOf(e, "key"), key) << e.message;
  EXPECT_NE(e.message.find(what), std::string::npos) << e.message;
  EXPECT_EQ(e.message.rfind("line " + std::to_string(line), 0), 0u) << e.message;
}

TEST(ParseInstrumentTest, ReadsAValidDefinition) {
  auto instrument = ParseInstrument(kValid);
  ASSERT_TRUE(instrument) << instrument.error().message;
  EXPECT_EQ(instrument->id, "mini");
  EXPECT_EQ(instrument->version, 2);
  EXPECT_EQ(instrument->kind, InstrumentKind::kScreener);
  EXPECT_TRUE(instrument->scored);
  EXPECT_EQ(instrument->total_min, 1);  // a (0) + b (1); c is text
  EXPECT_EQ(instrument->total_max, 7);
  EXPECT_EQ(instrument->total_label, "Total score");
  ASSERT_EQ(instrument->sections.size(), 1u);
  ASSERT_EQ(instrument->sections[0].items.size(), 3u);
  const InstrumentItem* c = instrument->FindItem("c");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->kind, ItemKind::kText);
  EXPECT_FALSE(c->scored);
  EXPECT_FALSE(c->required);
  EXPECT_TRUE(instrument->FindItem("a")->required);
  EXPECT_EQ(instrument->FindItem("zz"), nullptr);
  EXPECT_EQ(instrument->bands.size(), 2u);
  EXPECT_EQ(instrument->flags.size(), 1u);
  ASSERT_EQ(instrument->needs.size(), 1u);
  EXPECT_EQ(instrument->needs[0].items, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(instrument->levels.empty());
}

TEST(ParseInstrumentTest, BandsMustCoverTheTotalWithoutGapsOrOverlaps) {
  ExpectRejected(Replace(kValid, "max = 3\n", "max = 2\n"), 37, "min",
                 "bands must be contiguous: no band holds 3 (band 'low' ends at 2)");
  ExpectRejected(Replace(kValid, "max = 3\n", "max = 1\n"), 37, "min", "no band holds 2–3");
  ExpectRejected(Replace(kValid, "min = 4\n", "min = 3\n"), 37, "min",
                 "bands must not overlap: band 'low' already holds 1–3");
  ExpectRejected(Replace(kValid, "max = 7\n", "max = 8\n"), 38, "max",
                 "the last band must end at the highest total, 7");
  ExpectRejected(Replace(kValid, "max = 7\n", "max = 6\n"), 38, "max",
                 "the last band must end at the highest total, 7");
  ExpectRejected(Replace(kValid, "min = 1\nmax = 3", "min = 0\nmax = 3"), 31, "min",
                 "the first band must start at the lowest total, 1");
  ExpectRejected(Replace(kValid, "min = 1\nmax = 3", "min = 2\nmax = 3"), 31, "min",
                 "the first band must start at the lowest total, 1");
  ExpectRejected(Replace(kValid, "min = 1\nmax = 3", "min = 1\nmax = 0"), 32, "max",
                 "must be at least min (1)");
  ExpectRejected(Replace(kValid, "code = \"high\"", "code = \"low\""), 39, "code",
                 "band 'low' is defined twice");
}

TEST(ParseInstrumentTest, ItemsAreWellFormed) {
  ExpectRejected(Replace(kValid, "id = \"b\"", "id = \"a\""), 18, "id",
                 "item 'a' is defined twice");
  ExpectRejected(Replace(kValid, "id = \"b\"", "id = \"B-2\""), 18, "id", "'B-2' is not an id");
  ExpectRejected(Replace(kValid, "min = 1\nmax = 5", "min = 5\nmax = 5"), 22, "max",
                 "must be greater than min (5)");
  ExpectRejected(Replace(kValid, "min = 1\nmax = 5", "min = 5\nmax = 1"), 22, "max",
                 "must be greater than min (5)");
  ExpectRejected(Replace(kValid, "min = 1\nmax = 5", "max = 5"), 17, "min", "missing");
  ExpectRejected(
      Replace(kValid, "{ value = 1, label = \"Some\" }", "{ value = 0, label = \"Some\" }"), 15,
      "options", "values must be distinct (0 is given twice)");
  ExpectRejected(Replace(kValid,
                         "{ value = 0, label = \"No\" }, { value = 1, label = \"Some\" }, "
                         "{ value = 2, label = \"Yes\" }",
                         "{ value = 0, label = \"No\" }"),
                 15, "options", "at least two options are needed");
  ExpectRejected(Replace(kValid, "{ value = 0, label = \"No\" }", "{ value = 0 }"), 15, "label",
                 "missing");
  ExpectRejected(Replace(kValid, "kind = \"rating\"", "kind = \"slider\""), 20, "kind",
                 "unknown 'slider'; expected one of choice, rating, text");
  ExpectRejected(Replace(kValid, "kind = \"rating\"", "kind = \"choice\""), 21, "min",
                 "only for rating items");
  ExpectRejected(Replace(kValid, "required = false", "scored = true"), 28, "scored",
                 "a text item cannot be scored");
  ExpectRejected(Replace(kValid, "required = false", "min = 1"), 28, "min",
                 "only for rating items");
  ExpectRejected(Replace(kValid, "[[section.item]]\nid = \"a\"", "[[section.itme]]\nid = \"a\""),
                 11, "itme", "unknown key");
}

TEST(ParseInstrumentTest, FlagsAndNeedsReadNumberItems) {
  ExpectRejected(Replace(kValid, "urgent = true", "urgent = true\nurgency = 1"), 48, "urgency",
                 "unknown key; expected one of flag, item, at_least, label, urgent");
  ExpectRejected(Replace(kValid, "item = \"a\"", "item = \"z\""), 44, "item",
                 "no item 'z' in this instrument");
  ExpectRejected(Replace(kValid, "item = \"a\"", "item = \"c\""), 44, "item",
                 "item 'c' is a text item");
  ExpectRejected(Replace(kValid, "at_least = 2\nlabel = \"Ans", "at_least = 3\nlabel = \"Ans"), 45,
                 "at_least", "item 'a' never answers 3 (its highest answer is 2)");
  ExpectRejected(Replace(kValid, "at_least = 2\nlabel = \"Ans", "at_least = 0\nlabel = \"Ans"), 45,
                 "at_least", "every answer to item 'a' is at least 0");
  ExpectRejected(Replace(kValid, "items = [\"a\", \"b\"]", "items = [\"a\", \"nope\"]"), 52,
                 "items", "no item 'nope'");
  ExpectRejected(Replace(kValid, "items = [\"a\", \"b\"]", "items = [\"a\", \"a\"]"), 52, "items",
                 "'a' is listed twice");
  ExpectRejected(Replace(kValid, "items = [\"a\", \"b\"]", "items = []"), 52, "items",
                 "must be a non-empty list");
  ExpectRejected(Replace(kValid, "items = [\"a\", \"b\"]", "items = [\"c\"]"), 52, "items",
                 "item 'c' is a text item");
  // A need may read an unscored choice item: the SDOH screener has no total.
  auto unscored = ParseInstrument(
      Replace(Replace(kValid, "kind = \"choice\"\n", "kind = \"choice\"\nscored = false\n"),
              "max = 7\n", "max = 5\n"));
  ASSERT_TRUE(unscored) << unscored.error().message;
  EXPECT_FALSE(unscored->FindItem("a")->scored);
  EXPECT_EQ(unscored->total_max, 5);
}

TEST(ParseInstrumentTest, TopLevelRules) {
  ExpectRejected(Replace(kValid, "title = \"Mini screener\"", "titel = \"Mini screener\""), 4,
                 "titel", "unknown key");
  ExpectRejected(Replace(kValid, "title = \"Mini screener\"\n", ""), 1, "title", "missing");
  ExpectRejected(Replace(kValid, "id = \"mini\"", "id = \"Mini\""), 2, "id", "'Mini' is not an id");
  ExpectRejected(Replace(kValid, "version = 2", "version = 0"), 3, "version", "must be 1–");
  ExpectRejected(Replace(kValid, "kind = \"screener\"", "kind = \"survey\""), 5, "kind",
                 "unknown 'survey'");
  ExpectRejected(Replace(kValid, "kind = \"screener\"",
                         "kind = \"screener\"\n[[level]]\ncode = "
                         "\"1\"\nlabel = \"One\""),
                 6, "level", "levels are only for level_of_care instruments");
  ExpectRejected("id = \"x\"\nversion = 1\ntitle = \"X\"\nkind = \"screener\"\nsection = 1\n", 5,
                 "section", "must be [[section]] tables");
  ExpectRejected("id = \"x\"\nversion = 1\ntitle = \"X\"\nkind = \"screener\"\n", 1, "section",
                 "at least one [[section]]");
  ExpectRejected(
      "id = \"x\"\nversion = 1\ntitle = \"X\"\nkind = \"screener\"\n[[section]]\nid = "
      "\"s\"\ntitle = \"S\"\n",
      5, "item", "at least one [[section.item]]");
  ExpectRejected("id = \"x\"\nversion = = 1\n", 2, "", "");
  // Bands need a total: a structured instrument has none.
  const std::string structured = Replace(kValid, "kind = \"screener\"", "kind = \"structured\"");
  ExpectRejected(structured.substr(0, structured.find("[[flag]]")), 30, "band",
                 "bands need a scored instrument");
}

constexpr std::string_view kLevels = R"(
id = "loc"
version = 1
title = "Level of care"
kind = "level_of_care"

[[section]]
id = "dimensions"
title = "Dimensions"

[[section.item]]
id = "risk"
text = "Risk"
kind = "rating"
min = 1
max = 5

[[section.item]]
id = "support"
text = "Support"
kind = "rating"
min = 1
max = 5

[[level]]
code = "1"
label = "Level one"

[[level]]
code = "2.5"
label = "Level two and a half"

[[level]]
code = "3"
label = "Level three"
)";

TEST(ParseInstrumentTest, LevelOfCareLevels) {
  auto instrument = ParseInstrument(kLevels);
  ASSERT_TRUE(instrument) << instrument.error().message;
  EXPECT_TRUE(instrument->scored);
  EXPECT_EQ(instrument->total_min, 2);
  EXPECT_EQ(instrument->total_max, 10);
  EXPECT_EQ(instrument->total_label, "Composite score");
  ASSERT_EQ(instrument->levels.size(), 3u);
  EXPECT_NE(instrument->FindLevel("2.5"), nullptr);
  EXPECT_EQ(instrument->FindLevel("2"), nullptr);

  ExpectRejected(Replace(kLevels, "code = \"3\"", "code = \"2.5\""), 34, "code",
                 "level codes must increase, low to high: '2.5' comes after '2.5'");
  ExpectRejected(Replace(kLevels, "code = \"3\"", "code = \"2\""), 34, "code",
                 "level codes must increase");
  ExpectRejected(Replace(kLevels, "code = \"2.5\"", "code = \"two\""), 30, "code",
                 "must be a decimal number");
  ExpectRejected(Replace(kLevels, "code = \"2.5\"", "code = \"2.\""), 30, "code",
                 "must be a decimal number");
  const std::string one_level(kLevels.substr(0, kLevels.find("[[level]]\ncode = \"2.5\"")));
  ExpectRejected(one_level, 25, "level", "needs at least two [[level]] tables");
  ExpectRejected(
      Replace(Replace(kLevels,
                      "kind = \"rating\"\nmin = 1\nmax = 5\n\n[[section.item]]\nid = \"support\"",
                      "kind = \"text\"\n\n[[section.item]]\nid = \"support\""),
              "kind = \"rating\"\nmin = 1\nmax = 5\n\n[[level]]", "kind = \"text\"\n\n[[level]]"),
      5, "kind", "needs scored ratings");
}

// Every shipped definition parses, and ids are unique (the catalog finds instruments by id).
TEST(ParseInstrumentTest, EveryBuiltInParses) {
  std::set<std::string> ids;
  ASSERT_FALSE(BuiltInInstrumentTexts().empty());
  for (std::string_view text : BuiltInInstrumentTexts()) {
    auto instrument = ParseInstrument(text);
    ASSERT_TRUE(instrument) << instrument.error().message << "\n" << text.substr(0, 200);
    EXPECT_TRUE(ids.insert(instrument->id).second) << instrument->id;
    EXPECT_FALSE(instrument->license.empty()) << instrument->id;
    EXPECT_FALSE(instrument->cite.empty()) << instrument->id;
  }
}

}  // namespace
}  // namespace carecoord
