// SPDX-License-Identifier: Apache-2.0
// Throughput of the audit log's group commit: N threads each waiting for their event to be
// durable, as request threads do. Run: build/release/bench/audit_log_bench [--benchmark_filter=...]
// with CARECOORD_BENCH_DB=postgresql://... to measure PostgreSQL instead of a temporary SQLite
// file.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "app/core/audit_log.h"
#include "app/core/crypto.h"
#include "store/database.h"
#include "store/migrations.h"

namespace carecoord {
namespace {

struct BenchDatabase {
  BenchDatabase() {
    const char* url = std::getenv("CARECOORD_BENCH_DB");
    if (url != nullptr) {
      db = store::OpenDatabase(url).value();
    } else {
      dir = std::filesystem::temp_directory_path() /
            ("carecoord-bench-" + app::NewToken().substr(0, 8));
      std::filesystem::create_directories(dir);
      db = store::OpenDatabase("sqlite:" + (dir / "bench.db").string()).value();
    }
    if (!store::Migrate(*db)) std::abort();
    audit = std::make_unique<app::AuditLog>(*db);
  }
  ~BenchDatabase() {
    audit.reset();
    db.reset();
    if (!dir.empty()) std::filesystem::remove_all(dir);
  }
  std::filesystem::path dir;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<app::AuditLog> audit;
};

BenchDatabase& Shared() {
  static BenchDatabase instance;
  return instance;
}

AuditRecord Event() {
  AuditRecord e;
  e.org_id = "bench-org";
  e.occurred_at = FromMillis(1'795'000'000'000);
  e.actor_id = "01930000-0000-7000-8000-000000000001";
  e.actor_username = "coordinator";
  e.role = "care_coordinator";
  e.program_id = "01930000-0000-7000-8000-000000000002";
  e.action = "account.read";
  e.resource_type = "user";
  e.resource_id = e.actor_id;
  return e;
}

void BM_AuditRecordDurable(benchmark::State& state) {
  app::AuditLog& audit = *Shared().audit;
  for (auto _ : state) {
    if (!audit.Record({Event()})) state.SkipWithError("audit record failed");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AuditRecordDurable)->ThreadRange(1, 64)->UseRealTime();

}  // namespace
}  // namespace carecoord

BENCHMARK_MAIN();
