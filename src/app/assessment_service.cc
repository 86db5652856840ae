// SPDX-License-Identifier: Apache-2.0
// Skeleton: the assessment use cases are being written (issue 5).
#include "app/assessment_service.h"

namespace carecoord::app {

AssessmentService::AssessmentService(store::Database& db, const Clock& clock, AuditLog& audit,
                                     ObligationRefresher& refresher,
                                     const InstrumentCatalog& catalog)
    : db_(db), clock_(clock), audit_(audit), refresher_(refresher), catalog_(catalog) {}

}  // namespace carecoord::app
