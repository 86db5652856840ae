// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal to src/domain, shared by the policy engine's parts (obligations.cc,
// obligation_instances.cc, obligation_text.cc). Includes program_calendar.h and so date/tz:
// not for public headers.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/obligations.h"
#include "domain/policy.h"
#include "domain/program_calendar.h"
#include "domain/time.h"

namespace carecoord {

// "Has not ended (yet)".
inline constexpr Instant kNever = Instant::max();

inline bool Contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// One evaluation's view of an episode: its facts as of `as_of`, in the program's calendar.
// Only what had happened and had been recorded by as_of counts (docs/worklists.md), so the
// contacts and hand-offs here are already filtered; the rest of `facts` is filtered where used.
struct EpisodeView {
  EpisodeView(const Policy& policy, const EpisodeFacts& facts, Instant as_of,
              ProgramCalendar calendar);

  // The coordinator accountable at `t`: the last hand-off by then (seq 1 is the assignment at
  // acceptance; 001 §1 "single point of accountability").
  std::string AccountableAt(Instant t) const;

  // The first of `contacts` occurring at or after `from`.
  std::vector<const ContactFact*>::const_iterator FirstContactAt(Instant from) const;

  const Policy& policy;
  const EpisodeFacts& facts;
  Instant as_of;
  ProgramCalendar calendar;
  Instant episode_end = kNever;              // the episode's close, if by as_of
  std::vector<const ContactFact*> contacts;  // by (occurred_at, id)
  std::vector<const HandoffFact*> handoffs;  // by seq
  // The contacts per week a window needs: the participant's risk tier in force when the window
  // started (as documented then; as of as_of for a window not started yet), so a tier raised on
  // Wednesday changes next week's count, not this week's or any earlier one (002: the
  // stratification model sets the level of coordination; 001 §2 the schedule).
  struct Schedule {
    TierResult tier;
    int per_week = 0;
    bool clamped = false;  // the episode's schedule was outside the tier's bounds
  };
  Schedule ScheduleAt(Instant window_start) const;

  // The care plan's versions and reviews recorded by as_of (empty without a plan), by version
  // and by recorded_at.
  std::vector<const CarePlanVersionFact*> plan_versions;
  std::vector<const CarePlanReviewFact*> plan_reviews;
};

// One instance of a rule: what started it and when it stops.
struct Instance {
  std::string tag;
  Instant start;
  Instant end = kNever;        // episode closed, transfer, membership over, release revoked
  std::string end_reason;      // "the episode closed", ...
  std::optional<Instant> due;  // a release's window ends with its expiry, not after `amount`
  const HandoffFact* handoff = nullptr;
  const TransitionFact* transition = nullptr;
  const ReleaseFact* release = nullptr;
  const TeamMemberFact* member = nullptr;
  const ContactFact* trigger = nullptr;        // the failed attempt that started it
  const AssessmentFact* assessment = nullptr;  // the assessment that raised the flag
  // Care plan instances: the review or target date (YYYY-MM-DD) and the plan versions that set
  // it and (0: none) moved it; goal instances also name their goal.
  std::string date;
  int set_version = 0;
  int end_version = 0;
  std::string goal_id;
};

// Something that counts toward a window, or excuses it.
struct Event {
  Instant at;
  std::string what;                // "17 Nov, phone"
  const void* identity = nullptr;  // a contact matching two satisfiers counts once
};

// The instances of `rule` in the episode, each with its end (the episode's close and, for
// rules that end on transfer, the next transfer) applied; instances ending before they start
// are left out.
std::vector<Instance> RuleInstances(const EpisodeView& episode, const PolicyRule& rule);

}  // namespace carecoord
