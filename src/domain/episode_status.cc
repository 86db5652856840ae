// SPDX-License-Identifier: Apache-2.0
#include "domain/episode_status.h"

#include <algorithm>
#include <string>

namespace carecoord {
namespace {

using enum EpisodeStatus;

constexpr std::array kFromReferred = {kEngaging, kDeclined, kRefused};
constexpr std::array kFromEngaging = {kActive, kRefused, kUnableToLocate, kClosed};
constexpr std::array kFromActive = {kTransitioning, kClosed, kRefused, kUnableToLocate};
constexpr std::array kFromTransitioning = {kClosed, kActive};

bool NeedsReason(EpisodeStatus to) {
  return to == kClosed || to == kDeclined || to == kRefused || to == kUnableToLocate;
}

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

}  // namespace

std::string_view EpisodeStatusName(EpisodeStatus status) {
  switch (status) {
    case kReferred: return "referred";
    case kEngaging: return "engaging";
    case kActive: return "active";
    case kTransitioning: return "transitioning";
    case kClosed: return "closed";
    case kDeclined: return "declined";
    case kRefused: return "refused";
    case kUnableToLocate: return "unable_to_locate";
  }
  return "";
}

std::optional<EpisodeStatus> ParseEpisodeStatus(std::string_view name) {
  for (EpisodeStatus s : kAllEpisodeStatuses) {
    if (EpisodeStatusName(s) == name) return s;
  }
  return std::nullopt;
}

bool IsTerminal(EpisodeStatus status) {
  return NextStatuses(status).empty();
}

std::span<const EpisodeStatus> NextStatuses(EpisodeStatus from) {
  switch (from) {
    case kReferred: return kFromReferred;
    case kEngaging: return kFromEngaging;
    case kActive: return kFromActive;
    case kTransitioning: return kFromTransitioning;
    case kClosed:
    case kDeclined:
    case kRefused:
    case kUnableToLocate: return {};
  }
  return {};
}

Status CheckEpisodeTransition(EpisodeStatus from, EpisodeStatus to, std::string_view reason) {
  const auto next = NextStatuses(from);
  if (std::find(next.begin(), next.end(), to) == next.end()) {
    return Fail(ErrorCode::kConflict, "an episode that is " + std::string(EpisodeStatusName(from)) +
                                          " cannot become " + std::string(EpisodeStatusName(to)));
  }
  if (NeedsReason(to) && IsBlank(reason)) {
    return Fail(ErrorCode::kInvalidArgument,
                "a reason is required to mark an episode " + std::string(EpisodeStatusName(to)),
                "reason");
  }
  return {};
}

}  // namespace carecoord
