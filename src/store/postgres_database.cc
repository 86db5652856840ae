// SPDX-License-Identifier: Apache-2.0
#include "store/postgres_database.h"

#include <libpq-fe.h>

#include <string>
#include <utility>

#include "store/connection_pool.h"
#include "store/driver_support.h"
#include "store/postgres_connection.h"

namespace carecoord::store {
namespace {

using internal::PostgresConnection;

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, const DatabaseOptions& options)
      : url_(std::move(url)),
        pool_(
            static_cast<std::size_t>(options.pool_size > 0 ? options.pool_size
                                                           : internal::DefaultPoolSize()),
            options.acquire_timeout,
            [this]() -> Result<std::unique_ptr<Connection>> {
              auto conn = PostgresConnection::Open(url_);
              if (!conn) return std::unexpected(std::move(conn.error()));
              return std::unique_ptr<Connection>(std::move(*conn));
            },
            [](Connection& conn) {
              // Every connection in this pool was made by the factory above.
              return static_cast<PostgresConnection&>(conn).ResetForReuse();
            }) {}

  Dialect dialect() const override { return Dialect::kPostgres; }
  Result<PooledConnection> Acquire() override { return pool_.Acquire(); }

 private:
  const std::string url_;
  internal::ConnectionPool pool_;
};

struct ConninfoFree {
  void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};
struct PqFree {
  void operator()(char* p) const { PQfreemem(p); }
};

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgresDatabase(std::string_view url,
                                                       const DatabaseOptions& options) {
  std::string conninfo(url);
  // Parse first so a malformed URL is the caller's error, not an unreachable server.
  char* raw_error = nullptr;
  std::unique_ptr<PQconninfoOption, ConninfoFree> parsed(
      PQconninfoParse(conninfo.c_str(), &raw_error));
  std::unique_ptr<char, PqFree> error(raw_error);
  if (!parsed) {
    std::string message = error ? error.get() : "out of memory";
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return Fail(ErrorCode::kInvalidArgument, "postgres: invalid database URL: " + message,
                "database_url");
  }
  auto db = std::make_unique<PostgresDatabase>(std::move(conninfo), options);
  // Connect once now so an unreachable server fails here, not on first use; it stays pooled.
  if (auto first = db->Acquire(); !first) return std::unexpected(std::move(first.error()));
  return db;
}

}  // namespace carecoord::store
