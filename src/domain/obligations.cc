// SPDX-License-Identifier: Apache-2.0
#include "domain/obligations.h"

#include <algorithm>
#include <array>
#include <tuple>
#include <utility>

#include "domain/obligation_instances.h"
#include "domain/obligation_text.h"
#include "domain/plain_text.h"
#include "domain/program_calendar.h"

namespace carecoord {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;

// A runaway guard: a monthly rule over a century is 1,200 windows.
constexpr int kMaxWindowsPerInstance = 2000;

bool IsRecurring(WindowKind w) {
  return w == WindowKind::kCalendarWeek || w == WindowKind::kCalendarMonth ||
         w == WindowKind::kRollingDays;
}

// One evaluation: the windows of each rule instance (RuleInstances), what counts toward each
// and what excuses it; the sentences come from obligation_text.
class Evaluator {
 public:
  Evaluator(const EpisodeView& episode, Instant recurring_from)
      : episode_(episode),
        calendar_(episode.calendar),
        recurring_from_(recurring_from),
        horizon_(episode.as_of + date::days{episode.policy.horizon_days}) {}

  std::vector<Obligation> Run() {
    std::vector<std::tuple<Instant, std::size_t, Obligation>> out;
    if (episode_.facts.started_at > episode_.as_of) return {};
    for (std::size_t i = 0; i < episode_.policy.rules.size(); ++i) {
      const PolicyRule& rule = episode_.policy.rules[i];
      if (!rule.enabled) continue;
      for (Instance& inst : RuleInstances(episode_, rule)) {
        for (Obligation& o : Windows(rule, inst)) {
          const Instant due = o.due_at;
          out.emplace_back(due, i, std::move(o));
        }
      }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a).key) <
             std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b).key);
    });
    std::vector<Obligation> result;
    result.reserve(out.size());
    for (auto& entry : out) result.push_back(std::move(std::get<2>(entry)));
    return result;
  }

 private:
  // The end of the calendar period (or rolling period) that begins at or contains `t`.
  Instant PeriodEnd(const PolicyRule& rule, Instant t, Instant first_start) const {
    switch (rule.window) {
      case WindowKind::kCalendarWeek:
        return calendar_.Midnight(WeekStart(calendar_.Day(t)) + date::days{7});
      case WindowKind::kCalendarMonth: return calendar_.Midnight(NextMonthStart(calendar_.Day(t)));
      case WindowKind::kRollingDays: {
        const auto length = date::days{rule.amount};
        const auto n = (t - first_start) / length;
        return first_start + (n + 1) * length;
      }
      default: return t;
    }
  }

  Instant PeriodStart(const PolicyRule& rule, Instant t) const {
    switch (rule.window) {
      case WindowKind::kCalendarWeek: return calendar_.Midnight(WeekStart(calendar_.Day(t)));
      case WindowKind::kCalendarMonth: return calendar_.Midnight(MonthStart(calendar_.Day(t)));
      default: return t;
    }
  }

  std::vector<Obligation> Windows(const PolicyRule& rule, const Instance& inst) const {
    std::vector<Obligation> out;
    if (!IsRecurring(rule.window)) {
      if (inst.start >= horizon_) return out;
      Instant ws = inst.start;
      Instant due = inst.start;
      if (inst.due) {
        due = *inst.due;
      } else if (rule.window == WindowKind::kWithinHours) {
        due = inst.start + hours{rule.amount};
      } else if (rule.window == WindowKind::kSameDay) {
        due = calendar_.Midnight(calendar_.Day(inst.start) + date::days{1});
      } else if (rule.window == WindowKind::kByDate) {
        // Due at the end of the date (program time zone), on the worklist `days_before` days
        // earlier but not before the date was set.
        const auto day = ParseDay(inst.date);
        if (!day) return out;
        due = calendar_.Midnight(*day + date::days{1});
        ws = std::min(std::max(calendar_.Midnight(*day - date::days{rule.days_before}), inst.start),
                      due);
        // A date moved (or the episode closed) before its window opened leaves nothing due.
        if (ws >= inst.end) return out;
      } else {
        due = inst.start + date::days{rule.amount};  // 24 h days: the edge is exact
      }
      out.push_back(Evaluate(rule, inst, ws, due, false));
      return out;
    }
    // for_days: the start's local day is day 1; the set stops at midnight after day N.
    Instant clip = kNever;
    if (rule.for_days > 0) {
      clip = calendar_.Midnight(calendar_.Day(inst.start) + date::days{rule.for_days});
    }
    Instant ws = inst.start;
    if (rule.first_period_full && PeriodStart(rule, inst.start) != inst.start) {
      ws = PeriodEnd(rule, inst.start, inst.start);
    }
    const Instant stop = std::min({inst.end, clip, horizon_});
    for (int n = 0; ws < stop && n < kMaxWindowsPerInstance; ++n) {
      const Instant due = std::min(PeriodEnd(rule, ws, inst.start), clip);
      // Windows over before recurring_from are not wanted (the table does not keep them);
      // counting their contacts and writing their explanations is most of a rebuild's work.
      if (due >= recurring_from_) out.push_back(Evaluate(rule, inst, ws, due, true));
      ws = due;
    }
    return out;
  }

  // Whether contact `c` satisfies `s` for `inst`.
  bool Matches(const Satisfier& s, const Instance& inst, const ContactFact& c) const {
    if (&c == inst.trigger) return false;  // the failed attempt that started it
    if (!s.modes.empty() && !Contains(s.modes, c.mode)) return false;
    if (!s.with_whom.empty() && !Contains(s.with_whom, c.with_whom)) return false;
    if (!s.purposes.empty() &&
        std::none_of(c.purposes.begin(), c.purposes.end(),
                     [&](const std::string& p) { return Contains(s.purposes, p); })) {
      return false;
    }
    if (!s.outcomes.empty() && !Contains(s.outcomes, c.outcome)) return false;
    if (!s.roles.empty() && !Contains(s.roles, c.by_role)) return false;
    if (s.successful && *s.successful != c.successful) return false;
    switch (s.by) {
      case ContactBy::kAnyone: return true;
      case ContactBy::kAccountableCoordinator:
        return episode_.AccountableAt(c.occurred_at) == c.by_user_id;
      case ContactBy::kTeamPeer:
        return inst.member != nullptr && inst.member->user_id == c.by_user_id;
    }
    return false;
  }

  // Satisfying events in [from, to), each once, by time.
  std::vector<Event> Satisfying(const PolicyRule& rule, const Instance& inst, Instant from,
                                Instant to, bool with_time) const {
    std::vector<Event> events;
    const auto seen = [&](const void* id) {
      return std::any_of(events.begin(), events.end(),
                         [&](const Event& e) { return e.identity == id; });
    };
    for (const Satisfier& s : rule.satisfied_by) {
      switch (s.kind) {
        case SatisfierKind::kContact:
          for (auto it = episode_.FirstContactAt(from); it != episode_.contacts.end(); ++it) {
            const ContactFact* c = *it;
            if (c->occurred_at >= to) break;
            if (seen(c)) continue;
            if (Matches(s, inst, *c))
              events.push_back({c->occurred_at, ContactWhat(calendar_, *c, with_time), c});
          }
          break;
        case SatisfierKind::kHandoffFaceToFace:
          // 001 §8: the current provider introduced the participant face to face.
          if (inst.handoff != nullptr && inst.handoff->face_to_face &&
              inst.handoff->occurred_at >= from && inst.handoff->occurred_at < to &&
              !seen(inst.handoff)) {
            events.push_back(
                {inst.handoff->occurred_at,
                 calendar_.ShortWithTime(inst.handoff->occurred_at) + ", face-to-face hand-off",
                 inst.handoff});
          }
          break;
        case SatisfierKind::kAppointmentKept:
          if (inst.transition == nullptr) break;
          for (const AppointmentFact& a : inst.transition->appointments) {
            if (a.status != "kept" || a.recorded_at > episode_.as_of || !a.scheduled_for) continue;
            const Instant at = *a.scheduled_for;
            if (at < from || at >= to || at > episode_.as_of || seen(&a)) continue;
            events.push_back({at, "kept " + calendar_.Short(at) + ProviderText(a), &a});
          }
          break;
        case SatisfierKind::kReleaseRenewed:
          if (inst.release == nullptr) break;
          for (const ReleaseFact& r : episode_.facts.releases) {
            if (!IsRenewal(*inst.release, r) || r.recorded_at >= to || seen(&r)) continue;
            events.push_back({r.recorded_at, "renewed " + calendar_.Short(r.recorded_at), &r});
          }
          break;
        case SatisfierKind::kCarePlanAgreed:
          // 001 §4: the first version recording the participant's or guardian's agreement (a
          // documented decline counts: they were asked). A plan agreed before the start counts.
          for (const CarePlanVersionFact* v : episode_.plan_versions) {
            if (v->agreement_method.empty()) continue;
            if (v->recorded_at < to && !seen(v)) {
              events.push_back({v->recorded_at, AgreementWhat(*v), v});
            }
            break;
          }
          break;
        case SatisfierKind::kCarePlanReviewed:
          for (const CarePlanReviewFact* r : episode_.plan_reviews) {
            if (seen(r) || !ReviewCounts(inst, *r, to)) continue;
            const auto day = ParseDay(r->reviewed_on);
            events.push_back({r->recorded_at,
                              "reviewed " + (day ? ProgramCalendar::Short(*day)
                                                 : calendar_.Short(r->recorded_at)),
                              r});
          }
          break;
        case SatisfierKind::kGoalClosed:
          // The first later version marking the goal achieved or discontinued.
          for (const CarePlanVersionFact* v : episode_.plan_versions) {
            if (v->version <= inst.set_version) continue;
            if ((inst.end_version > 0 && v->version >= inst.end_version) || v->recorded_at >= to)
              break;
            const auto g = std::find_if(v->goals.begin(), v->goals.end(),
                                        [&](const GoalFact& x) { return x.id == inst.goal_id; });
            if (g == v->goals.end() || (g->status != "achieved" && g->status != "discontinued"))
              continue;
            if (!seen(v)) {
              events.push_back(
                  {v->recorded_at, Spaced(g->status) + " " + calendar_.Short(v->recorded_at), v});
            }
            break;
          }
          break;
      }
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const Event& a, const Event& b) { return a.at < b.at; });
    return events;
  }

  // A review meets the review date in force when it was recorded: one made after the date was
  // set and no later than the version that moved it (the review's own next date). Without the
  // review's version, its recorded_at places it: after the start, by the instance's end.
  static bool ReviewCounts(const Instance& inst, const CarePlanReviewFact& r, Instant to) {
    if (r.version > 0) {
      if (r.version <= inst.set_version) return false;
      return inst.end_version > 0 ? r.version <= inst.end_version : r.recorded_at <= to;
    }
    return r.recorded_at > inst.start && r.recorded_at <= to;
  }

  std::string AgreementWhat(const CarePlanVersionFact& v) const {
    const std::string day = calendar_.Short(v.recorded_at);
    if (v.agreement_method == "declined") return day + ", declined (documented)";
    if (v.agreement_method == "signature") return day + ", signed";
    return day + ", " + Spaced(v.agreement_method) + " agreement";
  }

  // 004: a later release to the same party that takes over by the day after the old one's
  // last valid day, and lasts longer.
  bool IsRenewal(const ReleaseFact& old, const ReleaseFact& r) const {
    if (&r == &old || r.recorded_at > episode_.as_of || r.party_name_norm != old.party_name_norm) {
      return false;
    }
    const auto old_expiry = ParseDay(old.expiry_date);
    const auto effective = ParseDay(r.effective_date);
    const auto expiry = ParseDay(r.expiry_date);
    if (!old_expiry || !effective || !expiry) return false;
    if (*effective > *old_expiry + date::days{1} || *expiry <= *old_expiry) return false;
    if (r.revoked_date) {
      const auto revoked = ParseDay(*r.revoked_date);
      if (revoked && *revoked <= *old_expiry + date::days{1}) return false;
    }
    return true;
  }

  // The first excusing event in [from, to), if the rule allows excuses.
  std::optional<Event> Excuse(const PolicyRule& rule, const Instance& inst, Instant from,
                              Instant to) const {
    std::optional<Event> first;
    const auto consider = [&](Event e) {
      if (!first || e.at < first->at) first = std::move(e);
    };
    if (rule.excused_by_refusal) {
      // 001 §2 §6: a refusal "is documented in the record".
      for (auto it = episode_.FirstContactAt(from); it != episode_.contacts.end(); ++it) {
        const ContactFact* c = *it;
        if (c->occurred_at >= to) break;
        if (c->outcome != "refused_services") continue;
        consider({c->occurred_at,
                  "Excused: the participant refused services on " +
                      calendar_.Short(c->occurred_at) + ".",
                  c});
        break;
      }
      if (inst.transition != nullptr) {
        for (const AppointmentFact& a : inst.transition->appointments) {
          if (a.status != "refused" || a.recorded_at > episode_.as_of || a.recorded_at >= to)
            continue;
          consider({a.recorded_at,
                    "Excused: the participant refused the psychiatric appointment (recorded " +
                        calendar_.Short(a.recorded_at) + ").",
                    &a});
        }
      }
    }
    if (rule.excused_by_unavailability && inst.transition != nullptr) {
      // 001 §6: "If no appointments are available, this is documented in the medical record
      // and the ME is notified" — both, or it is not excused.
      for (const AppointmentFact& a : inst.transition->appointments) {
        if (a.status != "none_available" || !a.me_notified_at || a.recorded_at > episode_.as_of ||
            *a.me_notified_at > episode_.as_of) {
          continue;
        }
        const Instant at = std::max(a.recorded_at, *a.me_notified_at);
        if (at >= to) continue;
        consider({at,
                  "Excused: no appointment available, managing entity notified " +
                      calendar_.Short(*a.me_notified_at) + ".",
                  &a});
      }
    }
    return first;
  }

  int Required(const PolicyRule& rule, Instant ws, Instant due) const {
    if (!rule.count_from_schedule) return rule.count;
    // The participant's tier when the window started bounds the schedule.
    const int per_week = episode_.ScheduleAt(ws).per_week;
    const int days = calendar_.DaysTouched(ws, due);
    if (days >= 7) return per_week;
    // 001 §2: a partial week needs its share of the schedule, rounded up.
    return std::max(1, (per_week * days + 6) / 7);
  }

  Obligation Evaluate(const PolicyRule& rule, const Instance& inst, Instant ws, Instant due,
                      bool recurring) const {
    Obligation o;
    o.rule_id = rule.id;
    o.key = rule.id + "/" + inst.tag + "/" + calendar_.Date(ws);
    o.window_start = ws;
    o.due_at = due;
    o.recurring = recurring;
    o.required = Required(rule, ws, due);
    o.suggest_mode = rule.suggest_mode;
    o.suggest_purpose = rule.suggest_purpose;
    o.suggest_with = rule.suggest_with;

    // A recurring window counts what happened in it; a deadline counts anything since its start
    // (a late one is still met, late) until the instance ends.
    const Instant to = recurring ? std::min(due, inst.end) : inst.end;
    // A deadline counts from its instance's start: a by_date window opens later, but a review
    // recorded early still met it.
    std::vector<Event> events = Satisfying(rule, inst, recurring ? ws : inst.start, to, !recurring);
    if (!recurring) {
      // A deadline counts what came in time and, when that was not enough, the late events
      // that completed it; later ones are not this obligation's business.
      std::size_t keep = 0;
      while (keep < events.size() &&
             (events[keep].at < due || keep < static_cast<std::size_t>(o.required))) {
        ++keep;
      }
      events.resize(keep);
    }
    o.counted = static_cast<int>(events.size());
    std::optional<Instant> met_at;
    if (o.counted >= o.required) met_at = events[static_cast<std::size_t>(o.required - 1)].at;
    const std::optional<Event> excuse = Excuse(rule, inst, ws, to);

    std::optional<Instant> point;  // when the window's outcome was settled
    if (met_at && (!excuse || *met_at <= excuse->at)) {
      o.state = ObligationState::kMet;
      o.resolved_at = met_at;
      point = met_at;
    } else if (excuse) {
      o.state = ObligationState::kExcused;
      o.resolved_at = excuse->at;
      point = excuse->at;
      o.explanation = excuse->what;
    } else if (inst.end <= episode_.as_of && (!recurring || inst.end < due)) {
      // Ended before it could be met: closed episode, transfer, membership over, revoked.
      o.state = ObligationState::kEnded;
      point = inst.end;
    }

    if (rule.assignee == Assignee::kTeamPeer && inst.member != nullptr) {
      o.assignee_id = inst.member->user_id;
    } else if (!recurring && o.state == ObligationState::kOpen) {
      o.assignee_id =
          episode_.AccountableAt(episode_.as_of);  // an open deadline follows the caseload
    } else {
      Instant at = std::min(due - milliseconds{1}, episode_.as_of);
      if (point) at = std::min(at, *point - (*point > ws ? milliseconds{1} : milliseconds{0}));
      o.assignee_id = episode_.AccountableAt(std::max(at, ws));
    }

    // An excused window's explanation is its excuse.
    if (o.state != ObligationState::kExcused)
      o.explanation = Explain(episode_, rule, inst, o, events);
    return o;
  }

  const EpisodeView& episode_;
  const ProgramCalendar& calendar_;
  Instant recurring_from_;  // recurring windows due earlier are skipped (EvaluateEpisodeFrom)
  Instant horizon_;
};

