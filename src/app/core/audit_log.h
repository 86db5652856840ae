// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "domain/audit_record.h"
#include "domain/error.h"
#include "store/database.h"

namespace carecoord::app {

// The append side of the hash-chained audit log (DESIGN §4 "Audit").
//
// Writes call AppendInTransaction inside the transaction of the write, so the event and the
// change commit together or not at all. Reads call Submit: events from concurrent requests are
// committed together in one transaction by a single writer thread (group commit), and each
// caller is told when its events are durable. Thread-safe.
class AuditLog {
 public:
  explicit AuditLog(store::Database& db);
  ~AuditLog();  // commits what is queued, then stops the writer thread
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  // Assigns seq, prev_hash and hash to each event and inserts it, on `conn`, which must be inside
  // an open transaction. Events may belong to different organizations.
  Status AppendInTransaction(store::Connection& conn, std::vector<AuditRecord>& events);

  // Queues events for the next group commit. `done` runs exactly once, on the writer thread,
  // after the events are committed (ok) or could not be (the error; nothing was written).
  // An empty batch completes at once on the calling thread.
  void Submit(std::vector<AuditRecord> events, std::function<void(Status)> done);

  // Submit and wait: for callers that have no event loop (CLI).
  Status Record(std::vector<AuditRecord> events);

  // Counters for benchmarks and tests.
  std::uint64_t batches_committed() const;
  std::uint64_t events_committed() const;

 private:
  struct Pending {
    std::vector<AuditRecord> events;
    std::function<void(Status)> done;
  };
  void WriterLoop();
  Status CommitBatch(std::vector<Pending>& batch);

  store::Database& db_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  std::uint64_t batches_ = 0;
  std::uint64_t events_ = 0;
  std::thread writer_;
};

// Result of checking every organization's chain.
struct AuditVerification {
  bool intact = true;
  std::int64_t events_checked = 0;
  // When not intact: where the chain first breaks, and how.
  std::string broken_org_id;
  std::int64_t broken_seq = 0;
  std::string problem;
};

// Walks every chain in seq order recomputing hashes: a row edited, deleted or inserted out of
// order, or a chain head that does not match the last event, makes it not intact.
Result<AuditVerification> VerifyAuditChains(store::Database& db);

// Fills the hash fields of `record` chained after `prev_hash`.
void SealAuditRecord(AuditRecord& record, std::int64_t seq, const std::string& prev_hash);

}  // namespace carecoord::app
