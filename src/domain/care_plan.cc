// SPDX-License-Identifier: Apache-2.0
#include "domain/care_plan.h"

#include <cmath>
#include <set>
#include <span>

#include "domain/calendar.h"
#include "domain/contact.h"

namespace carecoord {
namespace {

constexpr std::size_t kMaxTextBytes = 2000;
constexpr std::size_t kMaxListEntries = 100;
constexpr std::size_t kMaxIdBytes = 100;

std::unexpected<Error> Invalid(const std::string& field, const std::string& what) {
  return Fail(ErrorCode::kInvalidArgument, field + ": " + what, field);
}

std::string At(std::string_view list, std::size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

std::string Member(const std::string& parent, std::string_view name) {
  return parent + "." + std::string(name);
}

Status Text(const std::string& text, const std::string& field, bool required) {
  if (required && text.empty()) return Invalid(field, "is required");
  if (text.size() > kMaxTextBytes) {
    return Invalid(field, "is longer than " + std::to_string(kMaxTextBytes) + " bytes");
  }
  return {};
}

template <typename T>
Status Count(const std::vector<T>& list, const std::string& field) {
  if (list.size() > kMaxListEntries) {
    return Invalid(field, "has more than " + std::to_string(kMaxListEntries) + " entries");
  }
  return {};
}

// A list of short texts (strengths, barriers, diagnoses): each entry says something.
Status TextList(const std::vector<std::string>& list, const std::string& field) {
  if (auto st = Count(list, field); !st) return st;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (auto st = Text(list[i], At(field, i), true); !st) return st;
  }
  return {};
}

Status Date(const std::string& date, const std::string& field, bool required) {
  if (date.empty()) return required ? Invalid(field, "is required") : Status{};
  if (auto parsed = ParseDate(date, field); !parsed) {
    return Invalid(field, "must be a date YYYY-MM-DD");
  }
  return {};
}

Status Code(const std::string& value, std::span<const std::string_view> allowed,
            const std::string& field) {
  if (value.empty()) return Invalid(field, "is required");
  return RequireKnownCode(value, allowed, field);
}

// Ids are empty (assigned on save) or unique within their list.
Status UniqueId(const std::string& id, std::set<std::string>& seen, const std::string& field) {
  if (id.empty()) return {};
  if (id.size() > kMaxIdBytes) {
    return Invalid(field, "is longer than " + std::to_string(kMaxIdBytes) + " bytes");
  }
  if (!seen.insert(id).second) return Invalid(field, "'" + id + "' is used twice");
  return {};
}

Status Number(const std::optional<double>& value, const std::string& field) {
  if (value && !std::isfinite(*value)) return Invalid(field, "must be a finite number");
  return {};
}

Status Needs(const std::vector<CarePlanNeed>& needs, std::set<std::string>& ids) {
  if (auto st = Count(needs, "needs"); !st) return st;
  for (std::size_t i = 0; i < needs.size(); ++i) {
    const CarePlanNeed& n = needs[i];
    const std::string at = At("needs", i);
    if (auto st = UniqueId(n.id, ids, Member(at, "id")); !st) return st;
    if (auto st = Text(n.description, Member(at, "description"), true); !st) return st;
    if (auto st = TextList(n.assessment_ids, Member(at, "assessment_ids")); !st) return st;
  }
  return {};
}

Status Goals(const std::vector<CarePlanGoal>& goals, const std::set<std::string>& need_ids,
             std::set<std::string>& ids) {
  if (auto st = Count(goals, "goals"); !st) return st;
  for (std::size_t i = 0; i < goals.size(); ++i) {
    const CarePlanGoal& g = goals[i];
    const std::string at = At("goals", i);
    if (auto st = UniqueId(g.id, ids, Member(at, "id")); !st) return st;
    // 001 §4: the goal in the participant's (or family's) own words, and whose words they are.
    if (auto st = Text(g.statement, Member(at, "statement"), true); !st) return st;
    if (auto st = Code(g.expressed_by, kGoalVoices, Member(at, "expressed_by")); !st) return st;
    const std::string needs_field = Member(at, "need_ids");
    if (auto st = Count(g.need_ids, needs_field); !st) return st;
    std::set<std::string> linked;
    for (std::size_t k = 0; k < g.need_ids.size(); ++k) {
      const std::string& id = g.need_ids[k];
      if (!need_ids.contains(id)) {
        return Invalid(At(needs_field, k), "no need of this plan has the id '" + id + "'");
      }
      if (!linked.insert(id).second) return Invalid(At(needs_field, k), "listed twice");
    }
    // 001 §10: "tied to observable or measurable indicators of success" with "clearly
    // identified target dates".
    if (auto st = Text(g.indicator, Member(at, "indicator"), true); !st) return st;
    if (auto st = Text(g.unit, Member(at, "unit"), false); !st) return st;
    if (auto st = Number(g.baseline, Member(at, "baseline")); !st) return st;
    if (auto st = Number(g.target, Member(at, "target")); !st) return st;
    if (auto st = Date(g.target_date, Member(at, "target_date"), true); !st) return st;
    if (auto st = Code(g.status, kGoalStatuses, Member(at, "status")); !st) return st;
  }
  return {};
}

Status Interventions(const std::vector<CarePlanIntervention>& interventions,
                     const std::set<std::string>& goal_ids) {
  if (auto st = Count(interventions, "interventions"); !st) return st;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < interventions.size(); ++i) {
    const CarePlanIntervention& v = interventions[i];
    const std::string at = At("interventions", i);
    if (auto st = UniqueId(v.id, ids, Member(at, "id")); !st) return st;
    if (!v.goal_id.empty() && !goal_ids.contains(v.goal_id)) {
      return Invalid(Member(at, "goal_id"), "no goal of this plan has the id '" + v.goal_id + "'");
    }
    if (auto st = Text(v.action, Member(at, "action"), true); !st) return st;
    // 002: "clear goals, roles and responsibilities".
    if (auto st = Code(v.responsible, kResponsibleParties, Member(at, "responsible")); !st) {
      return st;
    }
    if (auto st = Text(v.responsible_name, Member(at, "responsible_name"), false); !st) return st;
    if (auto st = Text(v.frequency, Member(at, "frequency"), false); !st) return st;
    if (auto st = Date(v.due_date, Member(at, "due_date"), false); !st) return st;
    if (auto st = Code(v.status, kInterventionStatuses, Member(at, "status")); !st) return st;
  }
  return {};
}

Status NaturalSupports(const std::vector<NaturalSupport>& supports) {
  if (auto st = Count(supports, "natural_supports"); !st) return st;
  for (std::size_t i = 0; i < supports.size(); ++i) {
    const NaturalSupport& s = supports[i];
    const std::string at = At("natural_supports", i);
    if (auto st = Text(s.name, Member(at, "name"), true); !st) return st;
    if (auto st = Text(s.relationship, Member(at, "relationship"), false); !st) return st;
    if (auto st = Text(s.role, Member(at, "role"), false); !st) return st;
    if (auto st = Text(s.phone, Member(at, "phone"), false); !st) return st;
  }
  return {};
}

Status Crisis(const CrisisPlan& plan) {
  if (auto st = Text(plan.warning_signs, "crisis_plan.warning_signs", false); !st) return st;
  if (auto st = Text(plan.coping_steps, "crisis_plan.coping_steps", false); !st) return st;
  if (auto st = Text(plan.crisis_line, "crisis_plan.crisis_line", false); !st) return st;
  if (auto st = Count(plan.contacts, "crisis_plan.contacts"); !st) return st;
  for (std::size_t i = 0; i < plan.contacts.size(); ++i) {
    const CrisisContact& c = plan.contacts[i];
    const std::string at = At("crisis_plan.contacts", i);
    if (auto st = Text(c.name, Member(at, "name"), true); !st) return st;
    if (auto st = Text(c.phone, Member(at, "phone"), false); !st) return st;
    if (auto st = Text(c.role, Member(at, "role"), false); !st) return st;
  }
  return {};
}

Status Medical(const MedicalSummary& m) {
  if (auto st = TextList(m.diagnoses, "medical_summary.diagnoses"); !st) return st;
  if (auto st = TextList(m.medications, "medical_summary.medications"); !st) return st;
  if (auto st = TextList(m.allergies, "medical_summary.allergies"); !st) return st;
  return TextList(m.providers, "medical_summary.providers");
}

Status Transition(const std::vector<TransitionStep>& steps) {
  if (auto st = Count(steps, "transition_plan"); !st) return st;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string at = At("transition_plan", i);
    if (auto st = Text(steps[i].step, Member(at, "step"), true); !st) return st;
    if (auto st = Date(steps[i].target_date, Member(at, "target_date"), false); !st) return st;
  }
  return {};
}

