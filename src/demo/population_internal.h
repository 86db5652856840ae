// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "demo/population_rng.h"
#include "store/population_writer.h"

// The parts of the synthetic population generator shared by its files. Internal to
// app/demo_population*.
namespace carecoord::demo::population {

inline constexpr std::int64_t kMinute = 60'000;
inline constexpr std::int64_t kHour = 60 * kMinute;
inline constexpr std::int64_t kDay = 24 * kHour;

// Independent random streams of one seed (StreamSeed's `stream`).
enum Stream : std::uint64_t {
  kPlanStream = 1,         // who is in which status with which staff (cheap, drawn first)
  kStaffStream = 2,        // generated staff names and ids
  kParticipantStream = 3,  // everything about participant i
  kReferralStream = 4,     // referrals that did not (yet) become participants
  kOnCallStream = 5,       // the on-call rota
  kCareStream = 6,         // assessments and the care plan of an episode (by episode id)
};

// The status a participant's current episode has reached; the order of EpisodeStatus without
// kDeclined (intake declines referrals, not episodes: docs/participant-record.md).
enum class Fate : std::uint8_t {
  kReferred,
  kEngaging,
  kActive,
  kTransitioning,
  kClosed,
  kRefused,
  kUnableToLocate,
};
inline constexpr int kFateCount = 7;
inline bool IsOpen(Fate f) {
  return f == Fate::kReferred || f == Fate::kEngaging || f == Fate::kActive ||
         f == Fate::kTransitioning;
}

struct StaffMember {
  std::string id;
  std::string name;
};

// What every participant's generation needs to know about the program and its staff.
struct Setup {
  std::uint64_t seed = 1;
  std::int64_t participants = 0;  // N
  std::string program_id;
  std::int64_t now_ms = 0;
  // The program's calendar day of `now` as days since 1970-01-01. Every instant that a date is
  // taken from (contacts, consents, care team dates) falls between 13:00 and 22:00 UTC, which
  // is the same calendar day in America/New_York (UTC-4/-5), so dates need no time zone.
  std::int64_t today = 0;
  std::string intake_user_id;             // accepts and declines referrals: the demo supervisor
  std::vector<StaffMember> coordinators;  // [0] is the demo user `coordinator`
  std::vector<StaffMember> peers;         // [0] is the demo user `peer`
  std::vector<StaffMember> nurses;        // [0] is the demo user `nurse`

  // The time in the UUIDv7 ids of participant `index`'s rows: the load, as for any import (the
  // rows are created then), one millisecond per participant before `now_ms`. Ids therefore
  // sort by participant and the load appends at the end of every id index instead of writing
  // all over it, which is what keeps a million-participant load fast on both drivers.
  std::int64_t IdTime(std::int64_t index) const { return now_ms - participants - 1 + index; }
};

// One participant's place in the program, decided for all participants before any is
// generated so that caseloads can be balanced (indexes into Setup's staff lists; -1 none).
struct ParticipantPlan {
  Fate fate = Fate::kActive;
  std::int32_t coordinator = 0;
  std::int32_t peer = -1;
  std::int32_t nurse = -1;
};

// Adds participant `index` (demographics, related persons, referrals, episodes with their
// history, hand-offs, care team, releases, contacts) to `out`.
void GenerateParticipant(const Setup& setup, std::int64_t index, const ParticipantPlan& plan,
                         store::PopulationWriter& out);

// Adds referral `index` of those that did not become an episode: open ones in the intake queue,
// declined and refused ones.
void GenerateLooseReferral(const Setup& setup, std::int64_t index, store::PopulationWriter& out);

// Adds the program's 24/7 on-call rota (001 §2) from two weeks before today to two weeks
// after, without a gap, planned by `supervisor_id`.
void GenerateOnCallRota(const Setup& setup, const std::string& supervisor_id,
                        store::PopulationWriter& out);

// How many loose referrals a population of `participants` has.
std::int64_t LooseReferralCount(std::int64_t participants);

// The UTC day of an instant (ms), counted from 1970-01-01.
inline std::int64_t DayOf(std::int64_t ms) {
  return ms >= 0 ? ms / kDay : (ms - kDay + 1) / kDay;
}

// 'YYYY-MM-DD' of a day counted from 1970-01-01.
std::string DateOfDay(std::int64_t day);

}  // namespace carecoord::demo::population
