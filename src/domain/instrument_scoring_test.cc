// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <string>

#include "domain/instrument.h"

namespace carecoord {
namespace {

// The shipped definition with this id (instruments/*.toml).
Instrument BuiltIn(std::string_view id) {
  for (std::string_view text : BuiltInInstrumentTexts()) {
    auto instrument = ParseInstrument(text);
    if (instrument && instrument->id == id) return *instrument;
  }
  ADD_FAILURE() << "no built-in instrument " << id;
  return {};
}

// Answers to items q1..qN adding up to `total` (each at most `max_per_item`), with item
// `zero_item` kept at 0 when given.
Answers Summing(int items, int total, int max_per_item, int zero_item = 0) {
  Answers answers;
  int left = total;
  for (int i = 1; i <= items; ++i) {
    const int v = i == zero_item ? 0 : std::min(left, max_per_item);
    answers["q" + std::to_string(i)].value = v;
    left -= v;
  }
  EXPECT_EQ(left, 0) << "cannot make " << total;
  return answers;
}

TEST(ScoreAnswersTest, Phq9BandsAtEveryBoundary) {
  const Instrument phq9 = BuiltIn("phq9");
  EXPECT_EQ(phq9.total_min, 0);
  EXPECT_EQ(phq9.total_max, 27);
  const std::pair<int, std::string_view> cases[] = {{0, "minimal"},
                                                    {4, "minimal"},
                                                    {5, "mild"},
                                                    {9, "mild"},
                                                    {10, "moderate"},
                                                    {14, "moderate"},
                                                    {15, "moderately_severe"},
                                                    {19, "moderately_severe"},
                                                    {20, "severe"},
                                                    {27, "severe"}};
  for (const auto& [total, band] : cases) {
    // Item 9 stays 0 below 27 so no flag is raised by the arithmetic.
    auto score = ScoreAnswers(phq9, Summing(9, total, 3, total < 27 ? 9 : 0));
    ASSERT_TRUE(score) << total << ": " << score.error().message;
    EXPECT_EQ(score->total, total);
    EXPECT_EQ(score->band, band) << total;
    if (total < 27) {
      EXPECT_TRUE(score->flags.empty()) << total;
    }
  }
  auto moderate = ScoreAnswers(phq9, Summing(9, 12, 3, 9));
  ASSERT_TRUE(moderate);
  EXPECT_EQ(moderate->band_label, "Moderate");
}

TEST(ScoreAnswersTest, Phq9ItemNineRaisesSafetyWhateverTheTotal) {
  const Instrument phq9 = BuiltIn("phq9");
  Answers answers = Summing(9, 0, 3);
  answers["q9"].value = 1;
  auto score = ScoreAnswers(phq9, answers);
  ASSERT_TRUE(score) << score.error().message;
  EXPECT_EQ(score->total, 1);
  EXPECT_EQ(score->band, "minimal");
  ASSERT_EQ(score->flags.size(), 1u);
  EXPECT_EQ(score->flags[0].flag, "safety");
  EXPECT_EQ(score->flags[0].item, "q9");
  EXPECT_TRUE(score->flags[0].urgent);
  EXPECT_FALSE(score->flags[0].label.empty());

  // Item 9 at 0 with a high total raises nothing.
  auto high = ScoreAnswers(phq9, Summing(9, 24, 3, 9));
  ASSERT_TRUE(high);
  EXPECT_EQ(high->band, "severe");
  EXPECT_TRUE(high->flags.empty());
}

TEST(ScoreAnswersTest, Phq9DifficultyIsOptionalAndNotCounted) {
  const Instrument phq9 = BuiltIn("phq9");
  Answers answers = Summing(9, 6, 3, 9);
  answers["difficulty"].value = 3;
  auto score = ScoreAnswers(phq9, answers);
  ASSERT_TRUE(score) << score.error().message;
  EXPECT_EQ(score->total, 6);
}

TEST(ScoreAnswersTest, Gad7BandsAtEveryBoundary) {
  const Instrument gad7 = BuiltIn("gad7");
  EXPECT_EQ(gad7.total_min, 0);
  EXPECT_EQ(gad7.total_max, 21);
  const std::pair<int, std::string_view> cases[] = {
      {0, "minimal"},   {4, "minimal"},   {5, "mild"},    {9, "mild"},
      {10, "moderate"}, {14, "moderate"}, {15, "severe"}, {21, "severe"}};
  for (const auto& [total, band] : cases) {
    auto score = ScoreAnswers(gad7, Summing(7, total, 3));
    ASSERT_TRUE(score) << total << ": " << score.error().message;
    EXPECT_EQ(score->total, total);
    EXPECT_EQ(score->band, band) << total;
    EXPECT_TRUE(score->flags.empty());
  }
}

// Expects kInvalidArgument on field `field` whose message contains `what`.
void ExpectBadAnswer(const Instrument& instrument, const Answers& answers, std::string_view field,
                     std::string_view what) {
  auto score = ScoreAnswers(instrument, answers);
  ASSERT_FALSE(score);
  EXPECT_EQ(score.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(score.error().field, field) << score.error().message;
  EXPECT_NE(score.error().message.find(what), std::string::npos) << score.error().message;
}

TEST(ScoreAnswersTest, RejectsBadAnswers) {
  const Instrument phq9 = BuiltIn("phq9");
  Answers unknown = Summing(9, 3, 3);
  unknown["q10"].value = 1;
  ExpectBadAnswer(phq9, unknown, "answers.q10", "no item 'q10'");

  Answers not_option = Summing(9, 3, 3);
  not_option["q2"].value = 4;
  ExpectBadAnswer(phq9, not_option, "answers.q2", "4 is not one of the answers (0, 1, 2, 3)");
  not_option["q2"].value = -1;
  ExpectBadAnswer(phq9, not_option, "answers.q2", "not one of the answers");

  Answers text_for_number = Summing(9, 3, 3);
  text_for_number["q3"] = Answer{std::nullopt, "often"};
  ExpectBadAnswer(phq9, text_for_number, "answers.q3", "must be a number");

  Answers missing = Summing(9, 3, 3);
  missing.erase("q5");
  ExpectBadAnswer(phq9, missing, "answers.q5", "required");

  // A blank answer is no answer.
  Answers blank = Summing(9, 3, 3);
  blank["q5"] = Answer{};
  ExpectBadAnswer(phq9, blank, "answers.q5", "required");
}

std::vector<std::string> NeedsOf(const Score& score) {
  std::vector<std::string> out;
  for (const IdentifiedNeed& n : score.needs) out.push_back(n.need);
  return out;
}

// Every SDOH item answered negatively (0).
Answers SdohNegative(const Instrument& sdoh) {
  Answers answers;
  for (const InstrumentSection& section : sdoh.sections) {
    for (const InstrumentItem& item : section.items) answers[item.id].value = 0;
  }
  return answers;
}

TEST(ScoreAnswersTest, SdohHasNoTotalAndNoNeedsWhenAllNegative) {
  const Instrument sdoh = BuiltIn("sdoh");
  EXPECT_FALSE(sdoh.scored);
  EXPECT_EQ(sdoh.kind, InstrumentKind::kScreener);
  auto score = ScoreAnswers(sdoh, SdohNegative(sdoh));
  ASSERT_TRUE(score) << score.error().message;
  EXPECT_FALSE(score->total.has_value());
  EXPECT_EQ(score->band, "");
  EXPECT_TRUE(score->needs.empty());
  EXPECT_TRUE(score->flags.empty());
}

TEST(ScoreAnswersTest, SdohEachPositiveDomainIsANeed) {
  const Instrument sdoh = BuiltIn("sdoh");
  // Each item, answered with its lowest positive answer (1) alone, raises exactly its domain.
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"living_situation", "housing_instability"}, {"housing_problems", "housing_instability"},
      {"food_worry", "food_insecurity"},           {"food_ran_out", "food_insecurity"},
      {"transportation", "transportation"},        {"utilities", "utilities"},
      {"safety_hurt", "interpersonal_safety"},     {"safety_insult", "interpersonal_safety"},
      {"safety_threaten", "interpersonal_safety"}, {"safety_scream", "interpersonal_safety"}};
  for (const auto& [item, need] : cases) {
    Answers answers = SdohNegative(sdoh);
    answers[std::string(item)].value = 1;
    auto score = ScoreAnswers(sdoh, answers);
    ASSERT_TRUE(score) << item << ": " << score.error().message;
    EXPECT_EQ(NeedsOf(*score), std::vector<std::string>{std::string(need)}) << item;
  }
  // All positive: every domain, in the instrument's order, each once.
  Answers all = SdohNegative(sdoh);
  for (auto& [id, answer] : all) answer.value = 1;
  auto score = ScoreAnswers(sdoh, all);
  ASSERT_TRUE(score) << score.error().message;
  EXPECT_EQ(NeedsOf(*score),
            (std::vector<std::string>{"housing_instability", "food_insecurity", "transportation",
                                      "utilities", "interpersonal_safety"}));
  EXPECT_EQ(score->needs[0].label, "Housing instability");
}

TEST(ScoreAnswersTest, PediatricFamilyTakesTextAnswers) {
  const Instrument ped = BuiltIn("pediatric_family");
  EXPECT_TRUE(ped.pediatric);
  EXPECT_EQ(ped.kind, InstrumentKind::kStructured);
  EXPECT_FALSE(ped.scored);
  Answers answers;
  for (const InstrumentSection& section : ped.sections) {
    for (const InstrumentItem& item : section.items) {
      EXPECT_EQ(item.kind, ItemKind::kText) << item.id;
      if (item.required) answers[item.id].text = "Noted for " + item.id;
    }
  }
  auto score = ScoreAnswers(ped, answers);
  ASSERT_TRUE(score) << score.error().message;
  EXPECT_FALSE(score->total.has_value());
  EXPECT_TRUE(score->needs.empty());

  Answers number = answers;
  number["school_performance"] = Answer{3, ""};
  ExpectBadAnswer(ped, number, "answers.school_performance", "must be text");

  Answers missing = answers;
  missing.erase("family_goals");
  ExpectBadAnswer(ped, missing, "answers.family_goals", "required");

  // 4000 bytes is the limit, inclusive.
  Answers long_text = answers;
  long_text["dental_status"].text = std::string(4000, 'x');
  EXPECT_TRUE(ScoreAnswers(ped, long_text));
  long_text["dental_status"].text = std::string(4001, 'x');
  ExpectBadAnswer(ped, long_text, "answers.dental_status", "at most 4000 bytes");
}

Answers AllRatings(const Instrument& instrument, int value) {
  Answers answers;
  for (const InstrumentSection& section : instrument.sections) {
    for (const InstrumentItem& item : section.items) answers[item.id].value = value;
  }
  return answers;
}

TEST(ScoreAnswersTest, LocusCompositeRunsFromSevenToThirtyFive) {
  const Instrument locus = BuiltIn("locus");
  EXPECT_EQ(locus.kind, InstrumentKind::kLevelOfCare);
  EXPECT_EQ(locus.total_min, 7);
  EXPECT_EQ(locus.total_max, 35);
  auto low = ScoreAnswers(locus, AllRatings(locus, 1));
  ASSERT_TRUE(low) << low.error().message;
  EXPECT_EQ(low->total, 7);
  auto high = ScoreAnswers(locus, AllRatings(locus, 5));
  ASSERT_TRUE(high) << high.error().message;
  EXPECT_EQ(high->total, 35);
  EXPECT_EQ(high->band, "");  // no bands: the level comes from the table or the assessor

  ExpectBadAnswer(locus, AllRatings(locus, 0), "answers.co_morbidity",
                  "out of range: ratings are 1–5");
  ExpectBadAnswer(locus, AllRatings(locus, 6), "answers.co_morbidity", "out of range");
}

TEST(ScoreAnswersTest, CalocusAndAsamRanges) {
  const Instrument calocus = BuiltIn("calocus");
  EXPECT_TRUE(calocus.pediatric);
  EXPECT_EQ(calocus.total_min, 8);
  EXPECT_EQ(calocus.total_max, 40);
  EXPECT_EQ(calocus.levels.size(), 7u);
  const Instrument asam = BuiltIn("asam");
  EXPECT_EQ(asam.total_min, 0);
  EXPECT_EQ(asam.total_max, 24);
  ASSERT_EQ(asam.levels.size(), 9u);
  EXPECT_EQ(asam.levels.front().code, "0.5");
  EXPECT_EQ(asam.levels.back().code, "4");
  auto score = ScoreAnswers(asam, AllRatings(asam, 4));
  ASSERT_TRUE(score);
  EXPECT_EQ(score->total, 24);
}

}  // namespace
}  // namespace carecoord
