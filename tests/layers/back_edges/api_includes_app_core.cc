// SPDX-License-Identifier: Apache-2.0
// Compiled with carecoord_api's own include roots; app's core sees the store, so this must not
// compile either (tests/layers).
#include "app/core/runner.h"
