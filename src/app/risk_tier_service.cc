// SPDX-License-Identifier: Apache-2.0
// Skeleton: the risk tier use cases are being written (issue 5).
#include "app/risk_tier_service.h"

namespace carecoord::app {

RiskTierService::RiskTierService(store::Database& db, const Clock& clock, AuditLog& audit,
                                 PolicyCache& policies, ObligationRefresher& refresher)
    : db_(db), clock_(clock), audit_(audit), policies_(policies), refresher_(refresher) {}

}  // namespace carecoord::app