constexpr std::array<std::pair<ObligationState, std::string_view>, 4> kStateNames = {{
    {ObligationState::kOpen, "open"},
    {ObligationState::kMet, "met"},
    {ObligationState::kExcused, "excused"},
    {ObligationState::kEnded, "ended"},
}};

}  // namespace

ObligationStatus StatusAt(ObligationState state, bool recurring, Instant window_start,
                          Instant due_at, Instant now) {
  switch (state) {
    case ObligationState::kMet: return ObligationStatus::kMet;
    case ObligationState::kExcused: return ObligationStatus::kExcused;
    case ObligationState::kEnded: return ObligationStatus::kEnded;
    case ObligationState::kOpen: break;
  }
  if (now < window_start) return ObligationStatus::kUpcoming;
  if (now < due_at) return ObligationStatus::kDue;  // due_at is the exclusive end
  return recurring ? ObligationStatus::kMissed : ObligationStatus::kOverdue;
}

std::string_view ObligationStateName(ObligationState s) {
  for (const auto& [state, name] : kStateNames) {
    if (state == s) return name;
  }
  return "";
}

std::optional<ObligationState> ParseObligationState(std::string_view name) {
  for (const auto& [state, n] : kStateNames) {
    if (n == name) return state;
  }
  return std::nullopt;
}

