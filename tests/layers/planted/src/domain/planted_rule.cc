// SPDX-License-Identifier: Apache-2.0
// A planted back edge for tests/layers: a pure rule reaching for the database.
#include "store/database.h"
