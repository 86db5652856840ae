// SPDX-License-Identifier: Apache-2.0
// Compiled with carecoord_domain's own include roots; must not compile (tests/layers).
#include "store/database.h"
