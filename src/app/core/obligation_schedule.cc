// SPDX-License-Identifier: Apache-2.0
#include "app/core/obligation_schedule.h"

#include <utility>
#include <vector>

#include "store/obligation_repository.h"

namespace carecoord::app {

ObligationSchedule::ObligationSchedule(store::Database& db, const Clock& clock,
                                       PolicyCache& policies, std::chrono::milliseconds period,
                                       std::chrono::milliseconds first_delay, Log log)
    : db_(db),
      clock_(clock),
      policies_(policies),
      period_(period),
      first_delay_(first_delay),
      log_(std::move(log)),
      thread_([this] { Run(); }) {}

ObligationSchedule::~ObligationSchedule() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void ObligationSchedule::Run() {
  std::chrono::milliseconds wait = first_delay_;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      if (wake_.wait_for(lock, wait, [this] { return stopping_; })) return;
    }
    RebuildAll();
    ++rounds_;
    wait = period_;
  }
}

void ObligationSchedule::RebuildAll() {
  std::vector<store::ProgramInfo> programs;
  {
    auto conn = db_.Acquire();
    if (!conn) {
      log_("obligations: scheduled rebuild skipped: " + conn.error().message);
      return;
    }
    auto all = store::ObligationRepository(**conn).AllPrograms();
    if (!all) {
      log_("obligations: scheduled rebuild skipped: " + all.error().message);
      return;
    }
    programs = std::move(*all);
  }
  for (const store::ProgramInfo& p : programs) {
    {
      std::lock_guard lock(mu_);
      if (stopping_) return;
    }
    const auto started = std::chrono::steady_clock::now();
    auto counts = RebuildProgramObligations(db_, policies_, p.org_id, p.id, clock_.Now(), 1);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    if (!counts) {
      log_("obligations: scheduled rebuild of program " + p.id +
           " failed: " + counts.error().message);
      continue;
    }
    log_("obligations: program " + p.id + " rebuilt: " + std::to_string(counts->episodes) +
         " episodes, " + std::to_string(counts->obligations) + " obligations in " +
         std::to_string(ms) + " ms");
  }
}

}  // namespace carecoord::app
