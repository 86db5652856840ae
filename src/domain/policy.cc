// SPDX-License-Identifier: Apache-2.0
#include "domain/policy.h"

#include <algorithm>
#include <array>
#include <utility>

#include "domain/plain_text.h"

namespace carecoord {
namespace {

// One table per enumeration so a name and its value cannot drift apart.
template <typename E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

constexpr NameTable<RuleStart, 12> kRuleStartNames = {{
    {RuleStart::kReferralReceived, "referral_received"},
    {RuleStart::kEnrolled, "enrolled"},
    {RuleStart::kEpisodeStarted, "episode_started"},
    {RuleStart::kHandoff, "handoff"},
    {RuleStart::kDischarge, "discharge"},
    {RuleStart::kFailedAttempts, "failed_attempts"},
    {RuleStart::kReleaseExpiring, "release_expiring"},
    {RuleStart::kPeerOnTeam, "peer_on_team"},
    {RuleStart::kCarePlan, "care_plan"},
    {RuleStart::kGoalTargetDate, "goal_target_date"},
    {RuleStart::kAssessmentFlag, "assessment_flag"},
    {RuleStart::kStaffing, "staffing"},
}};

constexpr NameTable<WindowKind, 7> kWindowKindNames = {{
    {WindowKind::kWithinHours, "within_hours"},
    {WindowKind::kWithinDays, "within_days"},
    {WindowKind::kCalendarWeek, "calendar_week"},
    {WindowKind::kCalendarMonth, "calendar_month"},
    {WindowKind::kRollingDays, "rolling_days"},
    {WindowKind::kSameDay, "same_day"},
    {WindowKind::kByDate, "by_date"},
}};

constexpr NameTable<SatisfierKind, 7> kSatisfierKindNames = {{
    {SatisfierKind::kContact, "contact"},
    {SatisfierKind::kHandoffFaceToFace, "handoff_face_to_face"},
    {SatisfierKind::kAppointmentKept, "appointment_kept"},
    {SatisfierKind::kReleaseRenewed, "release_renewed"},
    {SatisfierKind::kCarePlanAgreed, "care_plan_agreed"},
    {SatisfierKind::kCarePlanReviewed, "care_plan_reviewed"},
    {SatisfierKind::kGoalClosed, "goal_closed"},
}};

constexpr NameTable<ContactBy, 3> kContactByNames = {{
    {ContactBy::kAnyone, "anyone"},
    {ContactBy::kAccountableCoordinator, "accountable_coordinator"},
    {ContactBy::kTeamPeer, "team_peer"},
}};

constexpr NameTable<Assignee, 2> kAssigneeNames = {{
    {Assignee::kAccountableCoordinator, "accountable_coordinator"},
    {Assignee::kTeamPeer, "team_peer"},
}};

constexpr NameTable<TierConditionKind, 5> kTierConditionKindNames = {{
    {TierConditionKind::kLevelAtLeast, "level_at_least"},
    {TierConditionKind::kBand, "band"},
    {TierConditionKind::kFlag, "flag"},
    {TierConditionKind::kNeed, "need"},
    {TierConditionKind::kRecentDischarge, "recent_discharge"},
}};

template <typename E, std::size_t N>
std::string_view NameOf(const NameTable<E, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "";
}

template <typename E, std::size_t N>
std::optional<E> ValueOf(const NameTable<E, N>& table, std::string_view name) {
  for (const auto& [v, n] : table) {
    if (n == name) return v;
  }
  return std::nullopt;
}

std::string DescribeSatisfier(const Satisfier& s, int count) {
  switch (s.kind) {
    case SatisfierKind::kHandoffFaceToFace: return "a face-to-face hand-off";
    case SatisfierKind::kAppointmentKept: return "a kept psychiatric appointment";
    case SatisfierKind::kReleaseRenewed: return "a renewed release to the same party";
    case SatisfierKind::kCarePlanAgreed: return "a care plan the participant agreed to";
    case SatisfierKind::kCarePlanReviewed: return "a recorded care plan review";
    case SatisfierKind::kGoalClosed: return "the goal achieved or discontinued";
    case SatisfierKind::kContact: break;
  }
  // count 0: the plural without a number ("successful contacts").
  std::string out = count == 1 ? "a" : count == 0 ? "" : std::to_string(count);
  if (s.successful.value_or(false)) out += " successful";
  if (!s.modes.empty()) {
    std::vector<std::string> modes;
    for (const std::string& m : s.modes) modes.push_back(m == "in_person" ? "in-person" : m);
    out += " " + JoinOr(modes);
  }
  out += count == 1 ? " contact" : " contacts";
  if (out[0] == ' ') out.erase(0, 1);
  if (!s.with_whom.empty()) {
    std::vector<std::string> parties;
    for (const std::string& p : s.with_whom) parties.push_back("the " + Spaced(p));
    out += " with " + JoinOr(parties);
  }
  if (!s.purposes.empty()) {
    std::vector<std::string> purposes;
    for (const std::string& p : s.purposes) purposes.push_back(Spaced(p));
    out += (purposes.size() == 1 ? " with purpose " : " with purposes ") + JoinOr(purposes);
  }
  if (!s.roles.empty()) {
    std::vector<std::string> roles;
    for (const std::string& r : s.roles) roles.push_back("a " + Spaced(r));
    out += " by " + JoinOr(roles);
  }
  switch (s.by) {
    case ContactBy::kAccountableCoordinator: out += " by the accountable coordinator"; break;
    case ContactBy::kTeamPeer: out += " by that peer support specialist"; break;
    case ContactBy::kAnyone: break;
  }
  return out;
}

std::string DescribeStart(const PolicyRule& r) {
  switch (r.start) {
    case RuleStart::kReferralReceived: return "the referral being received";
    case RuleStart::kEnrolled: return "enrolment";
    case RuleStart::kEpisodeStarted: return "the episode's start";
    case RuleStart::kHandoff: return "each transfer of accountability";
    case RuleStart::kDischarge: {
      std::string out = "each discharge from a higher level of care";
      if (!r.levels.empty()) {
        std::vector<std::string> levels;
        for (const std::string& l : r.levels) levels.push_back(Spaced(l));
        out += " (" + JoinOr(levels) + ")";
      }
      if (r.medication_needed_only) out += " of a participant who needs medication";
      return out;
    }
    case RuleStart::kFailedAttempts:
      return "the " + Ordinal(r.after_failed_attempts) +
             " failed attempt in a row to reach the participant";
    case RuleStart::kReleaseExpiring:
      return std::to_string(r.days_before_expiry) + " days before a release of information expires";
    case RuleStart::kPeerOnTeam: return "a peer support specialist joining the care team";
    case RuleStart::kCarePlan: return "each review date the care plan sets";
    case RuleStart::kGoalTargetDate: return "each target date of a goal still being worked on";
    case RuleStart::kAssessmentFlag: return "an assessment raising the " + r.flag + " flag";
    case RuleStart::kStaffing: return "the last staffing";
  }
  return "";
}

}  // namespace

const PolicyRule* Policy::FindRule(std::string_view id) const {
  for (const PolicyRule& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

const RiskTier* Policy::FindTier(std::string_view id) const {
  for (const RiskTier& t : tiers) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

const ContactScheduleBounds& Policy::ScheduleFor(std::string_view tier_id) const {
  const RiskTier* tier = FindTier(tier_id);
  if (tier != nullptr && tier->schedule) return *tier->schedule;
  return schedule;
}

std::string_view RuleStartName(RuleStart start) {
  return NameOf(kRuleStartNames, start);
}
std::optional<RuleStart> ParseRuleStart(std::string_view name) {
  return ValueOf(kRuleStartNames, name);
}
std::string_view WindowKindName(WindowKind kind) {
  return NameOf(kWindowKindNames, kind);
}
std::optional<WindowKind> ParseWindowKind(std::string_view name) {
  return ValueOf(kWindowKindNames, name);
}
std::string_view SatisfierKindName(SatisfierKind kind) {
  return NameOf(kSatisfierKindNames, kind);
}
std::optional<SatisfierKind> ParseSatisfierKind(std::string_view name) {
  return ValueOf(kSatisfierKindNames, name);
}
std::string_view ContactByName(ContactBy by) {
  return NameOf(kContactByNames, by);
}
std::optional<ContactBy> ParseContactBy(std::string_view name) {
  return ValueOf(kContactByNames, name);
}
std::string_view AssigneeName(Assignee a) {
  return NameOf(kAssigneeNames, a);
}
std::optional<Assignee> ParseAssignee(std::string_view name) {
  return ValueOf(kAssigneeNames, name);
}
std::string_view TierConditionKindName(TierConditionKind kind) {
  return NameOf(kTierConditionKindNames, kind);
}
std::optional<TierConditionKind> ParseTierConditionKind(std::string_view name) {
  return ValueOf(kTierConditionKindNames, name);
}

std::string DescribeTierCondition(const TierCondition& c) {
  switch (c.kind) {
    case TierConditionKind::kLevelAtLeast: {
      std::string level = std::to_string(c.level_at_least);
      // "4", "4.5": the level code as written, without trailing zeros.
      level.erase(level.find_last_not_of('0') + 1);
      if (level.back() == '.') level.pop_back();
      std::string out = "a recommended level of care of at least " + level;
      if (!c.instruments.empty()) out += " (" + JoinOr(c.instruments) + ")";
      return out;
    }
    case TierConditionKind::kBand: {
      std::vector<std::string> bands;
      for (const std::string& b : c.bands) bands.push_back(Spaced(b));
      return c.instrument + " " + JoinOr(bands);
    }
    case TierConditionKind::kFlag: return "the " + Spaced(c.flag) + " flag raised";
    case TierConditionKind::kNeed: return "the need " + Spaced(c.need) + " identified";
    case TierConditionKind::kRecentDischarge: {
      std::string out = "a discharge from a higher level of care";
      if (!c.levels.empty()) {
        std::vector<std::string> levels;
        for (const std::string& l : c.levels) levels.push_back(Spaced(l));
        out += " (" + JoinOr(levels) + ")";
      }
      return out + " in the last " + std::to_string(c.days) + " days";
    }
  }
  return "";
}

std::string DescribeRule(const PolicyRule& rule) {
  const int count = rule.count_from_schedule ? 0 : rule.count;
  std::vector<std::string> what;
  for (const Satisfier& s : rule.satisfied_by) what.push_back(DescribeSatisfier(s, count));
  // Rules kept off until their records exist may have nothing to satisfy them yet.
  std::string out = what.empty() ? rule.title : JoinOr(what);
  if (rule.count_from_schedule) {
    out = "the participant's scheduled number of " + out + " (prorated in partial weeks)";
  }
  out = Capitalised(std::move(out));

  const std::string start = DescribeStart(rule);
  switch (rule.window) {
    case WindowKind::kWithinHours:
      out += " within " + std::to_string(rule.amount) + " hours of " + start;
      break;
    case WindowKind::kWithinDays:
      if (rule.start == RuleStart::kReleaseExpiring) {
        out += " from " + start + " until it expires";
      } else {
        out += " within " + std::to_string(rule.amount) + " days of " + start;
      }
      break;
    case WindowKind::kSameDay: out += " by the end of the day of " + start; break;
    case WindowKind::kByDate:
      out += " by " + start + ", on the worklist from " + std::to_string(rule.days_before) +
             " days before";
      break;
    case WindowKind::kCalendarWeek:
    case WindowKind::kCalendarMonth:
    case WindowKind::kRollingDays: {
      const bool week = rule.window == WindowKind::kCalendarWeek;
      if (rule.window == WindowKind::kRollingDays) {
        out += " every " + std::to_string(rule.amount) + " days";
      } else {
        out += week ? " each calendar week" : " each calendar month";
      }
      out += " from " + start;
      if (rule.first_period_full)
        out +=
            week ? ", starting with the first full week" : ", starting with the first full month";
      if (rule.for_days > 0) out += ", for the first " + std::to_string(rule.for_days) + " days";
      break;
    }
  }
  out += ".";
  if (rule.excused_by_refusal && rule.excused_by_unavailability) {
    out +=
        " Excused by a documented refusal, or when no appointment is available and the "
        "managing entity was notified.";
  } else if (rule.excused_by_refusal) {
    out += " Excused by a documented refusal.";
  } else if (rule.excused_by_unavailability) {
    out += " Excused when no appointment is available and the managing entity was notified.";
  }
  if (rule.ends_on_transfer) out += " Ends when accountability is transferred.";
  if (rule.start == RuleStart::kStaffing) out += " Off until this version keeps those records.";
  if (!rule.cite.empty()) out += " (" + rule.cite + ")";
  return out;
}

Status ValidateContactSchedule(const ContactScheduleBounds& bounds, int per_week,
                               std::string_view reason) {
  if (per_week < bounds.min_per_week || per_week > bounds.max_per_week) {
    // 001 §2: daily down to at least three times a week, as the program bounds it.
    return Fail(ErrorCode::kInvalidArgument,
                "per_week: must be " + std::to_string(bounds.min_per_week) + "–" +
                    std::to_string(bounds.max_per_week) + " contacts a week",
                "per_week");
  }
  if (std::find(std::begin(kScheduleReasons), std::end(kScheduleReasons), reason) ==
      std::end(kScheduleReasons)) {
    return Fail(ErrorCode::kInvalidArgument, "reason: expected one of safety, independence, wishes",
                "reason");
  }
  return {};
}

}  // namespace carecoord
