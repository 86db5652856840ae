// SPDX-License-Identifier: Apache-2.0
#include "domain/obligation_text.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include "domain/plain_text.h"

namespace carecoord {
namespace {

// "3 logged: 17 Nov, phone; 18 Nov, in person and 2 more" (at most three listed).
std::string Logged(const std::vector<Event>& events) {
  std::string out = std::to_string(events.size()) + " logged: ";
  const std::size_t shown = std::min<std::size_t>(events.size(), 3);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += "; ";
    out += events[i].what;
  }
  if (events.size() > shown) out += " and " + std::to_string(events.size() - shown) + " more";
  return out;
}

bool InPersonOnly(const PolicyRule& rule) {
  bool any_contact = false;
  for (const Satisfier& s : rule.satisfied_by) {
    if (s.kind != SatisfierKind::kContact) continue;
    any_contact = true;
    if (s.modes.size() != 1 || s.modes[0] != "in_person") return false;
  }
  return any_contact;
}

std::string ExplainRecurring(const EpisodeView& episode, const PolicyRule& rule,
                             const Instance& inst, const Obligation& o,
                             const std::vector<Event>& events) {
  const std::string noun = InPersonOnly(rule) ? "in-person contact" : "contact";
  std::string out = Plural(o.required, noun) + " due in ";
  const date::local_days first = episode.calendar.Day(o.window_start);
  const int days = episode.calendar.DaysTouched(o.window_start, o.due_at);
  switch (rule.window) {
    case WindowKind::kCalendarWeek:
      out += "the week of " + ProgramCalendar::Short(WeekStart(first));
      break;
    case WindowKind::kCalendarMonth: out += ProgramCalendar::MonthYear(first); break;
    default: out += "the " + Plural(days, "day") + " from " + ProgramCalendar::Short(first); break;
  }
  std::vector<std::string> notes;
  if (rule.count_from_schedule) {
    const bool set = episode.facts.contacts_per_week > 0;
    const EpisodeView::Schedule schedule = episode.ScheduleAt(o.window_start);
    const RiskTier* tier = episode.policy.FindTier(schedule.tier.tier);
    const bool tier_bounds = tier != nullptr && tier->schedule.has_value();
    std::string why;
    if (schedule.clamped) {
      // The tier's bounds win over a schedule set before the participant's tier changed.
      why = "tier " + schedule.tier.title + ", not the " +
            std::to_string(episode.facts.contacts_per_week) + " set";
    } else if (set) {
      why = episode.facts.schedule_reason.empty() ? std::string("set for the participant")
                                                  : episode.facts.schedule_reason;
    } else if (tier_bounds) {
      why = "the default of tier " + schedule.tier.title;
    } else {
      why = "the program's default";
    }
    notes.push_back("schedule: " + std::to_string(schedule.per_week) + " a week, " + why);
  }
  if (rule.window == WindowKind::kCalendarWeek && days < 7) {
    const date::local_days last = episode.calendar.Day(o.due_at - std::chrono::milliseconds{1});
    notes.push_back("prorated: " + Plural(days, "day") + ", " + ProgramCalendar::Short(first) +
                    "–" + ProgramCalendar::Short(last));
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
    out += o.due_at > episode.as_of ? "; none yet." : "; none logged.";
  } else {
    out += "; " + Logged(events) + ".";
  }
  return out;
}

// "the referral (received 21 Nov 09:00)", and the short form for "met N h after ...".
std::pair<std::string, std::string> StartPhrase(const EpisodeView& episode, const PolicyRule& rule,
                                                const Instance& inst) {
  switch (rule.start) {
    case RuleStart::kReferralReceived:
      return {"the referral (received " + episode.calendar.ShortWithTime(inst.start) + ")",
              "the referral"};
    case RuleStart::kEnrolled:
      return {"enrolment (" + episode.calendar.Short(inst.start) + ")", "enrolment"};
    case RuleStart::kEpisodeStarted:
      return {"the episode's start (" + episode.calendar.Short(inst.start) + ")", "the start"};
    case RuleStart::kHandoff:
      return {"the transfer (" + episode.calendar.ShortWithTime(inst.start) + ")", "the transfer"};
    case RuleStart::kDischarge: {
      std::string where = Capitalised(Spaced(inst.transition->level));
      if (!inst.transition->facility.empty()) where += " (" + inst.transition->facility + ")";
      return {"discharge from " + where + " on " + episode.calendar.Short(inst.start), "discharge"};
    }
    case RuleStart::kFailedAttempts:
      return {"the " + Ordinal(rule.after_failed_attempts) + " failed attempt in a row (" +
                  episode.calendar.ShortWithTime(inst.start) + ")",
              "the " + Ordinal(rule.after_failed_attempts) + " failed attempt"};
    case RuleStart::kAssessmentFlag: {
      const AssessmentFact& a = *inst.assessment;
      const std::string title = a.instrument_title.empty() ? a.instrument : a.instrument_title;
      return {"the " + title + " " + Spaced(rule.flag) + " flag (" +
                  episode.calendar.ShortWithTime(inst.start) + ")",
              "the flag"};
    }
    default: return {"the start (" + episode.calendar.Short(inst.start) + ")", "the start"};
  }
}

std::string DeadlineWhat(const PolicyRule& rule) {
  for (const Satisfier& s : rule.satisfied_by) {
    if (s.kind == SatisfierKind::kAppointmentKept) return "Psychiatric appointment";
    if (s.kind == SatisfierKind::kCarePlanAgreed) return "Care plan agreed with the participant";
    if (s.kind == SatisfierKind::kContact && Contains(s.purposes, "crisis")) {
      return "Crisis contact";
    }
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

std::string ExplainDeadline(const EpisodeView& episode, const PolicyRule& rule,
                            const Instance& inst, const Obligation& o,
                            const std::vector<Event>& events) {
  std::string out;
  const bool dated = rule.window == WindowKind::kByDate;
  if (dated) {
    // "Care plan review due by 1 Feb 2027 (set 3 Nov)", "Goal target date 15 Jan 2027 (set
    // 3 Nov)": goal statements are not in the facts, the plan shows them.
    const std::string day = ProgramCalendar::Long(*ParseDay(inst.date));
    out = rule.start == RuleStart::kGoalTargetDate ? "Goal target date " + day
                                                   : Capitalised(rule.title) + " due by " + day;
    out += " (set " + episode.calendar.Short(inst.start) + ")";
  } else if (rule.window == WindowKind::kSameDay) {
    out = DeadlineWhat(rule) + " due by the end of the day of " +
          StartPhrase(episode, rule, inst).first;
  } else if (inst.release != nullptr) {
    // 004: a release must be in force before any outreach to that party.
    out = "Release to " + inst.release->party_name + " expires " +
          ProgramCalendar::Short(*ParseDay(inst.release->expiry_date)) +
          "; a renewal is due by then";
  } else {
    const std::string amount = rule.window == WindowKind::kWithinHours
                                   ? std::to_string(rule.amount) + " h"
                                   : Plural(rule.amount, "day");
    out = DeadlineWhat(rule) + " due within " + amount + " of " +
          StartPhrase(episode, rule, inst).first;
  }
  if (o.state == ObligationState::kMet) {
    const Event& e = events[static_cast<std::size_t>(o.required - 1)];
    if (e.at < o.due_at) {
      out += "; met: " + e.what + ".";
    } else if (dated || rule.window == WindowKind::kSameDay) {
      out += "; met late: " + e.what + ".";
    } else if (inst.release != nullptr) {
      out += "; met late, after the expiry: " + e.what + ".";
    } else {
      const auto late = e.at - inst.start;
      const std::string after =
          rule.window == WindowKind::kWithinHours
              ? std::to_string(std::chrono::duration_cast<std::chrono::hours>(late).count()) + " h"
              : Plural(static_cast<int>(std::chrono::duration_cast<date::days>(late).count()),
                       "day");
      out += "; met late, " + after + " after " + StartPhrase(episode, rule, inst).second + ": " +
             e.what + ".";
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
      if (a.recorded_at > episode.as_of) continue;
      if (latest == nullptr || a.recorded_at >= latest->recorded_at) latest = &a;
    }
    const bool appointments =
        std::any_of(rule.satisfied_by.begin(), rule.satisfied_by.end(),
                    [](const Satisfier& s) { return s.kind == SatisfierKind::kAppointmentKept; });
    if (appointments && latest != nullptr && latest->scheduled_for) {
      const std::string when =
          episode.calendar.Short(*latest->scheduled_for) + ProviderText(*latest);
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

}  // namespace

std::string ContactWhat(const ProgramCalendar& calendar, const ContactFact& c, bool with_time) {
  return (with_time ? calendar.ShortWithTime(c.occurred_at) : calendar.Short(c.occurred_at)) +
         ", " + Spaced(c.mode);
}

std::string ProviderText(const AppointmentFact& a) {
  return a.provider.empty() ? std::string() : " with " + a.provider;
}

std::string Explain(const EpisodeView& episode, const PolicyRule& rule, const Instance& inst,
                    const Obligation& o, const std::vector<Event>& events) {
  std::string out = o.recurring ? ExplainRecurring(episode, rule, inst, o, events)
                                : ExplainDeadline(episode, rule, inst, o, events);
  if (o.state == ObligationState::kEnded) {
    out.pop_back();  // the full stop
    out += "; ended: " + inst.end_reason + " " + episode.calendar.Short(inst.end) + ".";
  }
  return out;
}

}  // namespace carecoord
