// SPDX-License-Identifier: Apache-2.0
// Skeleton: the catalog loader is being written (issue 5).
#include "app/instrument_catalog.h"

namespace carecoord::app {

const InstrumentCatalog& InstrumentCatalog::BuiltIn() {
  static const InstrumentCatalog catalog;
  return catalog;
}

}  // namespace carecoord::app
