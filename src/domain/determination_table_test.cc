// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

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

Instrument BuiltIn(std::string_view id) {
  for (std::string_view text : BuiltInInstrumentTexts()) {
    auto instrument = ParseInstrument(text);
    if (instrument && instrument->id == id) return *instrument;
  }
  ADD_FAILURE() << "no built-in instrument " << id;
  return {};
}

// A made-up table for the built-in LOCUS definition (not the licensed grid). Line 1 is the
// empty line after R"(.
constexpr std::string_view kTable = R"(
instrument = "locus"
instrument_version = 1
name = "Invented grid for tests"

[[rule]]
level = "6"
rating_at_least = { risk_of_harm = 5 }

[[rule]]
level = "4"
composite_min = 20
composite_max = 27

[[rule]]
level = "2"
composite_max = 19
rating_at_most = { engagement = 2 }

[[rule]]
level = "5"
composite_min = 28

[[rule]]
level = "1"
)";

std::string Replace(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  const auto at = out.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) out.replace(at, from.size(), to);
  return out;
}

void ExpectRejected(const Instrument& instrument, const std::string& text, int line,
                    std::string_view key, std::string_view what) {
  auto table = ParseDeterminationTable(text, instrument);
  ASSERT_FALSE(table) << text;
  const Error& e = table.error();
  EXPECT_EQ(e.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(MemberOf(e, "line"), std::to_string(line)) << e.message;
  EXPECT_EQ(MemberOf(e, "key"), key) << e.message;
  EXPECT_NE(e.message.find(what), std::string::npos) << e.message;
}

// LOCUS ratings: every dimension at `base`, with some set otherwise.
Answers Ratings(int base, std::initializer_list<std::pair<const char*, int>> set = {}) {
  Answers answers;
  for (const char* id :
       {"risk_of_harm", "functional_status", "co_morbidity", "recovery_environment_stress",
        "recovery_environment_support", "treatment_and_recovery_history", "engagement"}) {
    answers[id].value = base;
  }
  for (const auto& [id, value] : set) answers[id].value = value;
  return answers;
}

int Composite(const Answers& answers) {
  int sum = 0;
  for (const auto& [id, answer] : answers) sum += *answer.value;
  return sum;
}

TEST(DeterminationTableTest, ParsesAndMatchesInOrder) {
  const Instrument locus = BuiltIn("locus");
  auto table = ParseDeterminationTable(kTable, locus);
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->instrument, "locus");
  EXPECT_EQ(table->name, "Invented grid for tests");
  ASSERT_EQ(table->rules.size(), 5u);
  EXPECT_EQ(table->rules[0].rating_at_least.at("risk_of_harm"), 5);

  // The first matching rule wins: risk 5 gives 6 even where the composite says 4.
  Answers risky = Ratings(3, {{"risk_of_harm", 5}});  // composite 23
  EXPECT_EQ(RecommendLevel(*table, risky, Composite(risky)), "6");
  Answers composite_20 = Ratings(3, {{"engagement", 2}});  // 20; engagement 2 but above 19
  ASSERT_EQ(Composite(composite_20), 20);
  EXPECT_EQ(RecommendLevel(*table, composite_20, 20), "4");
  // 19 with low engagement: rule 3; 19 with engagement 3: no rule until the catch-all.
  Answers at_19 = Ratings(3, {{"engagement", 2}, {"co_morbidity", 1}});  // 21-1-2 = 18
  at_19["functional_status"].value = 4;                                  // 19
  ASSERT_EQ(Composite(at_19), 19);
  EXPECT_EQ(RecommendLevel(*table, at_19, 19), "2");
  Answers at_19_engaged = Ratings(3, {{"co_morbidity", 1}, {"functional_status", 2}});  // 18
  at_19_engaged["recovery_environment_stress"].value = 4;                               // 19
  ASSERT_EQ(Composite(at_19_engaged), 19);
  EXPECT_EQ(RecommendLevel(*table, at_19_engaged, 19), "1");
  // 27 and 28 either side of the rule 2 / rule 4 edge.
  Answers at_27 = Ratings(4, {{"co_morbidity", 3}});
  ASSERT_EQ(Composite(at_27), 27);
  EXPECT_EQ(RecommendLevel(*table, at_27, 27), "4");
  Answers at_28 = Ratings(4);
  EXPECT_EQ(RecommendLevel(*table, at_28, 28), "5");
  Answers lowest = Ratings(1);
  EXPECT_EQ(RecommendLevel(*table, lowest, 7), "2");  // engagement 1 <= 2, composite 7 <= 19
}

