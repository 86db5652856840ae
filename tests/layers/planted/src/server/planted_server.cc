// SPDX-License-Identifier: Apache-2.0
// A planted back edge for tests/layers: the server calling a use case directly.
#include "app/services.h"
