// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "app/core/audit_log.h"
#include "app/core/clock.h"
#include "domain/error.h"
#include "store/database.h"
#include "store/population_writer.h"

namespace carecoord::demo {

// The password hash of generated staff accounts: not an argon2id string, so VerifyPassword
// rejects every password and nobody can sign in as them.
inline constexpr char kDemoStaffPasswordHash[] = "!disabled-demo-staff";

struct PopulationOptions {
  std::int64_t participants = 200;
  std::uint64_t seed = 1;
  // Participants per transaction. Only speed depends on it, never the data.
  std::int64_t participants_per_transaction = 10'000;
  // Rows per multi-row INSERT; 0 chooses per driver (store::PopulationWriter).
  std::size_t rows_per_insert = 0;
  // Called after each committed transaction with the participants written so far.
  std::function<void(std::int64_t done)> progress;
};

struct PopulationResult {
  bool created = false;  // false: the organization already had participants; nothing written
  std::int64_t existing_participants = 0;
  std::int64_t coordinators = 0;  // care coordinators holding caseloads, the demo user included
  std::int64_t peers = 0;
  std::int64_t nurses = 0;
  store::PopulationCounts rows{};  // rows written, by table
  // The program's obligations built after the load (app::RebuildProgramObligations).
  std::int64_t obligation_episodes = 0;
  std::int64_t obligations = 0;
  std::chrono::milliseconds elapsed{0};
};

// Loads a synthetic population of `options.participants` participants into the demo program
// (LoadDemo must have run: kPreconditionFailed otherwise), with generated care coordinators,
// peer support specialists and nurse care managers so that every coordinator, the demo user
// `coordinator` among them, holds 20-60 open episodes (once there are enough participants:
// about 55 or more). Idempotent: when the demo organization already has participants, nothing
// is written and `created` is false.
//
// Deterministic: for one (participants, seed) and one clock reading the rows are the same on
// every run, driver and platform — every participant draws from its own xoshiro256** stream
// seeded from (seed, index), ids included: UUIDv7 whose 74 random bits come from that stream
// and whose time is the load's, one millisecond per participant before now (as in any import,
// the rows are created by the load; and ids in load order make every id index an append, which
// keeps a million-participant load fast). Only the organization, program and the six demo
// users' ids come from LoadDemo.
// Times are relative to clock.Now(): contacts up to today, episodes up to about two years back.
// Besides the record itself: contact schedules on most open episodes (001 §2), stays in higher
// levels of care with their psychiatric appointments (001 §6 §8), runs of failed attempts, and
// the program's on-call rota covering two weeks back and two weeks ahead without a gap.
// After the last transaction the program's obligations are built (app::RebuildProgramObligations as
// of clock.Now()), so worklists are ready at once.
//
// Writes in transactions of `participants_per_transaction`; the first also creates the staff
// and records one audit event "demo.population" for the whole load (not one per row: a bulk
// load by the system, not a person's access to a record). A failure part way leaves the
// transactions already committed; the error says how many participants were written.
Result<PopulationResult> LoadDemoPopulation(store::Database& db, const app::Clock& clock,
                                            app::AuditLog& audit, const PopulationOptions& options);

}  // namespace carecoord::demo
