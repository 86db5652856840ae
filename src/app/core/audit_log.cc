// SPDX-License-Identifier: Apache-2.0
#include "app/core/audit_log.h"

#include <future>
#include <map>

#include "app/core/crypto.h"
#include "store/audit_repository.h"

namespace carecoord::app {

void SealAuditRecord(AuditRecord& record, std::int64_t seq, const std::string& prev_hash) {
  record.seq = seq;
  record.prev_hash = prev_hash;
  record.hash = Sha256Hex(CanonicalAuditBytes(record, prev_hash));
}

AuditLog::AuditLog(store::Database& db) : db_(db), writer_([this] { WriterLoop(); }) {}

AuditLog::~AuditLog() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  writer_.join();
}

Status AuditLog::AppendInTransaction(store::Connection& conn, std::vector<AuditRecord>& events) {
  store::AuditRepository repo(conn);
  // Lock each organization's chain tip once, in a fixed (sorted) order so two transactions
  // appending to several chains cannot deadlock.
  std::map<std::string, store::ChainHead> heads;
  for (const AuditRecord& e : events) heads.emplace(e.org_id, store::ChainHead{});
  for (auto& [org, head] : heads) {
    CARECOORD_TRY(locked, repo.LockChainHead(org));
    head = std::move(*locked);
  }
  for (AuditRecord& e : events) {
    store::ChainHead& head = heads[e.org_id];
    if (e.id.empty()) e.id = NewId(e.occurred_at);
    SealAuditRecord(e, head.last_seq + 1, head.last_hash);
    if (auto st = repo.Insert(e); !st) return st;
    head.last_seq = e.seq;
    head.last_hash = e.hash;
  }
  for (const auto& [org, head] : heads) {
    if (auto st = repo.AdvanceChainHead(head); !st) return st;
  }
  return {};
}

void AuditLog::Submit(std::vector<AuditRecord> events, std::function<void(Status)> done) {
  if (events.empty()) {
    done({});
    return;
  }
  {
    std::lock_guard lock(mu_);
    queue_.push_back({std::move(events), std::move(done)});
  }
  cv_.notify_one();
}

Status AuditLog::Record(std::vector<AuditRecord> events) {
  std::promise<Status> promise;
  auto future = promise.get_future();
  Submit(std::move(events), [&promise](Status st) { promise.set_value(std::move(st)); });
  return future.get();
}

std::uint64_t AuditLog::batches_committed() const {
  std::lock_guard lock(mu_);
  return batches_;
}

std::uint64_t AuditLog::events_committed() const {
  std::lock_guard lock(mu_);
  return events_;
}

void AuditLog::WriterLoop() {
  for (;;) {
    std::vector<Pending> batch;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      // Everything queued while the previous batch was committing goes into this one.
      batch.reserve(queue_.size());
      while (!queue_.empty()) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    Status st = CommitBatch(batch);
    std::size_t n = 0;
    for (const Pending& p : batch) n += p.events.size();
    if (st) {
      std::lock_guard lock(mu_);
      ++batches_;
      events_ += n;
    }
    for (Pending& p : batch) p.done(st);
  }
}

Status AuditLog::CommitBatch(std::vector<Pending>& batch) {
  std::vector<AuditRecord> events;
  for (Pending& p : batch) {
    for (AuditRecord& e : p.events) events.push_back(std::move(e));
  }
  // A busy database (another writer holding the lock past the busy timeout) is retried a few
  // times before the callers are told; nothing is half-written because each try is one
  // transaction.
  Status st;
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto conn = db_.Acquire();
    if (!conn) {
      st = std::unexpected(conn.error());
      continue;
    }
    // Sealing is repeatable (seq and hashes are recomputed from the chain tip), so a retry
    // reuses the same records.
    st = store::InTransaction(**conn,
                              [&]() -> Status { return AppendInTransaction(**conn, events); });
    if (st || st.error().code != ErrorCode::kUnavailable) break;
  }
  return st;
}

Result<AuditVerification> VerifyAuditChains(store::Database& db) {
  CARECOORD_TRY(conn, db.Acquire());
  store::AuditRepository repo(**conn);
  CARECOORD_TRY(heads, repo.ChainHeads());
  AuditVerification v;
  constexpr int kPage = 2000;
  for (const store::ChainHead& head : *heads) {
    std::string prev = kAuditGenesisHash;
    std::int64_t expected_seq = 1;
    for (;;) {
      CARECOORD_TRY(page, repo.EventsAfter(head.org_id, expected_seq - 1, kPage));
      for (const AuditRecord& e : *page) {
        auto broken = [&](std::int64_t seq, std::string problem) {
          v.intact = false;
          v.broken_org_id = head.org_id;
          v.broken_seq = seq;
          v.problem = std::move(problem);
        };
        if (e.seq != expected_seq) {
          broken(expected_seq,
                 "event is missing (the next stored event is " + std::to_string(e.seq) + ")");
          return v;
        }
        if (e.prev_hash != prev) {
          broken(e.seq, "previous-hash link does not match the event before it");
          return v;
        }
        if (Sha256Hex(CanonicalAuditBytes(e, prev)) != e.hash) {
          broken(e.seq, "event content does not match its hash (the row was altered)");
          return v;
        }
        prev = e.hash;
        ++expected_seq;
        ++v.events_checked;
      }
      if (static_cast<int>(page->size()) < kPage) break;
    }
    if (expected_seq - 1 != head.last_seq || prev != head.last_hash) {
      v.intact = false;
      v.broken_org_id = head.org_id;
      v.broken_seq = expected_seq;
      v.problem = "chain ends at event " + std::to_string(expected_seq - 1) +
                  " but its recorded tip is event " + std::to_string(head.last_seq) +
                  " (events were deleted or the tip was altered)";
      return v;
    }
  }
  return v;
}

}  // namespace carecoord::app
