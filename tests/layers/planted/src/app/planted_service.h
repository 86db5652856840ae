// SPDX-License-Identifier: Apache-2.0
// A planted leak for tests/layers: a use-case header (api may include it) naming a store type.
#pragma once
namespace carecoord::app {
struct PlantedService {
  store::Connection* conn;
};
}  // namespace carecoord::app
