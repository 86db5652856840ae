// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "demo/population_internal.h"
#include "demo/population_lists.h"

// A synthetic person and the people around them, and the episode generator that uses them.
// Internal to app/demo_population*.
namespace carecoord::demo::population {

struct Person {
  const NameGroup* group = nullptr;
  std::string given, family, preferred, sex, gender_identity, pronouns;
  std::int64_t birth_day = 0;  // days since 1970-01-01
  std::int64_t adult_day = 0;  // the 18th birthday
  int age = 0;                 // on Setup::today
  std::string language;
  bool interpreter = false;
  std::string phone, email, contact_method, contact_times, address, city, state, postal, living;
  std::string cultural, advance_directive, health_care_proxy, payer, member_id;
  std::string school, grade, education_plan, family_notes;
  bool substance_use = false;          // releases to treatment providers then cover 42 CFR Part 2
  std::string pcp_practice, pcp_name;  // empty when the person has no primary care provider

  std::string FullName() const { return given + " " + family; }
  bool MinorOn(std::int64_t day) const { return day < adult_day; }
};

// Draws a person: the first draws of a participant's generator, so the same person can be
// drawn again from (seed, index) alone (a duplicate referral of an existing participant).
Person MakePerson(Rng& rng, const Setup& setup);

struct Related {
  std::string id, name, relationship, roles, phone;
  bool active = true;
  bool guardian = false;         // legal guardian or representative
  bool natural_support = false;  // 001 §2 natural supports
};

// Everything the episodes of one participant share.
struct ParticipantContext {
  const Setup& setup;
  Rng& rng;
  store::PopulationWriter& out;
  const Person& person;
  std::string participant_id;
  std::int64_t id_ms = 0;  // the time in every id of this participant's rows
  std::vector<Related> related;
  int guardian = -1;  // index into related: the legal guardian, for minors and some adults
};

// The days and instants of one episode, drawn for its fate (see MakeTimeline).
struct Timeline {
  Fate fate = Fate::kActive;
  std::int64_t received = 0, start = 0;  // ms
  std::optional<std::int64_t> enrolled, transition, end;
  std::string end_from;  // the status the episode left when it ended
  std::string end_reason;
  std::int64_t start_day = 0, last_day = 0;  // last_day: the end's day, or today
};

Timeline MakeTimeline(Fate fate, Rng& rng, const Setup& setup);
// A closed episode that ended 30-240 days before `next_start_day` (a readmission's first
// episode).
Timeline MakePriorTimeline(std::int64_t next_start_day, Rng& rng, const Setup& setup);

// An instant between 13:00 and 22:00 UTC on `day` (see Setup::today), and never after now.
std::int64_t Daytime(Rng& rng, const Setup& setup, std::int64_t day);

// A referral of `person` received at `received` (ms), status open: the caller decides it.
store::ReferralRow MakeReferral(Rng& rng, const Setup& setup, const Person& person,
                                std::int64_t received, std::int64_t id_ms);

// A participant's contact schedule for the first 30 days (001 §2); per_week 0: none set.
struct ContactSchedulePlan {
  int per_week = 0;
  std::string reason, note;
};
ContactSchedulePlan DrawContactSchedule(Rng& rng, bool open, bool enrolled);

// A stay in a higher level of care (written by GenerateStays) and the contacts the episode
// writer adds for it: a visit where the person is, and the follow-up after discharge.
struct StayPlan {
  std::optional<std::int64_t> discharged_day;  // none: still admitted
  std::optional<std::int64_t> visit_day;
  const char* visit_setting = "hospital";
  std::optional<std::int64_t> follow_up_day;
};

// Writes the episode's transitions of care, if any, and the psychiatric appointments after
// discharges needing medication (001 §6 §8). `by(day)`: the coordinator accountable that day.
std::vector<StayPlan> GenerateStays(ParticipantContext& ctx, const Timeline& t,
                                    const std::string& episode_id,
                                    const std::function<const StaffMember&(std::int64_t)>& by);
// The appointments after one discharge, none after `last_day`.
void WriteAppointments(ParticipantContext& ctx, const store::TransitionRow& stay,
                       std::int64_t discharge_day, std::int64_t last_day,
                       const std::function<const StaffMember&(std::int64_t)>& by);
std::string_view FollowUpNote(Rng& rng);
std::string_view FacilityVisitNote(Rng& rng);

// Writes the episode's assessments (screenings, level of care, SDOH; with a same-day safety
// check after a PHQ-9 item 9) and, once enrolled, its care plan with versions, reviews and goal
// progress (demo_population_care.cc). Draws from its own stream, so the rest is unchanged.
void GenerateCare(ParticipantContext& ctx, const Timeline& t, const std::string& episode_id,
                  const std::function<const StaffMember&(std::int64_t)>& by);

// Writes one episode with its referral, status history, hand-offs, care team, releases and
// contacts. `peer`, `nurse`: indexes into the setup's staff lists, or -1.
void GenerateEpisode(ParticipantContext& ctx, const Timeline& t, int coordinator, int peer,
                     int nurse);

}  // namespace carecoord::demo::population
