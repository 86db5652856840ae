// SPDX-License-Identifier: Apache-2.0
#pragma once

// The PostgreSQL driver's Connection. Internal to store/: use OpenPostgresDatabase.

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/database.h"
#include "store/driver_support.h"

namespace carecoord::store::internal {

struct PgConnCloser {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
using PgConnPtr = std::unique_ptr<PGconn, PgConnCloser>;

struct PgResultClearer {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResultPtr = std::unique_ptr<PGresult, PgResultClearer>;

// One libpq connection with its prepared statements (named s1, s2, ... and cached by SQL text).
class PostgresConnection final : public Connection {
 public:
  // Connects to `url` and applies the session settings. kUnavailable when that fails.
  static Result<std::unique_ptr<PostgresConnection>> Open(const std::string& url);

  Dialect dialect() const override { return Dialect::kPostgres; }
  Result<std::vector<Row>> Query(std::string_view sql, std::span<const Value> params) override;
  Result<std::int64_t> Execute(std::string_view sql, std::span<const Value> params) override;
  Status ExecuteScript(std::string_view sql) override;
  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;

  // Pool hook: rolls back an open or failed transaction. False when the connection is broken
  // or not idle afterwards and must be closed.
  bool ResetForReuse();

 private:
  // A server-side prepared statement and how many parameters it takes.
  struct Prepared {
    std::string name;
    int param_count = 0;
  };

  explicit PostgresConnection(PgConnPtr conn) : conn_(std::move(conn)) {}
  Result<const Prepared*> Prepare(std::string_view sql);
  Result<PgResultPtr> RunPrepared(std::string_view sql, std::span<const Value> params);
  // Runs parameterless SQL (one or several statements) with the simple query protocol.
  Result<PgResultPtr> RunSimple(const char* sql);
  Result<PgResultPtr> Check(PGresult* raw);
  Error ErrorFor(const PGresult* result);
  PGTransactionStatusType TransactionStatus() const { return PQtransactionStatus(conn_.get()); }

  PgConnPtr conn_;
  bool broken_ = false;  // left in a state we cannot use again (COPY, lost connection)
  std::uint64_t statements_made_ = 0;
  std::unordered_map<std::string, Prepared, StringHash, std::equal_to<>> statements_;
};

}  // namespace carecoord::store::internal
