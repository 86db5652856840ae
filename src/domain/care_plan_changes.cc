// SPDX-License-Identifier: Apache-2.0
// DescribeChanges (care_plan.h): the differences between two versions of a care plan as the
// sentences the version history shows.
#include <array>
#include <charconv>
#include <functional>
#include <map>

#include "domain/care_plan.h"
#include "domain/plain_text.h"

namespace carecoord {
namespace {

// Long texts are cut in a sentence about them; the whole text is in the version itself.
constexpr std::size_t kMaxQuotedBytes = 80;

std::string Quoted(std::string_view text) {
  if (text.size() <= kMaxQuotedBytes) return "“" + std::string(text) + "”";
  std::size_t cut = kMaxQuotedBytes;
  // Never split a UTF-8 sequence: back up to the byte that starts one.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "“" + std::string(text.substr(0, cut)) + "…”";
}

// The shortest text that reads back as the same number: 2, 2.5, 0.1.
std::string Number(const std::optional<double>& v) {
  if (!v) return {};
  std::array<char, 32> digits{};
  const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), *v);
  return std::string(digits.data(), result.ptr);
}

// "<what> a → b", "<what> set to b", "<what> cleared (was a)"; `before` and `after` are
// already shown as they should read, "" for none.
void Field(std::vector<std::string>& out, const std::string& what, const std::string& before,
           const std::string& after) {
  if (before == after) return;
  if (before.empty()) {
    out.push_back(what + " set to " + after);
  } else if (after.empty()) {
    out.push_back(what + " cleared (was " + before + ")");
  } else {
    out.push_back(what + " " + before + " → " + after);
  }
}

void TextField(std::vector<std::string>& out, const std::string& what, const std::string& before,
               const std::string& after) {
  if (before == after) return;
  Field(out, what, before.empty() ? "" : Quoted(before), after.empty() ? "" : Quoted(after));
}

void CodeField(std::vector<std::string>& out, const std::string& what, const std::string& before,
               const std::string& after) {
  Field(out, what, Spaced(before), Spaced(after));
}

// Pairs the items of two lists by key (the first unpaired item of `before` with the same,
// non-empty key), then reports each item of `after` in order as changed or added, and the
// unpaired items of `before` as removed.
template <typename T>
void Matched(const std::vector<T>& before, const std::vector<T>& after,
             const std::function<std::string(const T&)>& key,
             const std::function<void(const T&, const T&)>& changed,
             const std::function<void(const T&)>& added,
             const std::function<void(const T&)>& removed) {
  std::vector<bool> paired(before.size(), false);
  for (const T& a : after) {
    const std::string k = key(a);
    bool found = false;
    for (std::size_t i = 0; !k.empty() && i < before.size(); ++i) {
      if (!paired[i] && key(before[i]) == k) {
        paired[i] = true;
        changed(before[i], a);
        found = true;
        break;
      }
    }
    if (!found) added(a);
  }
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (!paired[i]) removed(before[i]);
  }
}

// Lists of text compared by value, as multisets: "Strength added: “…”".
void Values(std::vector<std::string>& out, std::string_view noun,
            const std::vector<std::string>& before, const std::vector<std::string>& after) {
  std::map<std::string, int> left;
  for (const std::string& b : before) ++left[b];
  for (const std::string& a : after) {
    if (auto it = left.find(a); it != left.end() && it->second > 0) {
      --it->second;
    } else {
      out.push_back(std::string(noun) + " added: " + Quoted(a));
    }
  }
  std::map<std::string, int> kept;
  for (const std::string& a : after) ++kept[a];
  for (const std::string& b : before) {
    if (auto it = kept.find(b); it != kept.end() && it->second > 0) {
      --it->second;
    } else {
      out.push_back(std::string(noun) + " removed: " + Quoted(b));
    }
  }
}

std::string GoalStatement(const CarePlanDocument& plan, const std::string& goal_id) {
  for (const CarePlanGoal& g : plan.goals) {
    if (g.id == goal_id) return g.statement;
  }
  return {};
}