// 001 §4 shared decision-making: who agreed, how and when; a decline is recorded with why.
Status Agreement(const CarePlanAgreement& a, std::string_view today) {
  if (auto st = Text(a.signer_name, "agreement.signer_name", false); !st) return st;
  if (auto st = Text(a.note, "agreement.note", false); !st) return st;
  if (a.method.empty()) {
    // Half an agreement (a date or signer without how it was given) is not recorded.
    if (!a.date.empty() || !a.signer.empty()) {
      return Invalid("agreement.method", "is required with an agreement date or signer");
    }
    return {};
  }
  if (auto st = RequireKnownCode(a.method, kAgreementMethods, "agreement.method"); !st) return st;
  if (auto st = Date(a.date, "agreement.date", true); !st) return st;
  if (a.date > today) return Invalid("agreement.date", "is in the future");
  if (auto st = Code(a.signer, kAgreementSigners, "agreement.signer"); !st) return st;
  if (a.method == "declined" && a.note.empty()) {
    return Invalid("agreement.note",
                   "is required when the plan was declined (why, in their words)");
  }
  return {};
}

}  // namespace

Status ValidateCarePlan(const CarePlanDocument& plan, std::string_view today) {
  std::set<std::string> need_ids;
  std::set<std::string> goal_ids;
  if (auto st = Needs(plan.needs, need_ids); !st) return st;
  if (auto st = TextList(plan.strengths, "strengths"); !st) return st;
  if (auto st = Goals(plan.goals, need_ids, goal_ids); !st) return st;
  if (auto st = Interventions(plan.interventions, goal_ids); !st) return st;
  if (auto st = TextList(plan.barriers, "barriers"); !st) return st;
  if (auto st = NaturalSupports(plan.natural_supports); !st) return st;
  if (auto st = TextList(plan.resources, "resources"); !st) return st;
  if (auto st = Crisis(plan.crisis_plan); !st) return st;
  if (auto st = Medical(plan.medical_summary); !st) return st;
  if (auto st = Transition(plan.transition_plan); !st) return st;
  if (auto st = Agreement(plan.agreement, today); !st) return st;
  // 001 §10: the plan is "reviewed regularly".
  return Date(plan.review_date, "review_date", true);
}

}  // namespace carecoord
