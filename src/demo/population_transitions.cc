// SPDX-License-Identifier: Apache-2.0
// Transitions of care with their psychiatric appointments, contact schedules and the on-call
// rota of the synthetic population: what the policy engine needs for worklists that look like
// a real program's (001 §2 §6 §8).
#include <algorithm>
#include <cstdio>
#include <string_view>

#include "demo/population_person.h"

namespace carecoord::demo::population {
namespace {

// Higher levels of care a participant moves through (001 §2 names CSUs, state hospitals and
// detoxification units; emergency departments and medical stays are the common rest).
struct Level {
  const char* code;
  int weight;
  int min_days, max_days;    // length of stay; 0: hours, discharged the same visit
  double medication_needed;  // share discharged needing psychiatric medication (001 §6)
  std::array<const char*, 3> facilities;
  std::array<const char*, 2> notes;
};

constexpr Level kLevels[] = {
    {"inpatient_psychiatric",
     30,
     4,
     18,
     0.85,
     {"Riverbend Behavioral Hospital", "Coastal Regional Medical Center, 4 West",
      "St. Anne's Psychiatric Unit"},
     {"Admitted under the Baker Act after a crisis at home; discharge planning with the unit "
      "social worker.",
      "Voluntary admission for worsening depression; medication started on the unit."}},
    {"crisis_stabilization",
     28,
     2,
     7,
     0.75,
     {"Riverbend Crisis Stabilization Unit", "Gulf Coast CSU", "New Horizons Receiving Facility"},
     {"Brought to the CSU by mobile response; stabilized and stepped down to outpatient care.",
      "Short CSU stay after a safety concern; safety plan updated before discharge."}},
    {"state_hospital",
     3,
     45,
     120,
     0.95,
     {"Northeast Florida State Hospital", "Florida State Hospital, Chattahoochee",
      "South Florida State Hospital"},
     {"Discharged from the state mental health treatment facility; community placement "
      "arranged with the ME.",
      "Long-term stay ended; housing and outpatient psychiatry lined up before discharge."}},
    {"detoxification",
     14,
     3,
     7,
     0.45,
     {"Riverbend Detox Center", "Gulf Coast Addiction Receiving Facility",
      "Harbor Withdrawal Management Unit"},
     {"Completed medically monitored withdrawal; referred to outpatient treatment.",
      "Detox stay; participant agreed to an intensive outpatient program."}},
    {"emergency_department",
     18,
     0,
     0,
     0.3,
     {"Coastal Regional Medical Center ED", "Riverbend General Emergency Department",
      "St. Anne's Emergency Department"},
     {"Seen in the ED for a panic attack; released home with a referral to psychiatry.",
      "ED visit after a medication reaction; psychiatrist to review the prescription."}},
    {"medical_inpatient",
     7,
     2,
     9,
     0.2,
     {"Coastal Regional Medical Center", "Riverbend General Hospital", "St. Anne's Hospital"},
     {"Medical admission for pneumonia; psychiatric medications continued on the ward.",
      "Admitted for diabetic complications; care coordinator visited on the ward."}},
};

constexpr const char* kFollowUpNotes[] = {
    "Post-discharge follow-up: reviewed discharge instructions and medications; participant "
    "settled at home.",
    "Follow-up after the hospital stay: filled prescriptions together; outpatient appointment "
    "confirmed.",
    "Checked in after discharge; participant sleeping better, knows the crisis line and the "
    "on-call number.",
    "Transition follow-up: met at home, safety plan reviewed, next psychiatry visit on the "
    "calendar."};
constexpr const char* kFacilityVisitNotes[] = {
    "Visited on the unit; met the social worker to plan discharge and the first appointments.",
    "Met the participant at the facility; agreed on where to meet after discharge.",
    "Visited during the stay; participant asked for help with housing after discharge."};
constexpr const char* kNoneAvailableNotes[] = {
    "No psychiatric appointment available within 7 days at any in-network prescriber; earliest "
    "slot booked and the ME notified.",
    "Called three psychiatry practices: none can see the participant this week. Waitlisted; "
    "ME notified of the service gap (001 §5).",
    "No prescriber availability before the bridge supply runs out; ME notified and asked to "
    "purchase a visit."};
constexpr const char* kNoneAvailableUnnotifiedNotes[] = {
    "No psychiatry slots this week; still calling around.",
    "Prescriber waitlist only; will keep checking for cancellations."};
constexpr const char* kRefusedNotes[] = {
    "Participant declined a psychiatric appointment; prefers to see the primary care provider "
    "for refills. Documented and will offer again.",
    "Refused the psychiatry referral after discharge; discussed risks and left the number."};
constexpr const char* kMissedNotes[] = {"Did not attend; rescheduled with the practice.",
                                        "No-show: transportation fell through. Rebooked."};

// A contact schedule reason and the notes a coordinator writes with it (001 §2).
constexpr Weighted kScheduleReasons[] = {{"safety", 35}, {"independence", 35}, {"wishes", 30}};
constexpr const char* kSafetyNotes[] = {
    "Recent crisis stay and lives alone: daily contact for the first weeks.",
    "Safety plan in place; frequent check-ins while medications are adjusted.",
    "High risk after discharge; agreed with the participant on contact most days."};
constexpr const char* kIndependenceNotes[] = {
    "Manages appointments independently; three contacts a week are enough.",
    "Working and stably housed; prefers fewer, planned contacts."};
constexpr const char* kWishesNotes[] = {
    "Participant asked for calls on Mondays and Thursdays and one visit a week.",
    "Prefers texting between visits; schedule set with the participant."};

const Level& PickLevel(Rng& rng) {
  int total = 0;
  for (const Level& l : kLevels) total += l.weight;
  auto r = static_cast<int>(rng.Below(static_cast<std::uint64_t>(total)));
  for (const Level& l : kLevels) {
    if (r < l.weight) return l;
    r -= l.weight;
  }
  return kLevels[0];
}

// A daytime instant on a day after today (Daytime never goes past now).
std::int64_t FutureDaytime(Rng& rng, std::int64_t day) {
  return day * kDay + 13 * kHour + rng.Between(0, 8) * kHour + rng.Between(0, 3) * 15 * kMinute;
}

}  // namespace

ContactSchedulePlan DrawContactSchedule(Rng& rng, bool open, bool enrolled) {
  ContactSchedulePlan plan;
  // Most open episodes have one; ended ones had one when they got as far as enrolment.
  if (!rng.Chance(open ? 0.85 : enrolled ? 0.6 : 0.0)) return plan;
  const std::string_view reason = PickWeighted(rng, kScheduleReasons);
  plan.reason = std::string(reason);
  if (reason == "safety") {
    plan.per_week = static_cast<int>(rng.Between(5, 7));
    plan.note = rng.Pick(std::span<const char* const>(kSafetyNotes));
  } else if (reason == "independence") {
    plan.per_week = 3;
    plan.note = rng.Pick(std::span<const char* const>(kIndependenceNotes));
  } else {
    plan.per_week = static_cast<int>(rng.Between(3, 4));
    plan.note = rng.Pick(std::span<const char* const>(kWishesNotes));
  }
  return plan;
}

std::vector<StayPlan> GenerateStays(ParticipantContext& c, const Timeline& t,
                                    const std::string& episode_id,
                                    const std::function<const StaffMember&(std::int64_t)>& by) {
  std::vector<StayPlan> out;
  if (t.fate == Fate::kReferred) return out;
  Rng& rng = c.rng;
  const Setup& s = c.setup;
  const bool open = !t.end;
  double chance = 0.2;
  switch (t.fate) {
    case Fate::kActive: chance = 0.3; break;
    case Fate::kTransitioning: chance = 0.4; break;
    case Fate::kEngaging: chance = 0.2; break;
    case Fate::kClosed: chance = 0.25; break;
    default: chance = 0.12; break;
  }
  if (!rng.Chance(chance)) return out;
  const std::int64_t first = t.start_day + 1;
  // The last day anything of the stay happens: today, or the day before the episode ended.
  const std::int64_t last = open ? s.today : t.last_day - 1;
  if (last - first < 3) return out;
  const int stays = last - first > 60 && rng.Chance(0.2) ? 2 : 1;
  for (int i = 0; i < stays; ++i) {
    const Level& level = PickLevel(rng);
    const std::int64_t lo = first + (last - first) * i / stays;
    const std::int64_t hi = first + (last - first) * (i + 1) / stays;
    const std::int64_t length = rng.Between(level.min_days, level.max_days);
    const bool latest = i + 1 == stays;
    StayPlan stay;
    std::int64_t admitted_day = 0;
    // Open episodes: many stays are recent, so today's worklists carry the linkage and
    // follow-up deadlines they start; a few are still going on.
    if (open && latest && length > 0 && rng.Chance(0.12)) {
      admitted_day = s.today - rng.Between(0, std::min<std::int64_t>(length - 1, 20));
    } else {
      const std::int64_t discharge_day = open && latest && rng.Chance(0.5)
                                             ? s.today - rng.Between(0, 10)
                                             : rng.Between(lo + length, hi);
      admitted_day = discharge_day - length;
      stay.discharged_day = discharge_day;
    }
    if (admitted_day < lo || (stay.discharged_day && *stay.discharged_day > hi)) continue;
    store::TransitionRow row;
    row.id = rng.Id(c.id_ms);
    row.episode_id = episode_id;
    row.participant_id = c.participant_id;
    row.level = level.code;
    row.facility = level.facilities[rng.Below(level.facilities.size())];
    if (stay.discharged_day) {
      row.discharged_at = Daytime(rng, s, *stay.discharged_day);
      row.admitted_at = length == 0 ? *row.discharged_at - rng.Between(3, 20) * kHour
                                    : Daytime(rng, s, admitted_day);
    } else {
      row.admitted_at = Daytime(rng, s, admitted_day);
    }
    if (row.admitted_at < t.received) continue;
    row.medication_needed = rng.Chance(level.medication_needed) ? 1 : 0;
    row.notes = level.notes[rng.Below(level.notes.size())];
    const StaffMember& recorder = by(admitted_day);
    row.recorded_by = recorder.id;
    // Recorded when the coordinator heard of the admission; the discharge later.
    row.created_at = std::min(row.admitted_at + rng.Between(1, 24) * kHour, s.now_ms);
    row.updated_at = row.created_at;
    if (row.discharged_at && *row.discharged_at > row.created_at) {
      row.updated_at = std::min(*row.discharged_at + rng.Between(1, 30) * kHour, s.now_ms);
      row.version = 2;
    }
    // 001 §2: the coordinator engages the person where they are (a CSU, the hospital).
    if (length >= 3 && rng.Chance(0.5)) {
      stay.visit_day = std::min(admitted_day + rng.Between(1, length - 1), s.today);
      stay.visit_setting =
          std::string_view(level.code) == "crisis_stabilization" ? "csu" : "hospital";
    }
    if (stay.discharged_day) {
      const std::int64_t d0 = *stay.discharged_day;
      const std::int64_t room = last - d0;  // days after the discharge the record may reach
      // 001 §8: follow-up post transition, mostly within the week.
      if (room >= 1 && rng.Chance(0.85)) {
        stay.follow_up_day = d0 + rng.Between(1, std::min<std::int64_t>(room, 6));
      }
      if (row.medication_needed) {
        WriteAppointments(c, row, d0, open ? s.today + 30 : last, by);
      }
    }
    out.push_back(stay);
    c.out.Add(std::move(row));
  }
  return out;
}

void WriteAppointments(ParticipantContext& c, const store::TransitionRow& stay,
                       std::int64_t discharge_day, std::int64_t last_day,
                       const std::function<const StaffMember&(std::int64_t)>& by) {
  Rng& rng = c.rng;
  const Setup& s = c.setup;
  const std::string provider = rng.Pick(PsychiatryPractices());
  const auto add = [&](const char* status, std::optional<std::int64_t> scheduled_for,
                       std::int64_t recorded_day, std::optional<std::int64_t> me_notified,
                       std::string note) {
    if (recorded_day > s.today || recorded_day > last_day) return;
    if (scheduled_for && DayOf(*scheduled_for) > last_day) return;
    store::AppointmentRow a;
    a.id = rng.Id(c.id_ms);
    a.transition_id = stay.id;
    a.episode_id = stay.episode_id;
    a.status = status;
    a.scheduled_for = scheduled_for;
    a.provider = provider;
    a.me_notified_at = me_notified;
    a.note = std::move(note);
    a.recorded_by = by(recorded_day).id;
    std::int64_t at = Daytime(rng, s, recorded_day);
    if (scheduled_for && *scheduled_for <= s.now_ms) {
      at = std::max(at, *scheduled_for + rng.Between(1, 6) * kHour);
    }
    if (stay.discharged_at) at = std::max(at, *stay.discharged_at + kHour);
    a.created_at = a.updated_at = std::min(at, s.now_ms);
    c.out.Add(std::move(a));
  };
  const auto when = [&](std::int64_t day) {
    return day <= s.today ? Daytime(rng, s, day) : FutureDaytime(rng, day);
  };
  const std::int64_t d0 = discharge_day;
  const std::int64_t since = s.today - d0;
  const auto r = static_cast<int>(rng.Below(100));
  if (since < 7) {
    // Recent: on today's worklists, met, booked or still to arrange.
    if (r < 40) {
      const std::int64_t day = d0 + rng.Between(std::max<std::int64_t>(since + 1, 2), 7);
      add("scheduled", FutureDaytime(rng, day), std::min(d0 + 1, s.today), std::nullopt, "");
    } else if (r < 58 && since >= 1) {
      const std::int64_t day = d0 + rng.Between(1, since);
      add("kept", Daytime(rng, s, day), day, std::nullopt, "");
    } else if (r < 68) {
      const std::int64_t day = d0 + rng.Between(0, since);
      add("none_available", std::nullopt, day, Daytime(rng, s, day),
          rng.Pick(std::span<const char* const>(kNoneAvailableNotes)));
      add("scheduled", FutureDaytime(rng, s.today + rng.Between(5, 15)), day, std::nullopt, "");
    }
    return;
  }
  if (r < 58) {  // 001 §6: linked within 7 days
    const std::int64_t day = d0 + rng.Between(1, 7);
    add("kept", Daytime(rng, s, day), day, std::nullopt, "");
  } else if (r < 66) {
    const std::int64_t missed = d0 + rng.Between(2, 5);
    add("missed", Daytime(rng, s, missed), missed, std::nullopt,
        rng.Pick(std::span<const char* const>(kMissedNotes)));
    const std::int64_t day = d0 + rng.Between(7, 14);
    add(day <= s.today ? "kept" : "scheduled", when(day), std::min(day, s.today), std::nullopt, "");
  } else if (r < 78) {
    const std::int64_t day = d0 + rng.Between(1, 4);
    add("none_available", std::nullopt, day, Daytime(rng, s, day),
        rng.Pick(std::span<const char* const>(kNoneAvailableNotes)));
    const std::int64_t later = d0 + rng.Between(14, 28);
    add(later <= s.today ? "kept" : "scheduled", when(later), std::min(later, s.today),
        std::nullopt, "");
  } else if (r < 83) {
    const std::int64_t day = d0 + rng.Between(1, 5);
    add("refused", std::nullopt, day, std::nullopt,
        rng.Pick(std::span<const char* const>(kRefusedNotes)));
  } else if (r < 88) {
    // Documented, but the ME was never told: the linkage stays unmet (a finding for QI).
    const std::int64_t day = d0 + rng.Between(2, 6);
    add("none_available", std::nullopt, day, std::nullopt,
        rng.Pick(std::span<const char* const>(kNoneAvailableUnnotifiedNotes)));
  }
  // The rest: nothing recorded; the linkage was missed.
}

std::string_view FollowUpNote(Rng& rng) {
  return rng.Pick(std::span<const char* const>(kFollowUpNotes));
}

std::string_view FacilityVisitNote(Rng& rng) {
  return rng.Pick(std::span<const char* const>(kFacilityVisitNotes));
}

void GenerateOnCallRota(const Setup& s, const std::string& supervisor_id,
                        store::PopulationWriter& out) {
  // 001 §2: "on call services are available 24 hours, seven days a week". Two shifts a day,
  // 08:00-20:00 and 20:00-08:00 program time in winter (13:00 and 01:00 UTC), from two weeks
  // back (the record of who answered) to more than two weeks ahead, with no gap; the
  // supervisor backs up weekends. Shift times are UTC boundaries, so they stay continuous
  // across a daylight-saving change.
  Rng rng(StreamSeed(s.seed, kOnCallStream, 0));
  std::vector<const StaffMember*> day_staff, night_staff;
  const std::size_t coordinators = std::min<std::size_t>(s.coordinators.size(), 6);
  for (std::size_t k = 0; k < coordinators; ++k) day_staff.push_back(&s.coordinators[k]);
  if (!s.nurses.empty()) day_staff.push_back(&s.nurses[0]);
  for (std::size_t k = 0; k < std::min<std::size_t>(s.coordinators.size(), 4); ++k) {
    night_staff.push_back(&s.coordinators[k]);
  }
  const std::int64_t first_day = s.today - 14;
  const std::int64_t last_day = s.today + 16;
  const std::int64_t id_ms = s.IdTime(-1);
  // A work phone per person, from their name: the demo users' ids are drawn anew by each
  // LoadDemo, so they would make the rota differ between two loads of one seed. FNV-1a: the
  // same on every platform.
  const auto phone = [](const std::string& name) {
    std::uint64_t h = 14695981039346656037ULL;
    for (unsigned char ch : name) h = (h ^ ch) * 1099511628211ULL;
    char buf[24];
    std::snprintf(buf, sizeof buf, "(%s) 555-01%02d", AreaCodes()[0], static_cast<int>(h % 100));
    return std::string(buf);
  };
  const auto add = [&](const std::string& user_id, const std::string& phone_number,
                       std::int64_t starts, std::int64_t ends, std::string note) {
    store::OnCallShiftRow r;
    r.id = rng.Id(id_ms);
    r.program_id = s.program_id;
    r.user_id = user_id;
    r.starts_at = starts;
    r.ends_at = ends;
    r.phone = phone_number;
    r.note = std::move(note);
    r.created_by = supervisor_id;
    r.created_at = std::min(starts - rng.Between(7, 21) * kDay, s.now_ms);
    out.Add(std::move(r));
  };
  std::size_t day_turn = rng.Below(day_staff.size());
  std::size_t night_turn = rng.Below(night_staff.size());
  for (std::int64_t day = first_day; day <= last_day; ++day) {
    const std::int64_t morning = day * kDay + 13 * kHour;
    const StaffMember& d = *day_staff[day_turn++ % day_staff.size()];
    add(d.id, phone(d.name), morning, morning + 12 * kHour,
        "Day on call: crisis calls and walk-ins.");
    // Nights go to one person for a week at a time, the usual pager rotation.
    if ((day - first_day) % 7 == 0) ++night_turn;
    const StaffMember& n = *night_staff[night_turn % night_staff.size()];
    add(n.id, phone(n.name), morning + 12 * kHour, morning + 24 * kHour,
        "Overnight on call; the supervisor is the backup.");
    // 1970-01-01 was a Thursday: day % 7 == 2 is a Saturday, 3 a Sunday.
    if (day % 7 == 2 || day % 7 == 3) {
      add(supervisor_id, phone("supervisor"), morning, morning + 24 * kHour,
          "Weekend backup on call.");
    }
  }
}

}  // namespace carecoord::demo::population
