// SPDX-License-Identifier: Apache-2.0
// Server-side latency of one coordinator's worklist (ObligationService::WorklistFor: the
// session's actor, the indexed read of the materialised obligations, the program calendar
// buckets and the read's audit event made durable, as the HTTP handler does), on a database
// loaded by `carecoord demo --participants N`. Prints p50/p90/p99/max over ITERATIONS calls.
//
//   worklist_bench DB_URL USERNAME PASSWORD [ITERATIONS=2000]
//
// bench/obligations/run calls it; docs/PERFORMANCE.md records the figures.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/runner.h"
#include "app/services.h"
#include "store/database.h"

int main(int argc, char** argv) {
  using namespace carecoord;
  if (argc < 4) {
    std::fprintf(stderr, "usage: worklist_bench DB_URL USERNAME PASSWORD [ITERATIONS]\n");
    return 2;
  }
  const int iterations = argc > 4 ? std::max(1, std::atoi(argv[4])) : 2000;
  auto db = store::OpenDatabase(argv[1]);
  if (!db) {
    std::fprintf(stderr, "worklist_bench: %s\n", db.error().message.c_str());
    return 1;
  }
  app::SystemClock clock;
  app::core::Runner runner(**db, clock);
  app::Services services(runner);
  auto signed_in = services.auth.SignIn(argv[2], argv[3]);
  if (!signed_in) {
    std::fprintf(stderr, "worklist_bench: sign-in failed: %s\n", signed_in.error().message.c_str());
    return 1;
  }
  std::vector<double> micros;
  micros.reserve(static_cast<std::size_t>(iterations));
  std::size_t items = 0;
  for (int i = 0; i < iterations + 50; ++i) {  // the first 50 warm the caches and are dropped
    app::Context ctx;
    ctx.actor = signed_in->actor;
    const auto start = std::chrono::steady_clock::now();
    auto list = services.obligations.WorklistFor(ctx);
    if (!list) {
      std::fprintf(stderr, "worklist_bench: %s\n", list.error().message.c_str());
      return 1;
    }
    if (auto st = runner.audit().Record(std::move(ctx.read_events)); !st) {
      std::fprintf(stderr, "worklist_bench: audit: %s\n", st.error().message.c_str());
      return 1;
    }
    const auto end = std::chrono::steady_clock::now();
    items = list->items.size();
    if (i >= 50) micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
  }
  std::sort(micros.begin(), micros.end());
  auto at = [&](double q) {
    return micros[std::min(micros.size() - 1,
                           static_cast<std::size_t>(q * static_cast<double>(micros.size())))];
  };
  std::printf("worklist of %s: %zu items, %d calls\n", argv[2], items, iterations);
  std::printf("p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms\n", at(0.50) / 1000,
              at(0.90) / 1000, at(0.99) / 1000, micros.back() / 1000);
  return 0;
}
