// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "app/core/clock.h"
#include "app/core/obligation_engine.h"
#include "store/database.h"

namespace carecoord::app {

// Keeps every program's obligations rolling forward while the server runs. A write refreshes
// its own episode, and the table holds windows only up to the policy's horizon_days ahead, so an
// episode nobody wrote to for that long would lose its next windows — a monthly visit would
// pass as missed without ever reaching a worklist. Every `period` (first after `first_delay`)
// a background thread rebuilds each program with one evaluator, leaving the other cores to
// requests (docs/worklists.md "Materialised"). Stops and joins on destruction.
class ObligationSchedule {
 public:
  using Log = std::function<void(const std::string& message)>;

  ObligationSchedule(store::Database& db, const Clock& clock, PolicyCache& policies,
                     std::chrono::milliseconds period, std::chrono::milliseconds first_delay,
                     Log log);
  ~ObligationSchedule();
  ObligationSchedule(const ObligationSchedule&) = delete;
  ObligationSchedule& operator=(const ObligationSchedule&) = delete;

  // Rounds finished (each over every program), for tests and health checks.
  std::uint64_t rounds_completed() const { return rounds_.load(); }

 private:
  void Run();
  void RebuildAll();

  store::Database& db_;
  const Clock& clock_;
  PolicyCache& policies_;
  const std::chrono::milliseconds period_;
  const std::chrono::milliseconds first_delay_;
  Log log_;
  std::atomic<std::uint64_t> rounds_{0};
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts after every member above is ready
};

}  // namespace carecoord::app
