// SPDX-License-Identifier: Apache-2.0
#include "domain/episode_status.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

namespace carecoord {
namespace {

// Every allowed move, written out independently of the implementation's tables. Any pair not
// listed here must be refused.
const std::set<std::pair<std::string, std::string>>& AllowedMoves() {
  static const std::set<std::pair<std::string, std::string>> kAllowed = {
      {"referred", "engaging"},    {"referred", "declined"},       {"referred", "refused"},
      {"engaging", "active"},      {"engaging", "refused"},        {"engaging", "unable_to_locate"},
      {"engaging", "closed"},      {"active", "transitioning"},    {"active", "closed"},
      {"active", "refused"},       {"active", "unable_to_locate"}, {"transitioning", "closed"},
      {"transitioning", "active"},
  };
  return kAllowed;
}

TEST(EpisodeStatusTest, EveryPairIsAllowedOrRefusedAsWrittenDown) {
  int allowed = 0;
  for (EpisodeStatus from : kAllEpisodeStatuses) {
    for (EpisodeStatus to : kAllEpisodeStatuses) {
      const std::pair<std::string, std::string> key{std::string(EpisodeStatusName(from)),
                                                    std::string(EpisodeStatusName(to))};
      auto st = CheckEpisodeTransition(from, to, "documented reason");
      if (AllowedMoves().contains(key)) {
        EXPECT_TRUE(st) << key.first << " -> " << key.second;
        ++allowed;
      } else {
        ASSERT_FALSE(st) << key.first << " -> " << key.second << " should be refused";
        EXPECT_EQ(st.error().code, ErrorCode::kConflict);
        EXPECT_NE(st.error().message.find(key.first), std::string::npos);
      }
    }
  }
  EXPECT_EQ(allowed, static_cast<int>(AllowedMoves().size()));
}

TEST(EpisodeStatusTest, ExitsAndClosingNeedAReason) {
  for (auto [from, to] : {std::pair{EpisodeStatus::kReferred, EpisodeStatus::kDeclined},
                          {EpisodeStatus::kReferred, EpisodeStatus::kRefused},
                          {EpisodeStatus::kEngaging, EpisodeStatus::kUnableToLocate},
                          {EpisodeStatus::kActive, EpisodeStatus::kClosed}}) {
    auto blank = CheckEpisodeTransition(from, to, "  \n");
    ASSERT_FALSE(blank) << EpisodeStatusName(to);
    EXPECT_EQ(blank.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(blank.error().field, "reason");
  }
  EXPECT_TRUE(CheckEpisodeTransition(EpisodeStatus::kReferred, EpisodeStatus::kEngaging, ""));
}

TEST(EpisodeStatusTest, TerminalStatusesAreExactlyClosedAndTheExits) {
  for (EpisodeStatus s : kAllEpisodeStatuses) {
    const bool terminal = s == EpisodeStatus::kClosed || s == EpisodeStatus::kDeclined ||
                          s == EpisodeStatus::kRefused || s == EpisodeStatus::kUnableToLocate;
    EXPECT_EQ(IsTerminal(s), terminal) << EpisodeStatusName(s);
  }
}

TEST(EpisodeStatusTest, NamesRoundTrip) {
  for (EpisodeStatus s : kAllEpisodeStatuses)
    EXPECT_EQ(ParseEpisodeStatus(EpisodeStatusName(s)), s);
  EXPECT_FALSE(ParseEpisodeStatus("Active"));
  EXPECT_FALSE(ParseEpisodeStatus(""));
}

}  // namespace
}  // namespace carecoord
