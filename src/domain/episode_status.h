// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "domain/error.h"

namespace carecoord {

// The status of an episode of care coordination (FHIR EpisodeOfCare.status in spirit).
// Main path: referred → engaging → active → transitioning → closed. Exits, each needing a
// reason: declined (intake declines the referral), refused (the person refuses services,
// 001 §2 "documented in the record"), unable_to_locate (after active attempts to locate, 001 §2).
enum class EpisodeStatus {
  kReferred,
  kEngaging,
  kActive,
  kTransitioning,
  kClosed,
  kDeclined,
  kRefused,
  kUnableToLocate,
};

inline constexpr std::array<EpisodeStatus, 8> kAllEpisodeStatuses = {
    EpisodeStatus::kReferred,      EpisodeStatus::kEngaging,       EpisodeStatus::kActive,
    EpisodeStatus::kTransitioning, EpisodeStatus::kClosed,         EpisodeStatus::kDeclined,
    EpisodeStatus::kRefused,       EpisodeStatus::kUnableToLocate,
};

// Wire and storage names: "referred", "unable_to_locate", ...
std::string_view EpisodeStatusName(EpisodeStatus status);
std::optional<EpisodeStatus> ParseEpisodeStatus(std::string_view name);

// Closed and the three exits end an episode; a person who comes back gets a new episode, so
// the history of the old one stays as it was.
bool IsTerminal(EpisodeStatus status);

// The statuses an episode may move to from `from`, in the order a screen would offer them.
std::span<const EpisodeStatus> NextStatuses(EpisodeStatus from);

// Whether moving from `from` to `to` is allowed. Errors: kConflict naming both statuses when
// the move is not allowed (including staying put); kInvalidArgument (field "reason") when `to`
// is closed or an exit and the reason is blank.
Status CheckEpisodeTransition(EpisodeStatus from, EpisodeStatus to, std::string_view reason);

}  // namespace carecoord