TEST(DeterminationTableTest, RejectsBadTables) {
  const Instrument locus = BuiltIn("locus");
  ExpectRejected(locus, Replace(kTable, "level = \"6\"", "level = \"7\""), 7, "level",
                 "unknown level '7'; LOCUS has levels 0, 1, 2, 3, 4, 5, 6");
  ExpectRejected(locus, Replace(kTable, "{ risk_of_harm = 5 }", "{ risk_of_hurt = 5 }"), 8,
                 "rating_at_least", "no item 'risk_of_hurt' in LOCUS");
  ExpectRejected(locus, Replace(kTable, "{ risk_of_harm = 5 }", "{ risk_of_harm = 6 }"), 8,
                 "rating_at_least", "'risk_of_harm' is rated 1–5, not 6");
  ExpectRejected(locus, Replace(kTable, "{ engagement = 2 }", "{ engagement = 0 }"), 18,
                 "rating_at_most", "'engagement' is rated 1–5, not 0");
  ExpectRejected(locus, Replace(kTable, "composite_min = 28", "composite_min = 36"), 22,
                 "composite_min", "must be 7–35");
  ExpectRejected(locus, Replace(kTable, "composite_max = 27", "composite_max = 19"), 13,
                 "composite_max", "must be at least composite_min (20)");
  ExpectRejected(locus, std::string(kTable) + "composite_min = 7\n", 24, "rule",
                 "the last rule must have no conditions");
  ExpectRejected(locus, Replace(kTable, "composite_min = 28\n", ""), 20, "rule",
                 "the rules after it could never apply");
  ExpectRejected(locus, Replace(kTable, "instrument = \"locus\"", "instrument = \"calocus\""), 2,
                 "instrument", "this table is for 'calocus', not 'locus'");
  ExpectRejected(locus, Replace(kTable, "instrument_version = 1", "instrument_version = 2"), 3,
                 "instrument_version", "version 1 is installed");
  ExpectRejected(locus, Replace(kTable, "level = \"4\"", "level = \"4\"\nbed = 1"), 12, "bed",
                 "unknown key");
  ExpectRejected(locus, Replace(kTable, "name = ", "title = "), 4, "title", "unknown key");
  // A table for a screener is refused whatever it says.
  Instrument gad7 = BuiltIn("gad7");
  ExpectRejected(gad7, Replace(kTable, "instrument = \"locus\"", "instrument = \"gad7\""), 2,
                 "instrument", "not a level_of_care instrument");
}

TEST(DetermineLevelTest, WithoutATableTheAssessorEntersTheLevel) {
  const Instrument locus = BuiltIn("locus");
  const Answers answers = Ratings(3);
  auto missing = DetermineLevel(locus, nullptr, answers, 21, LevelEntry{});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "recommended_level");
  EXPECT_NE(missing.error().message.find("no determination table"), std::string::npos);

  auto unknown = DetermineLevel(locus, nullptr, answers, 21, LevelEntry{"9", "", ""});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().field, "recommended_level");

  auto entered = DetermineLevel(locus, nullptr, answers, 21, LevelEntry{"3", "", ""});
  ASSERT_TRUE(entered) << entered.error().message;
  EXPECT_EQ(entered->recommended, "3");
  EXPECT_EQ(entered->source, "assessor");
  EXPECT_EQ(entered->provided, "");

  auto same = DetermineLevel(locus, nullptr, answers, 21, LevelEntry{"3", "3", ""});
  ASSERT_TRUE(same) << same.error().message;
  EXPECT_EQ(same->provided, "3");

  auto no_reason = DetermineLevel(locus, nullptr, answers, 21, LevelEntry{"4", "3", "  "});
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().field, "variance_reason");

  auto with_reason =
      DetermineLevel(locus, nullptr, answers, 21, LevelEntry{"4", "3", "no bed available"});
  ASSERT_TRUE(with_reason) << with_reason.error().message;
  EXPECT_EQ(with_reason->provided, "3");
  EXPECT_EQ(with_reason->variance_reason, "no bed available");

  auto bad_provided = DetermineLevel(locus, nullptr, answers, 21, LevelEntry{"4", "3.5", "x"});
  ASSERT_FALSE(bad_provided);
  EXPECT_EQ(bad_provided.error().field, "level_provided");
}

TEST(DetermineLevelTest, WithATableTheTableRecommends) {
  const Instrument locus = BuiltIn("locus");
  auto table = ParseDeterminationTable(kTable, locus);
  ASSERT_TRUE(table) << table.error().message;
  Answers answers = Ratings(4);  // 28: rule 4 gives "5"

  auto from_table = DetermineLevel(locus, &*table, answers, 28, LevelEntry{});
  ASSERT_TRUE(from_table) << from_table.error().message;
  EXPECT_EQ(from_table->recommended, "5");
  EXPECT_EQ(from_table->source, "table");

  auto agreeing = DetermineLevel(locus, &*table, answers, 28, LevelEntry{"5", "", ""});
  ASSERT_TRUE(agreeing);
  EXPECT_EQ(agreeing->recommended, "5");

  auto mismatch = DetermineLevel(locus, &*table, answers, 28, LevelEntry{"4", "", ""});
  ASSERT_FALSE(mismatch);
  EXPECT_EQ(mismatch.error().field, "recommended_level");
  EXPECT_NE(mismatch.error().message.find("the installed table recommends 5"), std::string::npos);

  auto lower = DetermineLevel(locus, &*table, answers, 28, LevelEntry{"", "4", ""});
  ASSERT_FALSE(lower);
  EXPECT_EQ(lower.error().field, "variance_reason");
  auto explained = DetermineLevel(locus, &*table, answers, 28,
                                  LevelEntry{"", "4", "the participant chose to stay at home"});
  ASSERT_TRUE(explained) << explained.error().message;
  EXPECT_EQ(explained->recommended, "5");
  EXPECT_EQ(explained->provided, "4");
}

TEST(DetermineLevelTest, OtherInstrumentsTakeNoLevel) {
  const Instrument phq9 = BuiltIn("phq9");
  auto none = DetermineLevel(phq9, nullptr, {}, 3, LevelEntry{});
  ASSERT_TRUE(none);
  EXPECT_EQ(none->recommended, "");
  EXPECT_EQ(none->source, "");
  auto some = DetermineLevel(phq9, nullptr, {}, 3, LevelEntry{"3", "", ""});
  ASSERT_FALSE(some);
  EXPECT_EQ(some.error().field, "recommended_level");
}

}  // namespace
}  // namespace carecoord
