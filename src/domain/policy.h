// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"

namespace carecoord {

// A program's policy: the guidance's deadlines and cadences as data (docs/worklists.md
// "Policy file"). A policy is written in TOML (policies/default.toml is the default every
// program starts with), parsed and validated by ParsePolicy (domain/policy_file.h) and turned
// into obligations by EvaluateEpisode (domain/obligations.h). A rule says what starts it, its
// window, what satisfies it, what excuses it and when it ends; no rule is a hand-written
// function.

// What starts a rule's instances. One instance per start event (one per discharge, one per
// hand-off, one per expiring release, one per peer membership, ...).
enum class RuleStart {
  kReferralReceived,  // the referral's received time (warm hand-off, 001 §8)
  kEnrolled,          // the episode's enrolment time (first move to `active`)
  kEpisodeStarted,    // the episode's start (the referral's acceptance)
  kHandoff,           // each transfer of accountability after the first assignment
  kDischarge,         // each discharge from a higher level of care (001 §6 §8)
  kFailedAttempts,    // the Nth failed attempt in a row to reach the participant (001 §2)
  kReleaseExpiring,   // N days before a release of information expires (004)
  kPeerOnTeam,        // each peer support specialist's care-team membership (000)
  kCarePlan,          // each review date a care plan's versions set (001 §10 "reviewed regularly")
  kGoalTargetDate,    // each target date of a care plan goal still being worked on (001 §10)
  kAssessmentFlag,    // each assessment raising the rule's `flag` (PHQ-9 item 9: safety)
  kStaffing,          // needs staffing records, which this version does not keep yet
};

// The window of each instance.
enum class WindowKind {
  kWithinHours,    // one deadline: start + N hours
  kWithinDays,     // one deadline: start + N days (24 h each)
  kCalendarWeek,   // recurring: each calendar week (Monday–Sunday, program time zone)
  kCalendarMonth,  // recurring: each calendar month (program time zone)
  kRollingDays,    // recurring: consecutive periods of N days from the start
  kSameDay,        // one deadline: the end of the start's calendar day (program time zone)
  kByDate,         // one deadline: the end of the start's date (a review or target date),
                   // the window opening `days_before` days earlier
};

// What counts toward a window. A rule lists one or more; any of them counts.
enum class SatisfierKind {
  kContact,            // a contact matching the filters below
  kHandoffFaceToFace,  // the hand-off that started the instance was face to face
  kAppointmentKept,    // a psychiatric appointment kept within the window (001 §6)
  kReleaseRenewed,     // a later release to the same party that starts by the old expiry
  kCarePlanAgreed,     // a care plan version recording the participant's or guardian's
                       // agreement (signature, verbal or a documented decline; 001 §4)
  kCarePlanReviewed,   // a review of the care plan recorded after the review date was set
  kGoalClosed,         // the goal achieved or discontinued in a later version of the plan
};

// Who must have made a counting contact.
enum class ContactBy {
  kAnyone,                  // anyone documenting on the episode
  kAccountableCoordinator,  // the coordinator accountable at the time of the contact
  kTeamPeer,                // the peer whose membership started the instance
};

struct Satisfier {
  SatisfierKind kind = SatisfierKind::kContact;
  // Filters for kContact; an empty list allows any value.
  std::vector<std::string> modes;      // kContactModes
  std::vector<std::string> with_whom;  // kContactParties
  std::vector<std::string> purposes;   // any of these purposes
  std::vector<std::string> outcomes;   // kContactOutcomes
  std::vector<std::string> roles;      // the author's role (by_role): care_coordinator, ...
  std::optional<bool> successful;
  ContactBy by = ContactBy::kAnyone;
};

// Who the open obligation is for (the worklist it appears on).
enum class Assignee {
  kAccountableCoordinator,
  kTeamPeer,
};

struct PolicyRule {
  std::string id;     // [a-z][a-z0-9_]{0,39}, unique in the policy
  std::string title;  // short, shown on worklists
  std::string cite;   // where the guidance says so: "001 §8"
  bool enabled = true;

  RuleStart start = RuleStart::kEpisodeStarted;
  int after_failed_attempts = 3;        // kFailedAttempts: attempts in a row
  int days_before_expiry = 30;          // kReleaseExpiring
  bool medication_needed_only = false;  // kDischarge: only discharges needing medication
  std::vector<std::string> levels;      // kDischarge: only these levels (empty: any)
  std::string flag;                     // kAssessmentFlag: the flag that starts it ("safety")
  int days_before = 14;                 // kByDate: the window opens this many days earlier

  WindowKind window = WindowKind::kWithinDays;
  int amount = 1;  // hours (kWithinHours) or days (kWithinDays, kRollingDays)
  // Recurring rules: only during the first N days after the start, counting the start's
  // calendar day as day 1 (0: for as long as the instance lasts).
  int for_days = 0;
  // Recurring calendar rules: begin with the first full week or month after the start instead
  // of the partial one that contains it.
  bool first_period_full = false;
  // Satisfying events needed per window. With count_from_schedule the participant's contact
  // schedule (contacts per week) sets it, prorated to the days of a partial week
  // (ceil(per_week × days / 7)).
  int count = 1;
  bool count_from_schedule = false;
  std::vector<Satisfier> satisfied_by;  // any of; at least one

