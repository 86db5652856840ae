// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/error.h"
#include "store/database.h"

namespace carecoord::app {

// Ok when a connection can be had and answers a trivial query; kUnavailable otherwise.
Status CheckHealth(store::Database& db);

}  // namespace carecoord::app