std::string_view ObligationStatusName(ObligationStatus s) {
  switch (s) {
    case ObligationStatus::kUpcoming: return "upcoming";
    case ObligationStatus::kDue: return "due";
    case ObligationStatus::kOverdue: return "overdue";
    case ObligationStatus::kMissed: return "missed";
    case ObligationStatus::kMet: return "met";
    case ObligationStatus::kExcused: return "excused";
    case ObligationStatus::kEnded: return "ended";
  }
  return "";
}

std::vector<Obligation> EvaluateEpisode(const Policy& policy, const EpisodeFacts& facts,
                                        Instant as_of) {
  return EvaluateEpisodeFrom(policy, facts, as_of, Instant::min());
}

std::vector<Obligation> EvaluateEpisodeFrom(const Policy& policy, const EpisodeFacts& facts,
                                            Instant as_of, Instant recurring_from) {
  const auto calendar = ProgramCalendar::ForZone(facts.time_zone);
  if (!calendar) return {};  // precondition: a known zone (programs validate theirs)
  const EpisodeView episode(policy, facts, as_of, *calendar);
  return Evaluator(episode, recurring_from).Run();
}

Instant RetentionStart(const Policy& policy, Instant as_of, std::string_view time_zone) {
  const auto calendar = ProgramCalendar::ForZone(time_zone);
  if (!calendar) return Instant::min();
  const date::year_month_day ymd{calendar->Day(as_of)};
  const date::local_days cutoff{(ymd.year() / ymd.month() - date::months{policy.history_months}) /
                                date::day{1}};
  return calendar->Midnight(cutoff);
}

bool RetainedInTable(const Policy& policy, const Obligation& o, Instant as_of,
                     std::string_view time_zone) {
  if (o.window_start >= as_of + date::days{policy.horizon_days}) return false;
  // An open deadline stays on a worklist until it is met, however old (docs/worklists.md).
  if (!o.recurring && o.state == ObligationState::kOpen) return true;
  return o.due_at >= RetentionStart(policy, as_of, time_zone);
}

}  // namespace carecoord
