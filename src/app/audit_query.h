// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/forward.h"
#include "domain/audit_record.h"
#include "domain/error.h"

namespace carecoord::app {

struct AuditQuery {
  std::string user_id;
  std::string participant_id;
  std::optional<Instant> from;  // inclusive
  std::optional<Instant> to;    // exclusive; a plain date means "through the end of that day"
  std::int64_t before_seq = 0;  // paging: only events older than this seq
  int limit = 100;              // 1..500
};

struct AuditPage {
  std::vector<AuditRecord> items;  // newest first
  std::optional<std::int64_t> next_before_seq;
};

// Reading the audit log (auditor role), itself audited.
class AuditQueryService {
 public:
  AuditQueryService(core::Runner& runner) : runner_(runner) {}
  // kInvalidArgument naming `limit` or `to` (before from).
  Result<AuditPage> Search(Context& ctx, const AuditQuery& query);

 private:
  core::Runner& runner_;  // the one way to the database, the clock and the audit log
};

}  // namespace carecoord::app
