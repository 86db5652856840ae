// SPDX-License-Identifier: Apache-2.0
#include "app/audit_query.h"

#include "app/core/runner.h"

#include "app/core/access.h"
#include "store/audit_repository.h"

namespace carecoord::app {

Result<AuditPage> AuditQueryService::Search(Context& ctx, const AuditQuery& q) {
  const Target target{"audit_event", "", q.participant_id};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kReadAuditLog, target));
  if (q.limit < 1 || q.limit > 500) {
    return Fail(ErrorCode::kInvalidArgument, "limit must be between 1 and 500", "limit");
  }
  store::AuditFilter f;
  f.org_id = uc->org();
  f.actor_id = q.user_id;
  f.participant_id = q.participant_id;
  f.from = q.from.value_or(FromMillis(0));
  f.to = q.to.value_or(FromMillis(std::numeric_limits<std::int64_t>::max()));
  if (f.to <= f.from) return Fail(ErrorCode::kInvalidArgument, "to must be after from", "to");
  f.before_seq = q.before_seq;
  f.limit = q.limit + 1;  // one extra tells whether there is a next page
  CARECOORD_TRY(rows, store::AuditRepository(uc->conn()).Search(f));
  AuditPage page;
  if (static_cast<int>(rows->size()) > q.limit) {
    rows->resize(static_cast<std::size_t>(q.limit));
    page.next_before_seq = rows->back().seq;
  }
  page.items = std::move(*rows);
  uc->Audit(Action::kReadAuditLog, target);
  return page;
}

}  // namespace carecoord::app
