// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/forward.h"
#include "domain/error.h"

namespace carecoord::app {

struct OnCallShift {
  std::string id;
  std::string program_id;
  std::string user_id;
  std::string display_name;
  Instant starts_at{};
  Instant ends_at{};
  std::string phone;
  std::string note;
};

// A stretch of time inside a requested range that no shift covers (001 §2: 24/7 coverage).
struct CoverageGap {
  Instant from{};
  Instant to{};
};

struct OnCallNow {
  std::string program_id;
  std::string program_name;
  std::vector<OnCallShift> on_call;      // shifts covering now (usually one)
  std::optional<Instant> covered_until;  // end of continuous coverage from now, when covered
};

struct OnCallRota {
  std::string program_id;
  Instant from{};
  Instant to{};
  std::vector<OnCallShift> shifts;  // overlapping [from, to), by start
  std::vector<CoverageGap> gaps;
};

struct NewShift {
  std::string user_id;  // must hold a role in the program
  Instant starts_at{};
  Instant ends_at{};  // after starts_at, at most 7 days later
  std::string phone;  // how to reach them, at most 40 bytes
  std::string note;   // at most 500 bytes
};

// The 24/7 on-call rota per program (001 §2; docs/worklists.md "On call"). Everyone signed in
// sees who is on call now in their programs (shown on every page); supervisors of the program
// and administrators plan shifts. Writes audited.
class OnCallService {
 public:
  OnCallService(core::Runner& runner);

  // The actor's programs (all of the organization's for administrators and auditors).
  Result<std::vector<OnCallNow>> Now(Context& ctx);
  // to - from at most 62 days (kInvalidArgument "to").
  Result<OnCallRota> Rota(Context& ctx, const std::string& program_id, Instant from, Instant to);
  // Under ctx's idempotency key. Shifts of one program may overlap (a backup on call).
  Result<OnCallShift> AddShift(Context& ctx, const std::string& program_id, const NewShift& in);
  // Only shifts that have not ended (kConflict otherwise: the rota is a record).
  Status RemoveShift(Context& ctx, const std::string& shift_id);

 private:
  core::Runner& runner_;  // the one way to the database, the clock and the audit log
};

}  // namespace carecoord::app
