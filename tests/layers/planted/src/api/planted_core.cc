// SPDX-License-Identifier: Apache-2.0
// A planted edge for tests/layers: api including app's enforcement core, which sees the store.
#include "app/core/runner.h"
