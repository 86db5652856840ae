// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"

namespace carecoord {

// The person-centered care plan (FHIR R4 CarePlan with Goals; 001 §4 §10, 002, 003): written
// with the participant and family, goals in their own words with measurable indicators and
// target dates, interventions with who does what, natural supports, a crisis plan, a medical
// summary, the transition toward community-based supports, and the participant's or guardian's
// agreement. Every change makes a new version; the whole document of each version is kept
// (docs/assessments.md "Care plans").

// Where a need came from; `assessment_ids` links it to the assessments that identified it.
struct CarePlanNeed {
  std::string id;  // stable across versions; assigned when empty
  std::string description;
  std::vector<std::string> assessment_ids;

  bool operator==(const CarePlanNeed&) const = default;
};

inline constexpr std::string_view kGoalStatuses[] = {"active", "achieved", "on_hold",
                                                     "discontinued"};
// 001 §4: "The individual served and family members are the driver of goals".
inline constexpr std::string_view kGoalVoices[] = {"participant", "family",
                                                   "participant_and_family"};

struct CarePlanGoal {
  std::string id;            // stable across versions; assigned when empty
  std::string statement;     // in the participant's own words, required
  std::string expressed_by;  // kGoalVoices
  std::vector<std::string> need_ids;
  // 001 §10: "tied to observable or measurable indicators of success".
  std::string indicator;  // required: "nights housed in a week"
  std::string unit;       // "nights"
  std::optional<double> baseline;
  std::optional<double> target;
  std::string target_date;  // YYYY-MM-DD, required (001 §10 "clearly identified target dates")
  std::string status = "active";  // kGoalStatuses

  bool operator==(const CarePlanGoal&) const = default;
};

// Who carries out an intervention, including the participant, family and natural supports
// (002: "clear goals, roles and responsibilities").
inline constexpr std::string_view kResponsibleParties[] = {
    "care_coordinator", "peer_support",    "nurse_care_manager", "participant",
    "family",           "natural_support", "provider",           "other"};
inline constexpr std::string_view kInterventionStatuses[] = {"planned", "in_progress", "done",
                                                             "stopped"};

struct CarePlanIntervention {
  std::string id;                // stable across versions; assigned when empty
  std::string goal_id;           // "" for one not tied to a goal
  std::string action;            // what, required
  std::string responsible;       // kResponsibleParties
  std::string responsible_name;  // the person, when named
  std::string frequency;         // "weekly", "twice a month"
  std::string due_date;          // YYYY-MM-DD or ""
  std::string status = "planned";

  bool operator==(const CarePlanIntervention&) const = default;
};

struct NaturalSupport {
  std::string name;
  std::string relationship;
  std::string role;  // what they do in the plan
  std::string phone;

  bool operator==(const NaturalSupport&) const = default;
};

struct CrisisContact {
  std::string name;
  std::string phone;
  std::string role;  // "therapist", "mobile crisis team", "sister"

  bool operator==(const CrisisContact&) const = default;
};

// 002: "if needed, an emergency plan".
struct CrisisPlan {
  std::string warning_signs;
  std::string coping_steps;
  std::vector<CrisisContact> contacts;
  std::string crisis_line;  // "988"

  bool operator==(const CrisisPlan&) const = default;
};

// 002: "a medical summary".
struct MedicalSummary {
  std::vector<std::string> diagnoses;
  std::vector<std::string> medications;
  std::vector<std::string> allergies;
  std::vector<std::string> providers;

  bool operator==(const MedicalSummary&) const = default;
};

// 001 §10: "steps for eventual transition to community-based services and supports".
struct TransitionStep {
  std::string step;
  std::string target_date;  // YYYY-MM-DD or ""
  bool done = false;

  bool operator==(const TransitionStep&) const = default;
};

inline constexpr std::string_view kAgreementMethods[] = {"signature", "verbal", "declined"};
inline constexpr std::string_view kAgreementSigners[] = {"participant", "guardian"};

// Shared decision-making (001 §4): the participant's or guardian's agreement with this version.
struct CarePlanAgreement {
  std::string method;  // "" (not yet recorded) or kAgreementMethods
  std::string date;    // YYYY-MM-DD, required with a method, not in the future
  std::string signer;  // kAgreementSigners, required with a method
  std::string signer_name;
  std::string note;  // required when declined (why, in their words)

  bool operator==(const CarePlanAgreement&) const = default;
};

struct CarePlanDocument {
  std::vector<CarePlanNeed> needs;
  std::vector<std::string> strengths;
  std::vector<CarePlanGoal> goals;
  std::vector<CarePlanIntervention> interventions;
  std::vector<std::string> barriers;
  std::vector<NaturalSupport> natural_supports;
  std::vector<std::string> resources;
  CrisisPlan crisis_plan;
  MedicalSummary medical_summary;
  std::vector<TransitionStep> transition_plan;
  CarePlanAgreement agreement;
  std::string review_date;  // YYYY-MM-DD, required (001 §10 "reviewed regularly")

  bool operator==(const CarePlanDocument&) const = default;
};

// Checks a document before it is stored. kInvalidArgument naming the field by path
// ("goals[1].target_date", "agreement.note"): required fields, codes among their lists, dates
// YYYY-MM-DD (agreement date not after `today`), goal/need/intervention ids unique, references
// (goal need_ids, intervention goal_id) to items of this document, texts at most 2000 bytes,
// lists at most 100 entries.
//
// Also required: a need's description, a natural support's and a crisis contact's name, a
// transition step's text, and every entry of a list of texts (strengths, barriers, resources,
// the medical summary's lists). An agreement with a method needs a date and a signer; without a
// method it has no date or signer either. Ids are at most 100 bytes; an empty id (a new item)
// cannot be referred to, so a client linking new items gives them ids of its own.
Status ValidateCarePlan(const CarePlanDocument& plan, std::string_view today);

// What changed from one version to the next, one sentence per change, in section order:
// "Goal added: “I want my own apartment”", "Goal “I want my own apartment”: target date
// 2026-12-01 → 2027-01-15", "Agreement recorded: verbal, 2026-11-20", "Review date 2027-02-01
// → 2027-05-01". Items are matched by id; lists of text by value; natural supports and crisis
// contacts by name, transition steps by their text. Within a list: items of `after` in order
// (changed or added), then those removed. Quoted texts are cut at 80 bytes ("…").
std::vector<std::string> DescribeChanges(const CarePlanDocument& before,
                                         const CarePlanDocument& after);

}  // namespace carecoord
