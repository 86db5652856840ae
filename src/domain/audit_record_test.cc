// SPDX-License-Identifier: Apache-2.0
#include "domain/audit_record.h"

#include <gtest/gtest.h>

namespace carecoord {
namespace {

AuditRecord Sample() {
  AuditRecord r;
  r.org_id = "org";
  r.seq = 7;
  r.id = "id";
  r.occurred_at = FromMillis(1234);
  r.actor_id = "u1";
  r.actor_username = "casey";
  r.role = "care_coordinator";
  r.action = "account.read";
  r.resource_type = "user";
  r.resource_id = "u1";
  return r;
}

TEST(AuditRecordTest, EveryFieldAndThePredecessorChangeTheBytes) {
  const AuditRecord base = Sample();
  const std::string bytes = CanonicalAuditBytes(base, kAuditGenesisHash);
  EXPECT_NE(bytes, CanonicalAuditBytes(base, std::string(64, '1')));
  auto changed = [&](auto mutate) {
    AuditRecord r = base;
    mutate(r);
    return CanonicalAuditBytes(r, kAuditGenesisHash) != bytes;
  };
  EXPECT_TRUE(changed([](AuditRecord& r) { r.seq = 8; }));
  EXPECT_TRUE(changed([](AuditRecord& r) { r.occurred_at = FromMillis(1235); }));
  EXPECT_TRUE(changed([](AuditRecord& r) { r.outcome = AuditOutcome::kDenied; }));
  EXPECT_TRUE(changed([](AuditRecord& r) { r.reason = "x"; }));
  EXPECT_TRUE(changed([](AuditRecord& r) { r.participant_id = "p"; }));
}

TEST(AuditRecordTest, LengthPrefixesKeepFieldBoundaries) {
  AuditRecord a = Sample(), b = Sample();
  a.resource_type = "ab";
  a.resource_id = "c";
  b.resource_type = "a";
  b.resource_id = "bc";
  EXPECT_NE(CanonicalAuditBytes(a, kAuditGenesisHash), CanonicalAuditBytes(b, kAuditGenesisHash));
}

}  // namespace
}  // namespace carecoord