  // A documented refusal (a contact with outcome refused_services, or an appointment recorded
  // as refused) in the window, or since the start for one-deadline rules, excuses it.
  bool excused_by_refusal = false;
  // A psychiatric appointment recorded as none_available with the managing entity notified
  // excuses it (001 §6).
  bool excused_by_unavailability = false;
  // Instances end when the episode closes (always) and, with this, when accountability is
  // transferred; windows still open then are `ended`, not missed.
  bool ends_on_transfer = false;

  Assignee assignee = Assignee::kAccountableCoordinator;
  // The one-click suggestion on a worklist item: the contact that would satisfy it.
  std::string suggest_mode;     // "" when the rule is not satisfied by a contact
  std::string suggest_purpose;  // a kContactPurposes code
  std::string suggest_with;     // a kContactParties code
};

// Bounds of the per-participant contact schedule in the first 30 days (001 §2: daily down to
// at least three times a week).
struct ContactScheduleBounds {
  int min_per_week = 3;
  int max_per_week = 7;
  int default_per_week = 3;  // when none was set for the participant
};

// ---- Risk stratification (002: "the level of care coordination required ... is determined
// by a stratification model"; docs/assessments.md "Risk tiers") ----

enum class TierConditionKind {
  kLevelAtLeast,     // the latest recommended level of care (of `instruments`, any when empty)
                     // is at least `level_at_least`
  kBand,             // the latest `instrument` assessment is in one of `bands`
  kFlag,             // the latest assessment of any instrument raised `flag`
  kNeed,             // the latest screener identifying needs lists `need`
  kRecentDischarge,  // a discharge from a higher level of care (`levels`, any when empty) in
                     // the last `days` days
};

struct TierCondition {
  TierConditionKind kind = TierConditionKind::kFlag;
  std::vector<std::string> instruments;  // kLevelAtLeast
  double level_at_least = 0;             // kLevelAtLeast: a level code as a number
  std::string instrument;                // kBand
  std::vector<std::string> bands;        // kBand
  std::string flag;                      // kFlag
  std::string need;                      // kNeed
  int days = 30;                         // kRecentDischarge
  std::vector<std::string> levels;       // kRecentDischarge: kTransitionLevels
};

// A tier and the contact schedule bounds it sets. Tiers are listed highest first; a participant
// is in the first tier any of whose conditions holds. The last tier has no conditions: everyone
// else.
struct RiskTier {
  std::string id;     // [a-z][a-z0-9_]{0,39}: "high"
  std::string title;  // "High"
  std::vector<TierCondition> when;
  std::optional<ContactScheduleBounds> schedule;  // the policy's [schedule] when absent
};

struct Policy {
  ContactScheduleBounds schedule;
  std::vector<RiskTier> tiers;  // highest first; may be empty (then no stratification)
  // Obligations kept in the materialised table: windows due in the last `history_months`
  // calendar months (for the supervisor's compliance history) and up to `horizon_days` ahead.
  int history_months = 6;
  int horizon_days = 35;
  std::vector<PolicyRule> rules;  // in file order

  const PolicyRule* FindRule(std::string_view id) const;
  const RiskTier* FindTier(std::string_view id) const;
  // The bounds of the tier (the policy's [schedule] for an unknown tier or one without its own).
  const ContactScheduleBounds& ScheduleFor(std::string_view tier_id) const;
};

// Wire/file names of the enumerations ("referral_received", "calendar_week", ...) and back.
std::string_view RuleStartName(RuleStart start);
std::optional<RuleStart> ParseRuleStart(std::string_view name);
std::string_view WindowKindName(WindowKind kind);
std::optional<WindowKind> ParseWindowKind(std::string_view name);
std::string_view SatisfierKindName(SatisfierKind kind);
std::optional<SatisfierKind> ParseSatisfierKind(std::string_view name);
std::string_view ContactByName(ContactBy by);
std::optional<ContactBy> ParseContactBy(std::string_view name);
std::string_view AssigneeName(Assignee a);
std::optional<Assignee> ParseAssignee(std::string_view name);
std::string_view TierConditionKindName(TierConditionKind kind);
std::optional<TierConditionKind> ParseTierConditionKind(std::string_view name);

// The rule in plain language for the policy page: "First face-to-face contact by the
// accountable coordinator within 24 hours of the referral being received. Excused by a
// documented refusal. (001 §8)".
std::string DescribeRule(const PolicyRule& rule);
// A tier condition in plain language: "PHQ-9 severe", "a discharge from a higher level of care
// in the last 30 days".
std::string DescribeTierCondition(const TierCondition& condition);

// Schedule reasons a coordinator gives for a participant's contacts per week (001 §2: "the
// individual's safety needs, level of independence and their wishes").
inline constexpr std::string_view kScheduleReasons[] = {"safety", "independence", "wishes"};

// kInvalidArgument naming `per_week` or `reason` unless per_week is within the policy's bounds
// and reason is one of kScheduleReasons.
Status ValidateContactSchedule(const ContactScheduleBounds& bounds, int per_week,
                               std::string_view reason);

}  // namespace carecoord
