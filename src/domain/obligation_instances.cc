// SPDX-License-Identifier: Apache-2.0
#include "domain/obligation_instances.h"

#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace carecoord {
namespace {

// Applies the episode's end and, for rules that end on transfer, the next transfer.
void ApplyEnds(const EpisodeView& episode, const PolicyRule& rule, Instance& inst) {
  if (episode.episode_end < inst.end) {
    inst.end = episode.episode_end;
    inst.end_reason = "the episode closed";
  }
  if (rule.ends_on_transfer) {
    for (const HandoffFact* h : episode.handoffs) {
      if (h->seq >= 2 && h->occurred_at > inst.start && h->occurred_at < inst.end) {
        inst.end = h->occurred_at;
        inst.end_reason = "accountability moved to another coordinator";
        break;
      }
    }
  }
}

bool GoalWorkedOn(const GoalFact& g) {
  return g.status == "active" || g.status == "on_hold";
}

bool GoalClosed(const GoalFact& g) {
  return g.status == "achieved" || g.status == "discontinued";
}

// A tag not used before in this rule ("review-2027-02-01", then "review-2027-02-01-v4" when a
// later version sets the same date again), so obligation keys stay unique.
std::string UniqueTag(std::set<std::string>& used, std::string tag, int version) {
  if (!used.insert(tag).second) {
    tag += "-v" + std::to_string(version);
    used.insert(tag);
  }
  return tag;
}

}  // namespace

EpisodeView::EpisodeView(const Policy& policy_in, const EpisodeFacts& facts_in, Instant as_of_in,
                         ProgramCalendar calendar_in)
    : policy(policy_in), facts(facts_in), as_of(as_of_in), calendar(calendar_in) {
  if (facts.ended_at && *facts.ended_at <= as_of) episode_end = *facts.ended_at;
  for (const ContactFact& c : facts.contacts) {
    if (c.occurred_at <= as_of && c.recorded_at <= as_of) contacts.push_back(&c);
  }
  std::stable_sort(contacts.begin(), contacts.end(),
                   [](const ContactFact* a, const ContactFact* b) {
                     return std::tie(a->occurred_at, a->id) < std::tie(b->occurred_at, b->id);
                   });
  for (const HandoffFact& h : facts.handoffs) {
    if (h.occurred_at <= as_of) handoffs.push_back(&h);
  }
  std::stable_sort(handoffs.begin(), handoffs.end(),
                   [](const HandoffFact* a, const HandoffFact* b) { return a->seq < b->seq; });

  if (facts.care_plan) {
    for (const CarePlanVersionFact& v : facts.care_plan->versions) {
      if (v.recorded_at <= as_of) plan_versions.push_back(&v);
    }
    std::stable_sort(plan_versions.begin(), plan_versions.end(),
                     [](const CarePlanVersionFact* a, const CarePlanVersionFact* b) {
                       return a->version < b->version;
                     });
    for (const CarePlanReviewFact& r : facts.care_plan->reviews) {
      if (r.recorded_at <= as_of) plan_reviews.push_back(&r);
    }
    std::stable_sort(plan_reviews.begin(), plan_reviews.end(),
                     [](const CarePlanReviewFact* a, const CarePlanReviewFact* b) {
                       return a->recorded_at < b->recorded_at;
                     });
  }
}

EpisodeView::Schedule EpisodeView::ScheduleAt(Instant window_start) const {
  Schedule out;
  out.tier = StratifyParticipant(policy, facts.stratification, std::min(window_start, as_of));
  const ContactScheduleBounds& bounds = out.tier.schedule;
  if (facts.contacts_per_week > 0) {
    out.per_week = std::clamp(facts.contacts_per_week, bounds.min_per_week, bounds.max_per_week);
    out.clamped = out.per_week != facts.contacts_per_week;
  } else {
    out.per_week = bounds.default_per_week;
  }
  return out;
}

std::string EpisodeView::AccountableAt(Instant t) const {
  const HandoffFact* current = nullptr;
  for (const HandoffFact* h : handoffs) {
    if (h->occurred_at <= t) current = h;
  }
  if (current != nullptr) return current->to_user_id;
  if (!handoffs.empty()) return handoffs.front()->to_user_id;
  return facts.coordinator_id;
}

