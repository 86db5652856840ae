// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/audit_record.h"
#include "domain/error.h"
#include "store/database.h"

namespace carecoord::store {

struct ChainHead {
  std::string org_id;
  std::int64_t last_seq = 0;
  std::string last_hash;
};

struct AuditFilter {
  std::string org_id;
  std::string actor_id;         // "" = any
  std::string participant_id;   // "" = any
  Instant from{};               // inclusive
  Instant to{};                 // exclusive
  std::int64_t before_seq = 0;  // 0 = newest
  int limit = 100;
};

// Storage of the hash-chained audit log. Hashing is the caller's job (app/audit_log.cc); this
// class only reads and writes rows. Works on the caller's connection and transaction.
class AuditRepository {
 public:
  explicit AuditRepository(Connection& conn) : conn_(conn) {}

  // Locks the organization's chain tip until the transaction ends, creating it if missing.
  // Must run inside a transaction.
  Result<ChainHead> LockChainHead(const std::string& org_id);
  Status AdvanceChainHead(const ChainHead& head);
  Status Insert(const AuditRecord& record);

  Result<std::vector<ChainHead>> ChainHeads();
  // Up to `limit` events of one organization with seq > after_seq, in seq order.
  Result<std::vector<AuditRecord>> EventsAfter(const std::string& org_id, std::int64_t after_seq,
                                               int limit);
  // Newest first.
  Result<std::vector<AuditRecord>> Search(const AuditFilter& filter);

 private:
  Connection& conn_;
};

}  // namespace carecoord::store
