// SPDX-License-Identifier: Apache-2.0
#pragma once

// Names the use-case headers (app/*.h) hold by reference without seeing the store: a service
// keeps a Runner& (app/core/runner.h), the one way to the database, and the obligation engine
// (app/core/obligation_engine.h) it refreshes in each write; only its .cc includes them.
namespace carecoord::app {
class ObligationRefresher;
class PolicyCache;
namespace core {
class Runner;
}  // namespace core
}  // namespace carecoord::app
