// SPDX-License-Identifier: Apache-2.0
#include "domain/obligations.h"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <tuple>
#include <utility>

namespace carecoord {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;

constexpr Instant kNever = Instant::max();
// A runaway guard: a monthly rule over a century is 1,200 windows.
constexpr int kMaxWindowsPerInstance = 2000;

// Days, weeks and months in the program's time zone (DESIGN §4 "Time").
class Zone {
 public:
  explicit Zone(const date::time_zone* zone) : zone_(zone) {}

  date::local_days Day(Instant t) const { return date::floor<date::days>(zone_->to_local(t)); }
  // The first instant of local day `d`. Where a zone skips midnight (DST at 00:00), the first
  // instant that exists on that day.
  Instant Midnight(date::local_days d) const {
    const auto info = zone_->get_info(date::local_seconds(d));
    if (info.result == date::local_info::nonexistent) {
      return std::chrono::time_point_cast<milliseconds>(info.first.end);
    }
    return std::chrono::time_point_cast<milliseconds>(
        zone_->to_sys(date::local_seconds(d), date::choose::earliest));
  }
  std::string Date(Instant t) const { return DateText(Day(t)); }
  static std::string DateText(date::local_days d) {
    const date::year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
  }
  // "16 Nov".
  static std::string Short(date::local_days d) {
    static constexpr std::array<const char*, 12> kMonths = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const date::year_month_day ymd{d};
    return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
           kMonths[static_cast<unsigned>(ymd.month()) - 1];
  }
  std::string Short(Instant t) const { return Short(Day(t)); }
  // "16 Nov 14:00".
  std::string ShortWithTime(Instant t) const {
    const auto local = zone_->to_local(t);
    const auto minutes =
        std::chrono::duration_cast<std::chrono::minutes>(local - date::floor<date::days>(local));
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(minutes.count() / 60),
                  static_cast<int>(minutes.count() % 60));
    return Short(t) + " " + buf;
  }

 private:
  const date::time_zone* zone_;
};

