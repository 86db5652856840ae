// SPDX-License-Identifier: Apache-2.0
// Skeleton: the care plan use cases are being written (issue 5).
#include "app/care_plan_service.h"

namespace carecoord::app {

CarePlanService::CarePlanService(store::Database& db, const Clock& clock, AuditLog& audit,
                                 ObligationRefresher& refresher)
    : db_(db), clock_(clock), audit_(audit), refresher_(refresher) {}

}  // namespace carecoord::app
