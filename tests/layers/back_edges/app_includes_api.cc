// SPDX-License-Identifier: Apache-2.0
// Compiled with carecoord_app's own include roots; must not compile (tests/layers).
#include "api/http.h"
