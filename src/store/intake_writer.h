// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "domain/error.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

// The episode rows accepting a referral writes (docs/participant-record.md "accept"); every
// later change to an episode belongs to the episode area. Works inside the caller's
// transaction. Errors: as Connection's (kConflict from episodes_one_open for a second open
// episode of the participant in the program).
class IntakeWriter {
 public:
  explicit IntakeWriter(Connection& conn) : conn_(conn) {}

  // An enabled user of the organization holding care_coordinator in the program.
  Result<bool> IsProgramCoordinator(const std::string& org_id, const std::string& user_id,
                                    const std::string& program_id);
  Result<bool> HasOpenEpisode(const std::string& org_id, const std::string& participant_id,
                              const std::string& program_id);

  struct NewEpisode {
    std::string org_id;
    std::string id;
    std::string participant_id;
    std::string program_id;
    std::string referral_id;
    std::string status;
    std::string coordinator_id;
    Instant referral_received_at{};
    Instant started_at{};  // also status_changed_at, created_at, updated_at
  };
  Status InsertEpisode(const NewEpisode& episode);
  Status InsertStatusChange(const std::string& org_id, const std::string& episode_id, int seq,
                            const std::string& from, const std::string& to,
                            const std::string& reason, Instant at, const std::string& by);
  // Hand-off seq 1: the assignment at intake (from nobody, 001 §1).
  Status InsertFirstHandoff(const std::string& org_id, const std::string& episode_id,
                            const std::string& to_user_id, Instant at, const std::string& note,
                            const std::string& recorded_by);
  Status InsertCoordinatorMember(const std::string& org_id, const std::string& id,
                                 const std::string& episode_id, const std::string& participant_id,
                                 const std::string& user_id, const std::string& start_date,
                                 Instant now);

 private:
  Connection& conn_;
};

}  // namespace carecoord::store