void Needs(std::vector<std::string>& out, const CarePlanDocument& before,
           const CarePlanDocument& after) {
  Matched<CarePlanNeed>(
      before.needs, after.needs, [](const CarePlanNeed& n) { return n.id; },
      [&](const CarePlanNeed& b, const CarePlanNeed& a) {
        if (b.description != a.description) {
          out.push_back("Need reworded: " + Quoted(b.description) + " → " + Quoted(a.description));
        }
        if (b.assessment_ids != a.assessment_ids) {
          out.push_back("Need " + Quoted(a.description) + ": linked assessments changed");
        }
      },
      [&](const CarePlanNeed& a) { out.push_back("Need added: " + Quoted(a.description)); },
      [&](const CarePlanNeed& b) { out.push_back("Need removed: " + Quoted(b.description)); });
}

void Goals(std::vector<std::string>& out, const CarePlanDocument& before,
           const CarePlanDocument& after) {
  Matched<CarePlanGoal>(
      before.goals, after.goals, [](const CarePlanGoal& g) { return g.id; },
      [&](const CarePlanGoal& b, const CarePlanGoal& a) {
        if (b.statement != a.statement) {
          out.push_back("Goal reworded: " + Quoted(b.statement) + " → " + Quoted(a.statement));
        }
        const std::string label = "Goal " + Quoted(a.statement) + ":";
        CodeField(out, label + " expressed by", b.expressed_by, a.expressed_by);
        if (b.need_ids != a.need_ids) out.push_back(label + " linked needs changed");
        TextField(out, label + " indicator", b.indicator, a.indicator);
        TextField(out, label + " unit", b.unit, a.unit);
        Field(out, label + " baseline", Number(b.baseline), Number(a.baseline));
        Field(out, label + " target", Number(b.target), Number(a.target));
        Field(out, label + " target date", b.target_date, a.target_date);
        CodeField(out, label + " status", b.status, a.status);
      },
      [&](const CarePlanGoal& a) { out.push_back("Goal added: " + Quoted(a.statement)); },
      [&](const CarePlanGoal& b) { out.push_back("Goal removed: " + Quoted(b.statement)); });
}

void Interventions(std::vector<std::string>& out, const CarePlanDocument& before,
                   const CarePlanDocument& after) {
  Matched<CarePlanIntervention>(
      before.interventions, after.interventions, [](const CarePlanIntervention& v) { return v.id; },
      [&](const CarePlanIntervention& b, const CarePlanIntervention& a) {
        if (b.action != a.action) {
          out.push_back("Intervention reworded: " + Quoted(b.action) + " → " + Quoted(a.action));
        }
        const std::string label = "Intervention " + Quoted(a.action) + ":";
        // A goal is named by its statement in the version the intervention belongs to.
        if (b.goal_id != a.goal_id) {
          TextField(out, label + " goal", GoalStatement(before, b.goal_id),
                    GoalStatement(after, a.goal_id));
        }
        CodeField(out, label + " responsible", b.responsible, a.responsible);
        TextField(out, label + " responsible person", b.responsible_name, a.responsible_name);
        TextField(out, label + " frequency", b.frequency, a.frequency);
        Field(out, label + " due date", b.due_date, a.due_date);
        CodeField(out, label + " status", b.status, a.status);
      },
      [&](const CarePlanIntervention& a) {
        out.push_back("Intervention added: " + Quoted(a.action));
      },
      [&](const CarePlanIntervention& b) {
        out.push_back("Intervention removed: " + Quoted(b.action));
      });
}

void Supports(std::vector<std::string>& out, const CarePlanDocument& before,
              const CarePlanDocument& after) {
  Matched<NaturalSupport>(
      before.natural_supports, after.natural_supports,
      [](const NaturalSupport& s) { return s.name; },
      [&](const NaturalSupport& b, const NaturalSupport& a) {
        const std::string label = "Natural support " + Quoted(a.name) + ":";
        TextField(out, label + " relationship", b.relationship, a.relationship);
        TextField(out, label + " role", b.role, a.role);
        Field(out, label + " phone", b.phone, a.phone);
      },
      [&](const NaturalSupport& a) { out.push_back("Natural support added: " + Quoted(a.name)); },
      [&](const NaturalSupport& b) {
        out.push_back("Natural support removed: " + Quoted(b.name));
      });
}

