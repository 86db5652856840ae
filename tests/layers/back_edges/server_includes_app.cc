// SPDX-License-Identifier: Apache-2.0
// Compiled with carecoord_server's own include roots; must not compile (tests/layers).
#include "app/services.h"
