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

}  // namespace
}  // namespace carecoord
