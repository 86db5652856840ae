// SPDX-License-Identifier: Apache-2.0
// A planted back edge for tests/layers: api reaching into the store.
#include "store/database.h"
