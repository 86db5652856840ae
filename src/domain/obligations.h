// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/policy.h"
#include "domain/stratification.h"
#include "domain/time.h"

namespace carecoord {

// The policy engine: (policy, an episode's facts, as-of instant) → obligations. Pure,
// deterministic and clock-free: evaluating as of a past instant answers "was this participant
// in compliance then?" because only facts that had happened *and* had been recorded by then
// count (docs/worklists.md "Evaluation").

// ---- What the record says about one episode (loaded by store/obligation_facts) ----

struct ContactFact {
  std::string id;
  Instant occurred_at;
  Instant recorded_at;  // when it was first saved
  std::string mode;
  bool successful = false;
  std::string with_whom;
  std::string by_user_id;
  std::string by_role;  // the author's role in the program: care_coordinator, peer_support, ...
  std::vector<std::string> purposes;
  std::string outcome;
};

// Accountability: seq 1 is the assignment at acceptance (from_user_id empty); later ones are
// warm hand-offs (transfers).
struct HandoffFact {
  int seq = 1;
  std::string from_user_id;
  std::string to_user_id;
  Instant occurred_at;
  bool face_to_face = false;
};

struct TeamMemberFact {
  std::string id;
  std::string role;                     // care team role: peer_support_specialist, ...
  std::string user_id;                  // "" for an external member
  std::string start_date;               // YYYY-MM-DD, program calendar
  std::optional<std::string> end_date;  // inclusive
};

// A psychiatric appointment after a discharge (001 §6).
struct AppointmentFact {
  std::string id;
  std::string status;  // scheduled | kept | missed | none_available | refused
  std::optional<Instant> scheduled_for;
  std::optional<Instant> me_notified_at;  // managing entity notified (none_available)
  Instant recorded_at;
  std::string provider;
};

// A stay in a higher level of care.
struct TransitionFact {
  std::string id;
  std::string level;  // kTransitionLevels
  std::string facility;
  Instant admitted_at;
  std::optional<Instant> discharged_at;
  bool medication_needed = false;
  Instant recorded_at;
  std::vector<AppointmentFact> appointments;
};

// A release of information of the participant (004).
struct ReleaseFact {
  std::string id;
  std::string party_name;
  std::string party_name_norm;
  std::string effective_date;  // YYYY-MM-DD
  std::string expiry_date;     // YYYY-MM-DD, last valid day
  std::optional<std::string> revoked_date;
  Instant recorded_at;
};

struct StatusChangeFact {
  std::string from_status;
  std::string to_status;
  Instant changed_at;
};

// The care plan of the episode (001 §4 §10) as the care-plan rules need it.
struct GoalFact {
  std::string id;
  std::string target_date;  // YYYY-MM-DD, "" when none
  std::string status;       // kGoalStatuses (domain/care_plan.h)
};

struct CarePlanVersionFact {
  int version = 1;
  Instant recorded_at;
  std::string review_date;       // YYYY-MM-DD, "" when none
  std::string agreement_method;  // "", signature, verbal, declined
  std::vector<GoalFact> goals;
};

struct CarePlanReviewFact {
  std::string reviewed_on;  // YYYY-MM-DD
  Instant recorded_at;
  // The version the review made (its next review date); 0 when unknown, then recorded_at
  // alone places the review. With it, a review meets the date in force before that version
  // even when the two were stamped a moment apart.
  int version = 0;
};

struct CarePlanFact {
  std::string id;
  std::vector<CarePlanVersionFact> versions;  // by version
  std::vector<CarePlanReviewFact> reviews;    // by recorded_at
};

struct EpisodeFacts {
  std::string org_id;
  std::string episode_id;
  std::string participant_id;
  std::string program_id;
  std::string time_zone;  // the program's
  std::string status;     // current status
  Instant referral_received_at;
  Instant started_at;
  std::optional<Instant> enrolled_at;
  std::optional<Instant> ended_at;
  std::string coordinator_id;  // accountable now
  int contacts_per_week = 0;   // 0: not set, the policy's default applies
  std::string schedule_reason;
  std::vector<StatusChangeFact> history;  // by changed_at
  std::vector<HandoffFact> handoffs;      // by seq
  std::vector<TeamMemberFact> team;
  std::vector<ContactFact> contacts;        // by occurred_at
  std::vector<TransitionFact> transitions;  // by admitted_at
  std::vector<ReleaseFact> releases;
  // The participant's assessments, discharges (all episodes) and tier override: the tier sets
  // the schedule bounds and default (Policy::ScheduleFor), assessments start flag rules.
  StratificationFacts stratification;
  std::optional<CarePlanFact> care_plan;  // the episode's, when written
};

// Levels of care a transition can be from (DESIGN glossary; 001 §2 §6).
inline constexpr std::string_view kTransitionLevels[] = {
    "inpatient_psychiatric", "crisis_stabilization", "state_hospital",
    "detoxification",        "emergency_department", "medical_inpatient"};
inline constexpr std::string_view kAppointmentStatuses[] = {"scheduled", "kept", "missed",
                                                            "none_available", "refused"};

// ---- What the engine produces ----

// The stored state of a window. Due, overdue and missed are not states: they follow from the
// due time and the moment someone looks (StatusAt), so stored rows never go stale overnight.
enum class ObligationState { kOpen, kMet, kExcused, kEnded };

// What a person sees.
enum class ObligationStatus { kUpcoming, kDue, kOverdue, kMissed, kMet, kExcused, kEnded };

struct Obligation {
  std::string rule_id;
  // Unique within the episode and stable across re-evaluations: "<rule>/<instance>/<window
  // start date>", e.g. "early_engagement/enrolled/2026-11-16".
  std::string key;
  std::string assignee_id;  // the user whose worklist it is on
  Instant window_start;
  Instant due_at;          // the end of the window (exclusive): after it, overdue or missed
  bool recurring = false;  // a recurring window that passes unmet is missed; a deadline stays
                           // overdue until met
  ObligationState state = ObligationState::kOpen;
  std::optional<Instant> resolved_at;  // when met (the satisfying event) or excused
  int required = 1;
  int counted = 0;
  // A sentence a person understands: "3 contacts due in the week of 16 Nov (schedule: 3 a
  // week, safety); 1 logged: 17 Nov, phone."
  std::string explanation;
  // The one-click contact that would satisfy it (empty mode: not satisfied by a contact).
  std::string suggest_mode;
  std::string suggest_purpose;
  std::string suggest_with;
};

ObligationStatus StatusAt(ObligationState state, bool recurring, Instant window_start,
                          Instant due_at, Instant now);
std::string_view ObligationStateName(ObligationState s);
std::optional<ObligationState> ParseObligationState(std::string_view name);
std::string_view ObligationStatusName(ObligationStatus s);

// Every window of every enabled rule for the episode, from its start up to as_of +
// policy.horizon_days, ordered by (due_at, rule order, key). Facts occurring or recorded after
// `as_of` are ignored. `facts.time_zone` must be a known zone (an unknown one yields nothing).
//
// Edges, decided once here:
//  - due_at is exclusive: a 24 h deadline from 09:00 is met by a contact at 08:59 the next day,
//    not by one at 09:00. Days are 24 h for within_days; weeks (Monday 00:00) and months (the
//    1st, 00:00) are local midnights, so a week across a DST change is 167 or 169 h.
//  - A deadline met after due_at is kMet with resolved_at after due_at ("met late, 25 h after
//    the referral"); it counts the events in time plus the late ones that completed it.
//  - A window is excused by the first excusing event unless it was met before it.
//  - kEnded: the instance ended (episode closed, transfer for ends_on_transfer rules, peer
//    membership over, release revoked) at or before as_of while the window was unmet and, for
//    recurring windows, still running. Windows starting at or after the end are not produced.
//  - Failed attempts: unsuccessful contacts with the participant in a row; a successful one or
//    a documented refusal resets the run (the participant was reached).
//  - assignee_id: the peer for team_peer rules; for an open deadline the coordinator
//    accountable at as_of (it follows the caseload); otherwise the one accountable when the
//    window was settled (met, excused, ended) or closed.
//  - Releases that expired before the episode started, and the parts of peer memberships
//    before it, are not this episode's.
std::vector<Obligation> EvaluateEpisode(const Policy& policy, const EpisodeFacts& facts,
                                        Instant as_of);

// EvaluateEpisode without the recurring windows that end before `recurring_from`: the table
// does not keep them (RetentionStart), so refreshes and rebuilds skip evaluating them.
// Deadlines are all evaluated (an open one stays on a worklist however old).
std::vector<Obligation> EvaluateEpisodeFrom(const Policy& policy, const EpisodeFacts& facts,
                                            Instant as_of, Instant recurring_from);

// Local midnight starting the calendar month `policy.history_months` months before as_of's
// month: windows due earlier are history the table does not keep.
Instant RetentionStart(const Policy& policy, Instant as_of, std::string_view time_zone);

// Whether the materialised table keeps `o` when evaluated as of `as_of`: windows due since the
// first day of the calendar month `policy.history_months` months before as_of's month, and
// deadlines still open whatever their age.
bool RetainedInTable(const Policy& policy, const Obligation& o, Instant as_of,
                     std::string_view time_zone);

}  // namespace carecoord