std::optional<date::local_days> ParseDay(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  if (std::sscanf(std::string(text).c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return date::local_days{ymd};
}

date::local_days WeekStart(date::local_days d) {
  const date::weekday wd{d};
  // Weeks run Monday–Sunday (docs/worklists.md "Evaluation").
  return d - date::days{(wd.c_encoding() + 6) % 7};
}

date::local_days MonthStart(date::local_days d) {
  const date::year_month_day ymd{d};
  return date::local_days{ymd.year() / ymd.month() / date::day{1}};
}

date::local_days NextMonthStart(date::local_days d) {
  const date::year_month_day ymd{d};
  return date::local_days{(ymd.year() / ymd.month() + date::months{1}) / date::day{1}};
}

std::string Spaced(std::string_view code) {
  std::string out(code);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string Capitalised(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

std::string Ordinal(int n) {
  const int mod100 = n % 100;
  const char* suffix = "th";
  if (mod100 < 11 || mod100 > 13) {
    switch (n % 10) {
      case 1: suffix = "st"; break;
      case 2: suffix = "nd"; break;
      case 3: suffix = "rd"; break;
      default: break;
    }
  }
  return std::to_string(n) + suffix;
}

std::string Plural(int n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

bool Contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool IsRecurring(WindowKind w) {
  return w == WindowKind::kCalendarWeek || w == WindowKind::kCalendarMonth ||
         w == WindowKind::kRollingDays;
}

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
  const ContactFact* trigger = nullptr;  // the failed attempt that started it
};

// Something that counts toward a window, or excuses it.
struct Event {
  Instant at;
  std::string what;                // "17 Nov, phone"
  const void* identity = nullptr;  // a contact matching two satisfiers counts once
};

class Evaluator {
 public:
  Evaluator(const Policy& policy, const EpisodeFacts& facts, Instant as_of, Zone zone,
            Instant recurring_from)
      : policy_(policy),
        facts_(facts),
        as_of_(as_of),
        zone_(zone),
        recurring_from_(recurring_from) {
    horizon_ = as_of + date::days{policy.horizon_days};
    if (facts.ended_at && *facts.ended_at <= as_of) episode_end_ = *facts.ended_at;
    // Only what had happened and had been recorded by as_of counts (docs/worklists.md).
    for (const ContactFact& c : facts.contacts) {
      if (c.occurred_at <= as_of && c.recorded_at <= as_of) contacts_.push_back(&c);
    }
    std::stable_sort(contacts_.begin(), contacts_.end(),
                     [](const ContactFact* a, const ContactFact* b) {
                       return std::tie(a->occurred_at, a->id) < std::tie(b->occurred_at, b->id);
                     });
    for (const HandoffFact& h : facts.handoffs) {
      if (h.occurred_at <= as_of) handoffs_.push_back(&h);
    }
    std::stable_sort(handoffs_.begin(), handoffs_.end(),
                     [](const HandoffFact* a, const HandoffFact* b) { return a->seq < b->seq; });
  }

  std::vector<Obligation> Run() {
    std::vector<std::tuple<Instant, std::size_t, Obligation>> out;
    if (facts_.started_at > as_of_) return {};
    for (std::size_t i = 0; i < policy_.rules.size(); ++i) {
      const PolicyRule& rule = policy_.rules[i];
      if (!rule.enabled) continue;
      for (Instance& inst : Instances(rule)) {
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
  // The coordinator accountable at `t`: the last hand-off by then (seq 1 is the assignment at
  // acceptance; 001 §1 "single point of accountability").
  std::string AccountableAt(Instant t) const {
    const HandoffFact* current = nullptr;
    for (const HandoffFact* h : handoffs_) {
      if (h->occurred_at <= t) current = h;
    }
    if (current != nullptr) return current->to_user_id;
    if (!handoffs_.empty()) return handoffs_.front()->to_user_id;
    return facts_.coordinator_id;
  }

  // Applies the episode's end and, for rules that end on transfer, the next transfer.
  void ApplyEnds(const PolicyRule& rule, Instance& inst) const {
    if (episode_end_ < inst.end) {
      inst.end = episode_end_;
      inst.end_reason = "the episode closed";
    }
    if (rule.ends_on_transfer) {
      for (const HandoffFact* h : handoffs_) {
        if (h->seq >= 2 && h->occurred_at > inst.start && h->occurred_at < inst.end) {
          inst.end = h->occurred_at;
          inst.end_reason = "accountability moved to another coordinator";
          break;
        }
      }
    }
  }

  std::vector<Instance> Instances(const PolicyRule& rule) const {
    std::vector<Instance> list;
    const auto add = [&](Instance inst) {
      ApplyEnds(rule, inst);
      if (inst.start < inst.end) list.push_back(std::move(inst));
    };
    switch (rule.start) {
      case RuleStart::kReferralReceived: {
        Instance inst;
        inst.tag = "referral";
        inst.start = facts_.referral_received_at;
        add(std::move(inst));
        break;
      }
      case RuleStart::kEnrolled:
        if (facts_.enrolled_at && *facts_.enrolled_at <= as_of_) {
          Instance inst;
          inst.tag = "enrolled";
          inst.start = *facts_.enrolled_at;
          add(std::move(inst));
        }
        break;
      case RuleStart::kEpisodeStarted: {
        Instance inst;
        inst.tag = "started";
        inst.start = facts_.started_at;
        add(std::move(inst));
        break;
      }
      case RuleStart::kHandoff:
        for (const HandoffFact* h : handoffs_) {
          if (h->seq < 2) continue;
          Instance inst;
          inst.tag = "handoff-" + std::to_string(h->seq);
          inst.start = h->occurred_at;
          inst.handoff = h;
          add(std::move(inst));
        }
        break;
      case RuleStart::kDischarge:
        for (const TransitionFact& t : facts_.transitions) {
          if (t.recorded_at > as_of_ || !t.discharged_at || *t.discharged_at > as_of_) continue;
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
        for (const ContactFact* c : contacts_) {
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
        for (const ReleaseFact& r : facts_.releases) {
          if (r.recorded_at > as_of_) continue;
          const auto expiry = ParseDay(r.expiry_date);
          if (!expiry) continue;
          Instance inst;
          inst.tag = "release-" + r.id;
          inst.start = zone_.Midnight(*expiry - date::days{rule.days_before_expiry});
          inst.due = zone_.Midnight(*expiry + date::days{1});
          inst.release = &r;
          // A release that had expired before this episode began is not this episode's to
          // renew (releases belong to the participant, across episodes).
          if (*inst.due <= facts_.started_at) continue;
          if (r.revoked_date) {
            const auto revoked = ParseDay(*r.revoked_date);
            if (revoked) {
              const Instant at = zone_.Midnight(*revoked);
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
        for (const TeamMemberFact& m : facts_.team) {
          if (m.role != "peer_support_specialist" || m.user_id.empty()) continue;
          const auto from = ParseDay(m.start_date);
          if (!from) continue;
          Instance inst;
          inst.tag = "peer-" + m.id;
          // Memberships belong to the participant's team and may predate this episode.
          inst.start = std::max(zone_.Midnight(*from), facts_.started_at);
          inst.member = &m;
          if (m.end_date) {
            if (const auto to = ParseDay(*m.end_date)) {
              inst.end = zone_.Midnight(*to + date::days{1});
              inst.end_reason = "the peer left the care team";
            }
          }
          add(std::move(inst));
        }
        break;
      case RuleStart::kCarePlan:
      case RuleStart::kStaffing:
        break;  // no such records yet; ParsePolicy keeps these rules disabled
    }
    return list;
  }

  // The end of the calendar period (or rolling period) that begins at or contains `t`.
  Instant PeriodEnd(const PolicyRule& rule, Instant t, Instant first_start) const {
    switch (rule.window) {
      case WindowKind::kCalendarWeek:
        return zone_.Midnight(WeekStart(zone_.Day(t)) + date::days{7});
      case WindowKind::kCalendarMonth: return zone_.Midnight(NextMonthStart(zone_.Day(t)));
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
      case WindowKind::kCalendarWeek: return zone_.Midnight(WeekStart(zone_.Day(t)));
      case WindowKind::kCalendarMonth: return zone_.Midnight(MonthStart(zone_.Day(t)));
      default: return t;
    }
  }

  std::vector<Obligation> Windows(const PolicyRule& rule, const Instance& inst) const {
    std::vector<Obligation> out;
    if (!IsRecurring(rule.window)) {
      if (inst.start >= horizon_) return out;
      Instant due = inst.start;
      if (inst.due) {
        due = *inst.due;
      } else if (rule.window == WindowKind::kWithinHours) {
        due = inst.start + hours{rule.amount};
      } else {
        due = inst.start + date::days{rule.amount};  // 24 h days: the edge is exact
      }
      out.push_back(Evaluate(rule, inst, inst.start, due, false));
      return out;
    }
    // for_days: the start's local day is day 1; the set stops at midnight after day N.
    Instant clip = kNever;
    if (rule.for_days > 0) {
      clip = zone_.Midnight(zone_.Day(inst.start) + date::days{rule.for_days});
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
      case ContactBy::kAccountableCoordinator: return AccountableAt(c.occurred_at) == c.by_user_id;
      case ContactBy::kTeamPeer:
        return inst.member != nullptr && inst.member->user_id == c.by_user_id;
    }
    return false;
  }

  std::string ContactWhat(const ContactFact& c, bool with_time) const {
    return (with_time ? zone_.ShortWithTime(c.occurred_at) : zone_.Short(c.occurred_at)) + ", " +
           Spaced(c.mode);
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
          for (auto it = FirstContactAt(from); it != contacts_.end(); ++it) {
            const ContactFact* c = *it;
            if (c->occurred_at >= to) break;
            if (seen(c)) continue;
            if (Matches(s, inst, *c))
              events.push_back({c->occurred_at, ContactWhat(*c, with_time), c});
          }
          break;
        case SatisfierKind::kHandoffFaceToFace:
          // 001 §8: the current provider introduced the participant face to face.
          if (inst.handoff != nullptr && inst.handoff->face_to_face &&
              inst.handoff->occurred_at >= from && inst.handoff->occurred_at < to &&
              !seen(inst.handoff)) {
            events.push_back(
                {inst.handoff->occurred_at,
                 zone_.ShortWithTime(inst.handoff->occurred_at) + ", face-to-face hand-off",
                 inst.handoff});
          }
          break;
        case SatisfierKind::kAppointmentKept:
          if (inst.transition == nullptr) break;
          for (const AppointmentFact& a : inst.transition->appointments) {
            if (a.status != "kept" || a.recorded_at > as_of_ || !a.scheduled_for) continue;
            const Instant at = *a.scheduled_for;
            if (at < from || at >= to || at > as_of_ || seen(&a)) continue;
            events.push_back({at, "kept " + zone_.Short(at) + ProviderText(a), &a});
          }
          break;
        case SatisfierKind::kReleaseRenewed:
          if (inst.release == nullptr) break;
          for (const ReleaseFact& r : facts_.releases) {
            if (!IsRenewal(*inst.release, r) || r.recorded_at >= to || seen(&r)) continue;
            events.push_back({r.recorded_at, "renewed " + zone_.Short(r.recorded_at), &r});
          }
          break;
      }
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const Event& a, const Event& b) { return a.at < b.at; });
    return events;
  }

  std::vector<const ContactFact*>::const_iterator FirstContactAt(Instant from) const {
    return std::lower_bound(contacts_.begin(), contacts_.end(), from,
                            [](const ContactFact* c, Instant t) { return c->occurred_at < t; });
  }

  static std::string ProviderText(const AppointmentFact& a) {
    return a.provider.empty() ? std::string() : " with " + a.provider;
  }

  // 004: a later release to the same party that takes over by the day after the old one's
  // last valid day, and lasts longer.
  bool IsRenewal(const ReleaseFact& old, const ReleaseFact& r) const {
    if (&r == &old || r.recorded_at > as_of_ || r.party_name_norm != old.party_name_norm) {
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
      for (auto it = FirstContactAt(from); it != contacts_.end(); ++it) {
        const ContactFact* c = *it;
        if (c->occurred_at >= to) break;
        if (c->outcome != "refused_services") continue;
        consider(
            {c->occurred_at,
             "Excused: the participant refused services on " + zone_.Short(c->occurred_at) + ".",
             c});
        break;
      }
      if (inst.transition != nullptr) {
        for (const AppointmentFact& a : inst.transition->appointments) {
          if (a.status != "refused" || a.recorded_at > as_of_ || a.recorded_at >= to) continue;
          consider({a.recorded_at,
                    "Excused: the participant refused the psychiatric appointment (recorded " +
                        zone_.Short(a.recorded_at) + ").",
                    &a});
        }
      }
    }
    if (rule.excused_by_unavailability && inst.transition != nullptr) {
      // 001 §6: "If no appointments are available, this is documented in the medical record
      // and the ME is notified" — both, or it is not excused.
      for (const AppointmentFact& a : inst.transition->appointments) {
        if (a.status != "none_available" || !a.me_notified_at || a.recorded_at > as_of_ ||
            *a.me_notified_at > as_of_) {
          continue;
        }
        const Instant at = std::max(a.recorded_at, *a.me_notified_at);
        if (at >= to) continue;
        consider({at,
                  "Excused: no appointment available, managing entity notified " +
                      zone_.Short(*a.me_notified_at) + ".",
                  &a});
      }
    }
    return first;
  }

  int Required(const PolicyRule& rule, Instant ws, Instant due) const {
    if (!rule.count_from_schedule) return rule.count;
    const int per_week =
        facts_.contacts_per_week > 0 ? facts_.contacts_per_week : policy_.schedule.default_per_week;
    const int days = DaysIn(ws, due);
    if (days >= 7) return per_week;
    // 001 §2: a partial week needs its share of the schedule, rounded up.
    return std::max(1, (per_week * days + 6) / 7);
  }

  // Local calendar days touched by [ws, due).
  int DaysIn(Instant ws, Instant due) const {
    return static_cast<int>((zone_.Day(due - milliseconds{1}) - zone_.Day(ws)).count()) + 1;
  }

  Obligation Evaluate(const PolicyRule& rule, const Instance& inst, Instant ws, Instant due,
                      bool recurring) const {
    Obligation o;
    o.rule_id = rule.id;
    o.key = rule.id + "/" + inst.tag + "/" + zone_.Date(ws);
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
    std::vector<Event> events = Satisfying(rule, inst, ws, to, !recurring);
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
    } else if (inst.end <= as_of_ && (!recurring || inst.end < due)) {
      // Ended before it could be met: closed episode, transfer, membership over, revoked.
      o.state = ObligationState::kEnded;
      point = inst.end;
    }

    if (rule.assignee == Assignee::kTeamPeer && inst.member != nullptr) {
      o.assignee_id = inst.member->user_id;
    } else if (!recurring && o.state == ObligationState::kOpen) {
      o.assignee_id = AccountableAt(as_of_);  // an open deadline follows the caseload
    } else {
      Instant at = std::min(due - milliseconds{1}, as_of_);
      if (point) at = std::min(at, *point - (*point > ws ? milliseconds{1} : milliseconds{0}));
      o.assignee_id = AccountableAt(std::max(at, ws));
    }

    if (o.state != ObligationState::kExcused) {
      o.explanation = recurring ? ExplainRecurring(rule, inst, o, events)
                                : ExplainDeadline(rule, inst, o, events);
      if (o.state == ObligationState::kEnded) {
        o.explanation.pop_back();  // the full stop
        o.explanation += "; ended: " + inst.end_reason + " " + zone_.Short(inst.end) + ".";
      }
    }
    return o;
  }

  // "3 logged: 17 Nov, phone; 18 Nov, in person and 2 more" (at most three listed).
  static std::string Logged(const std::vector<Event>& events) {
    std::string out = std::to_string(events.size()) + " logged: ";
    const std::size_t shown = std::min<std::size_t>(events.size(), 3);
    for (std::size_t i = 0; i < shown; ++i) {
      if (i > 0) out += "; ";
      out += events[i].what;
    }
    if (events.size() > shown) out += " and " + std::to_string(events.size() - shown) + " more";
    return out;
  }

  static bool InPersonOnly(const PolicyRule& rule) {
    bool any_contact = false;
    for (const Satisfier& s : rule.satisfied_by) {
      if (s.kind != SatisfierKind::kContact) continue;
      any_contact = true;
      if (s.modes.size() != 1 || s.modes[0] != "in_person") return false;
    }
    return any_contact;
  }

  std::string ExplainRecurring(const PolicyRule& rule, const Instance& inst, const Obligation& o,
                               const std::vector<Event>& events) const {
    const std::string noun = InPersonOnly(rule) ? "in-person contact" : "contact";
    std::string out = Plural(o.required, noun) + " due in ";
    const date::local_days first = zone_.Day(o.window_start);
    switch (rule.window) {
      case WindowKind::kCalendarWeek: out += "the week of " + Zone::Short(WeekStart(first)); break;
      case WindowKind::kCalendarMonth: {
        static constexpr std::array<const char*, 12> kMonths = {
            "January", "February", "March",     "April",   "May",      "June",
            "July",    "August",   "September", "October", "November", "December"};
        const date::year_month_day ymd{first};
        out += std::string(kMonths[static_cast<unsigned>(ymd.month()) - 1]) + " " +
               std::to_string(static_cast<int>(ymd.year()));
        break;
      }
      default:
        out += "the " + Plural(DaysIn(o.window_start, o.due_at), "day") + " from " +
               Zone::Short(first);
        break;
    }
    std::vector<std::string> notes;
    if (rule.count_from_schedule) {
      const bool set = facts_.contacts_per_week > 0;
      const int per_week = set ? facts_.contacts_per_week : policy_.schedule.default_per_week;
      notes.push_back(
          "schedule: " + std::to_string(per_week) + " a week, " +
          (set ? (facts_.schedule_reason.empty() ? std::string("set for the participant")
                                                 : facts_.schedule_reason)
               : std::string("the program's default")));
    }
    const int days = DaysIn(o.window_start, o.due_at);
    if (rule.window == WindowKind::kCalendarWeek && days < 7) {
      const date::local_days last = zone_.Day(o.due_at - milliseconds{1});
      notes.push_back("prorated: " + Plural(days, "day") + ", " + Zone::Short(first) + "–" +
                      Zone::Short(last));
    }
    if (rule.assignee == Assignee::kTeamPeer && inst.member != nullptr) {
      notes.push_back("by the peer support specialist on the care team");
    }
    if (!notes.empty()) {
      out += " (";
      for (std::size_t i = 0; i < notes.size(); ++i) out += (i > 0 ? "; " : "") + notes[i];
      out += ")";
    }
    if (events.empty()) {
      out += o.due_at > as_of_ ? "; none yet." : "; none logged.";
    } else {
      out += "; " + Logged(events) + ".";
    }
    return out;
  }

  // "the referral (received 21 Nov 09:00)", and the short form for "met N h after ...".
  std::pair<std::string, std::string> StartPhrase(const PolicyRule& rule,
                                                  const Instance& inst) const {
    switch (rule.start) {
      case RuleStart::kReferralReceived:
        return {"the referral (received " + zone_.ShortWithTime(inst.start) + ")", "the referral"};
      case RuleStart::kEnrolled:
        return {"enrolment (" + zone_.Short(inst.start) + ")", "enrolment"};
      case RuleStart::kEpisodeStarted:
        return {"the episode's start (" + zone_.Short(inst.start) + ")", "the start"};
      case RuleStart::kHandoff:
        return {"the transfer (" + zone_.ShortWithTime(inst.start) + ")", "the transfer"};
      case RuleStart::kDischarge: {
        std::string where = Capitalised(Spaced(inst.transition->level));
        if (!inst.transition->facility.empty()) where += " (" + inst.transition->facility + ")";
        return {"discharge from " + where + " on " + zone_.Short(inst.start), "discharge"};
      }
      case RuleStart::kFailedAttempts:
        return {"the " + Ordinal(rule.after_failed_attempts) + " failed attempt in a row (" +
                    zone_.ShortWithTime(inst.start) + ")",
                "the " + Ordinal(rule.after_failed_attempts) + " failed attempt"};
      default: return {"the start (" + zone_.Short(inst.start) + ")", "the start"};
    }
  }

  std::string DeadlineWhat(const PolicyRule& rule) const {
    for (const Satisfier& s : rule.satisfied_by) {
      if (s.kind == SatisfierKind::kAppointmentKept) return "Psychiatric appointment";
    }
    if (rule.start == RuleStart::kHandoff) return "Face-to-face meeting with the new coordinator";
    if (rule.start == RuleStart::kFailedAttempts) return "Attempt to locate the participant";
    for (const Satisfier& s : rule.satisfied_by) {
      if (Contains(s.purposes, "transition_follow_up")) return "Follow-up contact";
    }
    std::string what = InPersonOnly(rule) ? "face-to-face contact" : "contact";
    if (rule.count > 1) what = Plural(rule.count, what);
    return Capitalised(rule.start == RuleStart::kReferralReceived ? "first " + what : what);
  }

  std::string ExplainDeadline(const PolicyRule& rule, const Instance& inst, const Obligation& o,
                              const std::vector<Event>& events) const {
    std::string out;
    if (inst.release != nullptr) {
      // 004: a release must be in force before any outreach to that party.
      out = "Release to " + inst.release->party_name + " expires " +
            Zone::Short(*ParseDay(inst.release->expiry_date)) + "; a renewal is due by then";
    } else {
      const std::string amount = rule.window == WindowKind::kWithinHours
                                     ? std::to_string(rule.amount) + " h"
                                     : Plural(rule.amount, "day");
      out = DeadlineWhat(rule) + " due within " + amount + " of " + StartPhrase(rule, inst).first;
    }
    if (o.state == ObligationState::kMet) {
      const Event& e = events[static_cast<std::size_t>(o.required - 1)];
      if (e.at < o.due_at) {
        out += "; met: " + e.what + ".";
      } else if (inst.release != nullptr) {
        out += "; met late, after the expiry: " + e.what + ".";
      } else {
        const auto late = e.at - inst.start;
        const std::string after =
            rule.window == WindowKind::kWithinHours
                ? std::to_string(std::chrono::duration_cast<hours>(late).count()) + " h"
                : Plural(static_cast<int>(std::chrono::duration_cast<date::days>(late).count()),
                         "day");
        out += "; met late, " + after + " after " + StartPhrase(rule, inst).second + ": " + e.what +
               ".";
      }
      return out;
    }
    if (inst.transition != nullptr && !events.empty()) {
      return out + "; " + Logged(events) + ".";
    }
    if (inst.transition != nullptr) {
      // The appointment as it stands, so the coordinator sees what is pending (001 §6).
      const AppointmentFact* latest = nullptr;
      for (const AppointmentFact& a : inst.transition->appointments) {
        if (a.recorded_at > as_of_) continue;
        if (latest == nullptr || a.recorded_at >= latest->recorded_at) latest = &a;
      }
      const bool appointments =
          std::any_of(rule.satisfied_by.begin(), rule.satisfied_by.end(),
                      [](const Satisfier& s) { return s.kind == SatisfierKind::kAppointmentKept; });
      if (appointments && latest != nullptr && latest->scheduled_for) {
        const std::string when = zone_.Short(*latest->scheduled_for) + ProviderText(*latest);
        if (latest->status == "scheduled") return out + "; appointment scheduled " + when + ".";
        if (latest->status == "missed") return out + "; appointment " + when + " was missed.";
      }
      if (appointments && latest != nullptr && latest->status == "none_available") {
        return out + "; no appointment available, the managing entity not yet notified.";
      }
    }
    if (events.empty()) return out + "; none yet.";
    return out + "; " + Logged(events) + ".";
  }

  const Policy& policy_;
  const EpisodeFacts& facts_;
  Instant as_of_;
  Zone zone_;
  Instant recurring_from_;  // recurring windows due earlier are skipped (EvaluateEpisodeFrom)
  Instant horizon_;
  Instant episode_end_ = kNever;
  std::vector<const ContactFact*> contacts_;
  std::vector<const HandoffFact*> handoffs_;
};

constexpr std::array<std::pair<ObligationState, std::string_view>, 4> kStateNames = {{
    {ObligationState::kOpen, "open"},
    {ObligationState::kMet, "met"},
    {ObligationState::kExcused, "excused"},
    {ObligationState::kEnded, "ended"},
}};

const date::time_zone* FindZone(std::string_view tz) {
  try {
    return date::locate_zone(tz);
  } catch (const std::exception&) {
    return nullptr;
  }
}

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
  const date::time_zone* zone = FindZone(facts.time_zone);
  if (zone == nullptr) return {};  // precondition: a known zone (programs validate theirs)
  return Evaluator(policy, facts, as_of, Zone(zone), recurring_from).Run();
}

Instant RetentionStart(const Policy& policy, Instant as_of, std::string_view time_zone) {
  const date::time_zone* tz = FindZone(time_zone);
  if (tz == nullptr) return Instant::min();
  const Zone zone(tz);
  const date::year_month_day ymd{zone.Day(as_of)};
  const date::local_days cutoff{(ymd.year() / ymd.month() - date::months{policy.history_months}) /
                                date::day{1}};
  return zone.Midnight(cutoff);
}

bool RetainedInTable(const Policy& policy, const Obligation& o, Instant as_of,
                     std::string_view time_zone) {
  if (o.window_start >= as_of + date::days{policy.horizon_days}) return false;
  // An open deadline stays on a worklist until it is met, however old (docs/worklists.md).
  if (!o.recurring && o.state == ObligationState::kOpen) return true;
  return o.due_at >= RetentionStart(policy, as_of, time_zone);
}

}  // namespace carecoord
