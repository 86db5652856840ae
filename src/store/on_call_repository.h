// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

// One shift of the on-call rota (migration 0003): who answers for a program in [starts_at,
// ends_at). display_name is read, never written.
struct OnCallShiftRecord {
  std::string org_id;
  std::string id;
  std::string program_id;
  std::string user_id;
  std::string display_name;
  Instant starts_at{};
  Instant ends_at{};
  std::string phone;
  std::string note;
  std::string created_by;
  Instant created_at{};
};

struct ProgramName {
  std::string id;
  std::string name;
};

// The on-call rota and what planning it needs to know. Works on the caller's connection,
// inside the caller's transaction when one is open. Errors: as Connection's.
class OnCallRepository {
 public:
  explicit OnCallRepository(Connection& conn) : conn_(conn) {}

  Status Insert(const OnCallShiftRecord& shift);
  Result<std::optional<OnCallShiftRecord>> Find(const std::string& org_id, const std::string& id);
  // Shifts of the program overlapping [from, to), by start.
  Result<std::vector<OnCallShiftRecord>> Overlapping(const std::string& org_id,
                                                     const std::string& program_id, Instant from,
                                                     Instant to);
  // True when a row was deleted.
  Result<bool> Delete(const std::string& org_id, const std::string& id);

  // The organization's programs, by name.
  Result<std::vector<ProgramName>> Programs(const std::string& org_id);
  // Whether an enabled user holds any role in the program.
  Result<bool> HoldsAnyRole(const std::string& org_id, const std::string& user_id,
                            const std::string& program_id);

 private:
  Connection& conn_;
};

}  // namespace carecoord::store
