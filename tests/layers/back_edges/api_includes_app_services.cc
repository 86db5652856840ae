// SPDX-License-Identifier: Apache-2.0
// The control of tests/layers: compiled with carecoord_api's include roots, this keeps to the
// layer table and must compile.
#include "app/services.h"
#include "domain/ids.h"