// Long free texts of the crisis plan are reported as written, changed or removed, not quoted.
void LongText(std::vector<std::string>& out, const std::string& what, const std::string& before,
              const std::string& after) {
  if (before == after) return;
  if (before.empty()) {
    out.push_back(what + " written");
  } else if (after.empty()) {
    out.push_back(what + " removed");
  } else {
    out.push_back(what + " changed");
  }
}

void Crisis(std::vector<std::string>& out, const CrisisPlan& before, const CrisisPlan& after) {
  LongText(out, "Crisis plan: warning signs", before.warning_signs, after.warning_signs);
  LongText(out, "Crisis plan: coping steps", before.coping_steps, after.coping_steps);
  Matched<CrisisContact>(
      before.contacts, after.contacts, [](const CrisisContact& c) { return c.name; },
      [&](const CrisisContact& b, const CrisisContact& a) {
        const std::string label = "Crisis contact " + Quoted(a.name) + ":";
        Field(out, label + " phone", b.phone, a.phone);
        TextField(out, label + " role", b.role, a.role);
      },
      [&](const CrisisContact& a) { out.push_back("Crisis contact added: " + Quoted(a.name)); },
      [&](const CrisisContact& b) { out.push_back("Crisis contact removed: " + Quoted(b.name)); });
  Field(out, "Crisis plan: crisis line", before.crisis_line, after.crisis_line);
}

void Transition(std::vector<std::string>& out, const std::vector<TransitionStep>& before,
                const std::vector<TransitionStep>& after) {
  Matched<TransitionStep>(
      before, after, [](const TransitionStep& s) { return s.step; },
      [&](const TransitionStep& b, const TransitionStep& a) {
        Field(out, "Transition step " + Quoted(a.step) + ": target date", b.target_date,
              a.target_date);
        if (b.done != a.done) {
          out.push_back((a.done ? "Transition step done: " : "Transition step reopened: ") +
                        Quoted(a.step));
        }
      },
      [&](const TransitionStep& a) { out.push_back("Transition step added: " + Quoted(a.step)); },
      [&](const TransitionStep& b) {
        out.push_back("Transition step removed: " + Quoted(b.step));
      });
}

void Agreement(std::vector<std::string>& out, const CarePlanAgreement& before,
               const CarePlanAgreement& after) {
  if (before.method != after.method || before.date != after.date || before.signer != after.signer) {
    if (after.method.empty()) {
      out.push_back("Agreement removed");
    } else {
      out.push_back("Agreement recorded: " + after.method + ", " + after.date +
                    (after.signer == "guardian" ? ", by the guardian" : ""));
    }
  }
  TextField(out, "Agreement: signer name", before.signer_name, after.signer_name);
  LongText(out, "Agreement: note", before.note, after.note);
}

}  // namespace

std::vector<std::string> DescribeChanges(const CarePlanDocument& before,
                                         const CarePlanDocument& after) {
  std::vector<std::string> out;
  Needs(out, before, after);
  Values(out, "Strength", before.strengths, after.strengths);
  Goals(out, before, after);
  Interventions(out, before, after);
  Values(out, "Barrier", before.barriers, after.barriers);
  Supports(out, before, after);
  Values(out, "Resource", before.resources, after.resources);
  Crisis(out, before.crisis_plan, after.crisis_plan);
  Values(out, "Diagnosis", before.medical_summary.diagnoses, after.medical_summary.diagnoses);
  Values(out, "Medication", before.medical_summary.medications, after.medical_summary.medications);
  Values(out, "Allergy", before.medical_summary.allergies, after.medical_summary.allergies);
  Values(out, "Provider", before.medical_summary.providers, after.medical_summary.providers);
  Transition(out, before.transition_plan, after.transition_plan);
  Agreement(out, before.agreement, after.agreement);
  Field(out, "Review date", before.review_date, after.review_date);
  return out;
}

}  // namespace carecoord
