// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/obligations.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

// What the policy engine reads about episodes (queries/obligation_facts.sql). Works on the
// caller's connection, inside the caller's transaction when one is open. Errors: as
// Connection's.
class ObligationFactsRepository {
 public:
  explicit ObligationFactsRepository(Connection& conn) : conn_(conn) {}

  // The episode's facts (org_id, program time zone, histories, team, contacts, transitions
  // with their appointments, the participant's releases, the episode's care plan and the
  // participant's stratification facts); nullopt when there is no such episode in the
  // organization.
  Result<std::optional<EpisodeFacts>> Load(const std::string& org_id,
                                           const std::string& episode_id);
  // Ids of the participant's episodes, in id order.
  Result<std::vector<std::string>> EpisodesOfParticipant(const std::string& org_id,
                                                         const std::string& participant_id);
  // Ids of the program's episodes, in the database's id order (the order BETWEEN ranges use).
  Result<std::vector<std::string>> EpisodesOfProgram(const std::string& org_id,
                                                     const std::string& program_id);
  // The facts of the program's episodes whose ids lie in [first_id, last_id] (the database's
  // order), in that order: one query per table for the whole range, not one per episode,
  // except care plans and stratification facts (a few queries per episode, once per
  // participant).
  Result<std::vector<EpisodeFacts>> LoadRange(const std::string& org_id,
                                              const std::string& program_id,
                                              const std::string& first_id,
                                              const std::string& last_id);

 private:
  Connection& conn_;
};

// One obligation as stored, with what the row adds to the domain's Obligation.
struct StoredObligation {
  std::string episode_id;
  std::string program_id;
  std::string participant_id;
  std::string time_zone;         // of the program (worklist reads only)
  std::string participant_name;  // "Given Family" (worklist reads only)
  Obligation obligation;
  std::int64_t policy_version = 0;
  Instant evaluated_at{};
};

// One episode's evaluation, for Replace and ReplaceRange.
struct EpisodeObligationSet {
  std::string episode_id;
  std::string program_id;
  std::string participant_id;
  std::vector<Obligation> obligations;
};

// Compliance counts of one rule over a set of windows (see queries/obligations.sql for how
// each is decided from the stored state, due_at and now).
struct ComplianceCounts {
  std::string assignee_id;    // "" for program-wide counts
  std::string assignee_name;  // display name, "" when unknown
  std::string rule_id;
  int met = 0;
  int excused = 0;
  int missed = 0;
  int overdue = 0;
  int pending = 0;
};

struct UserCount {
  std::string user_id;
  std::string display_name;
  int count = 0;
};

struct ProgramInfo {
  std::string org_id;
  std::string id;
  std::string name;
  std::string time_zone;
};

// A stored version of a program's policy file.
struct PolicyVersionRecord {
  std::string org_id;
  std::string program_id;
  std::int64_t version = 0;
  std::string source;
  std::string note;
  std::string created_by;
  std::string created_by_name;  // read only
  Instant created_at{};
};

// The obligations table, policy versions and the figures read from them
// (queries/obligations.sql). Works on the caller's connection and transaction. Errors: as
// Connection's; a policy version that already exists is kConflict.
class ObligationRepository {
 public:
  explicit ObligationRepository(Connection& conn) : conn_(conn) {}

  // Deletes the episode's rows and inserts `set.obligations` (in multi-row statements), each
  // stamped with policy_version and evaluated_at. Call inside a transaction.
  Status Replace(const std::string& org_id, const EpisodeObligationSet& set,
                 std::int64_t policy_version, Instant evaluated_at);
  // The rebuild's form for the program's episodes with ids in [first_id, last_id]: deletes their
  // rows and inserts `sets`, except for episodes whose rows were written by a refresh after
  // evaluated_at (a write that committed while the rebuild was reading; its rows are newer and
  // stay). Returns the rows inserted. Call inside a transaction.
  Result<std::int64_t> ReplaceRange(const std::string& org_id, const std::string& program_id,
                                    const std::string& first_id, const std::string& last_id,
                                    std::span<const EpisodeObligationSet> sets,
                                    std::int64_t policy_version, Instant evaluated_at);

  // Stored rows of one episode / one program, by (episode, key).
  Result<std::vector<StoredObligation>> ListEpisode(const std::string& org_id,
                                                    const std::string& episode_id);
  Result<std::vector<StoredObligation>> ListProgram(const std::string& org_id,
                                                    const std::string& program_id);

  // The open rows assigned to `assignee_id` whose window began by `now` and that are due before
  // `due_before`, leaving out recurring windows past due; by due time. With participant names
  // and program time zones. Reads the partial index obligations_worklist.
  Result<std::vector<StoredObligation>> Worklist(const std::string& org_id,
                                                 const std::string& assignee_id, Instant now,
                                                 Instant due_before);

  // Counts per (assignee, rule) / per rule of the program's windows due in (after, until], as
  // of `now`.
  Result<std::vector<ComplianceCounts>> ComplianceByAssignee(const std::string& org_id,
                                                             const std::string& program_id,
                                                             Instant after, Instant until,
                                                             Instant now);
  Result<std::vector<ComplianceCounts>> ComplianceByRule(const std::string& org_id,
                                                         const std::string& program_id,
                                                         Instant after, Instant until, Instant now);
  // Open deadlines past due as of `now`, per assignee.
  Result<std::vector<UserCount>> OverdueDeadlines(const std::string& org_id,
                                                  const std::string& program_id, Instant now);
  // Open episodes per accountable coordinator.
  Result<std::vector<UserCount>> Caseloads(const std::string& org_id,
                                           const std::string& program_id);
  // Enabled coordinators, peers and nurse care managers of the program (count unused), by name.
  Result<std::vector<UserCount>> ProgramStaff(const std::string& org_id,
                                              const std::string& program_id);

  Result<std::optional<ProgramInfo>> Program(const std::string& org_id,
                                             const std::string& program_id);
  Result<std::vector<ProgramInfo>> AllPrograms();  // time_zone not filled

  // The highest stored version of the program's policy; 0 when none (the built-in default).
  Result<std::int64_t> PolicyVersionInForce(const std::string& org_id,
                                            const std::string& program_id);
  // The highest version stored at or before `at`; 0 when none.
  Result<std::int64_t> PolicyVersionAt(const std::string& org_id, const std::string& program_id,
                                       Instant at);
  Result<std::optional<PolicyVersionRecord>> GetPolicyVersion(const std::string& org_id,
                                                              const std::string& program_id,
                                                              std::int64_t version);
  // kConflict when the version exists (a concurrent change stored it first).
  Status InsertPolicyVersion(const PolicyVersionRecord& record);

 private:
  Status InsertRows(const std::string& org_id, std::span<const EpisodeObligationSet> sets,
                    std::int64_t policy_version, Instant evaluated_at, std::int64_t* inserted);

  Connection& conn_;
};

}  // namespace carecoord::store
