// SPDX-License-Identifier: Apache-2.0
// Compiled with carecoord_store's own include roots; must not compile (tests/layers).
#include "app/core/context.h"