std::vector<const ContactFact*>::const_iterator EpisodeView::FirstContactAt(Instant from) const {
  return std::lower_bound(contacts.begin(), contacts.end(), from,
                          [](const ContactFact* c, Instant t) { return c->occurred_at < t; });
}

std::vector<Instance> RuleInstances(const EpisodeView& episode, const PolicyRule& rule) {
  std::vector<Instance> list;
  const auto add = [&](Instance inst) {
    ApplyEnds(episode, rule, inst);
    if (inst.start < inst.end) list.push_back(std::move(inst));
  };
  // Rules started by a single event of the episode: one instance, tagged with the event.
  const auto add_once = [&](std::string tag, Instant start) {
    Instance inst;
    inst.tag = std::move(tag);
    inst.start = start;
    add(std::move(inst));
  };
  switch (rule.start) {
    case RuleStart::kReferralReceived:
      add_once("referral", episode.facts.referral_received_at);
      break;
    case RuleStart::kEnrolled:
      if (episode.facts.enrolled_at && *episode.facts.enrolled_at <= episode.as_of) {
        add_once("enrolled", *episode.facts.enrolled_at);
      }
      break;
    case RuleStart::kEpisodeStarted: add_once("started", episode.facts.started_at); break;
    case RuleStart::kHandoff:
      for (const HandoffFact* h : episode.handoffs) {
        if (h->seq < 2) continue;
        Instance inst;
        inst.tag = "handoff-" + std::to_string(h->seq);
        inst.start = h->occurred_at;
        inst.handoff = h;
        add(std::move(inst));
      }
      break;
    case RuleStart::kDischarge:
      for (const TransitionFact& t : episode.facts.transitions) {
        if (t.recorded_at > episode.as_of || !t.discharged_at || *t.discharged_at > episode.as_of)
          continue;
        if (rule.medication_needed_only && !t.medication_needed) continue;
        if (!rule.levels.empty() && !Contains(rule.levels, t.level)) continue;
        Instance inst;
        inst.tag = "discharge-" + t.id;
        inst.start = *t.discharged_at;
        inst.transition = &t;
        add(std::move(inst));
      }
      break;
    case RuleStart::kFailedAttempts: {
      // 001 §2: attempts the participant does not respond to. A contact that reached them
      // (or recorded their refusal) resets the run; after the rule fires, counting restarts.
      int run = 0;
      for (const ContactFact* c : episode.contacts) {
        if (c->with_whom != "participant") continue;
        if (c->successful || c->outcome == "refused_services") {
          run = 0;
          continue;
        }
        if (++run < rule.after_failed_attempts) continue;
        run = 0;
        Instance inst;
        inst.tag = "attempts-" + c->id;
        inst.start = c->occurred_at;
        inst.trigger = c;
        add(std::move(inst));
      }
      break;
    }
    case RuleStart::kReleaseExpiring:
      for (const ReleaseFact& r : episode.facts.releases) {
        if (r.recorded_at > episode.as_of) continue;
        const auto expiry = ParseDay(r.expiry_date);
        if (!expiry) continue;
        Instance inst;
        inst.tag = "release-" + r.id;
        inst.start = episode.calendar.Midnight(*expiry - date::days{rule.days_before_expiry});
        inst.due = episode.calendar.Midnight(*expiry + date::days{1});
        inst.release = &r;
        // A release that had expired before this episode began is not this episode's to
        // renew (releases belong to the participant, across episodes).
        if (*inst.due <= episode.facts.started_at) continue;
        if (r.revoked_date) {
          const auto revoked = ParseDay(*r.revoked_date);
          if (revoked) {
            const Instant at = episode.calendar.Midnight(*revoked);
            if (at <= inst.start) continue;  // revoked before it was due: nothing to renew
            inst.end = at;
            inst.end_reason = "the release was revoked";
          }
        }
        add(std::move(inst));
      }
      break;
    case RuleStart::kPeerOnTeam:
      // 000: the peer meets the participant weekly, for as long as they are on the team.
      for (const TeamMemberFact& m : episode.facts.team) {
        if (m.role != "peer_support_specialist" || m.user_id.empty()) continue;
        const auto from = ParseDay(m.start_date);
        if (!from) continue;
        Instance inst;
        inst.tag = "peer-" + m.id;
        // Memberships belong to the participant's team and may predate this episode.
        inst.start = std::max(episode.calendar.Midnight(*from), episode.facts.started_at);
        inst.member = &m;
        if (m.end_date) {
          if (const auto to = ParseDay(*m.end_date)) {
            inst.end = episode.calendar.Midnight(*to + date::days{1});
            inst.end_reason = "the peer left the care team";
          }
        }
        add(std::move(inst));
      }
      break;
    case RuleStart::kCarePlan: {
      // 001 §10: one deadline per review date the plan's versions set, from the version that
      // first set it; a later version changing the date ends it (the new date takes over).
      std::set<std::string> used;
      std::optional<Instance> current;
      for (const CarePlanVersionFact* v : episode.plan_versions) {
        if (current && v->review_date == current->date) continue;
        if (current) {
          current->end = v->recorded_at;
          current->end_version = v->version;
          current->end_reason = "the review date was moved";
          add(std::move(*current));
          current.reset();
        }
        if (!ParseDay(v->review_date)) continue;
        Instance inst;
        inst.tag = UniqueTag(used, "review-" + v->review_date, v->version);
        inst.start = v->recorded_at;
        inst.date = v->review_date;
        inst.set_version = v->version;
        current = std::move(inst);
      }
      if (current) add(std::move(*current));
      break;
    }
    case RuleStart::kGoalTargetDate: {
      // 001 §10: one deadline per target date of a goal still being worked on; the goal
      // achieved or discontinued meets it (the satisfier), a moved date or a goal taken out of
      // the plan ends it.
      std::set<std::string> used;
      std::map<std::string, Instance> current;  // by goal id
      const auto finish = [&](std::map<std::string, Instance>::iterator it, Instant at, int version,
                              std::string reason) {
        it->second.end = at;
        it->second.end_version = version;
        it->second.end_reason = std::move(reason);
        add(std::move(it->second));
        current.erase(it);
      };
      for (const CarePlanVersionFact* v : episode.plan_versions) {
        std::set<std::string> present;
        for (const GoalFact& g : v->goals) {
          present.insert(g.id);
          auto it = current.find(g.id);
          if (it != current.end()) {
            if (GoalClosed(g)) {
              add(std::move(it->second));  // met by this version
              current.erase(it);
              continue;
            }
            if (g.target_date == it->second.date) continue;
            finish(it, v->recorded_at, v->version, "the target date was moved");
          }
          if (!GoalWorkedOn(g) || !ParseDay(g.target_date)) continue;
          Instance inst;
          inst.tag = UniqueTag(used, "goal-" + g.id + "-" + g.target_date, v->version);
          inst.start = v->recorded_at;
          inst.date = g.target_date;
          inst.goal_id = g.id;
          inst.set_version = v->version;
          current.emplace(g.id, std::move(inst));
        }
        for (auto it = current.begin(); it != current.end();) {
          auto next = std::next(it);
          if (!present.contains(it->first)) {
            finish(it, v->recorded_at, v->version, "the goal was taken out of the plan");
          }
          it = next;
        }
      }
      for (auto& [id, inst] : current) add(std::move(inst));
      break;
    }
    case RuleStart::kAssessmentFlag:
      // One per assessment raising the flag during the episode (at or after its start, not
      // after its end) and recorded by as_of; the participant's assessments span episodes.
      for (const AssessmentFact& a : episode.facts.stratification.assessments) {
        if (a.assessed_at > episode.as_of || a.recorded_at > episode.as_of) continue;
        if (!Contains(a.flags, rule.flag) || a.assessed_at < episode.facts.started_at) continue;
        if (episode.facts.ended_at && a.assessed_at > *episode.facts.ended_at) continue;
        Instance inst;
        inst.tag = "flag-" + a.id;
        inst.start = a.assessed_at;
        inst.assessment = &a;
        add(std::move(inst));
      }
      break;
    case RuleStart::kStaffing:
      break;  // no staffing records yet; ParsePolicy keeps these rules disabled
  }
  return list;
}

}  // namespace carecoord
