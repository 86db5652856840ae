// SPDX-License-Identifier: Apache-2.0
#include "store/database.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "store/driver_support.h"
#include "store/postgres_database.h"
#include "store/sqlite_database.h"

namespace carecoord::store {
namespace {

template <typename... F>
struct Overloaded : F... {
  using F::operator()...;
};

std::int64_t DoubleToInt(double value) {
  // Out-of-range or NaN conversions are undefined behaviour; saturate instead.
  if (std::isnan(value)) return 0;
  constexpr double kLimit = 9223372036854775808.0;  // 2^63
  if (value >= kLimit) return std::numeric_limits<std::int64_t>::max();
  if (value < -kLimit) return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(value);
}

}  // namespace

bool Row::IsNull(std::size_t i) const {
  return std::holds_alternative<std::nullptr_t>(at(i));
}

std::int64_t Row::Int(std::size_t i) const {
  return std::visit(Overloaded{
                        [](std::nullptr_t) -> std::int64_t { return 0; },
                        [](std::int64_t v) { return v; },
                        [](double v) { return DoubleToInt(v); },
                        [](const std::string& v) -> std::int64_t {
                          if (auto parsed = internal::ParseInt64(v)) return *parsed;
                          if (auto real = internal::ParseDouble(v)) return DoubleToInt(*real);
                          return 0;
                        },
                    },
                    at(i));
}

double Row::Real(std::size_t i) const {
  return std::visit(Overloaded{
                        [](std::nullptr_t) { return 0.0; },
                        [](std::int64_t v) { return static_cast<double>(v); },
                        [](double v) { return v; },
                        [](const std::string& v) { return internal::ParseDouble(v).value_or(0.0); },
                    },
                    at(i));
}

std::string Row::Text(std::size_t i) const {
  return std::visit(Overloaded{
                        [](std::nullptr_t) { return std::string(); },
                        [](std::int64_t v) { return std::to_string(v); },
                        [](double v) { return internal::FormatDouble(v); },
                        [](const std::string& v) { return v; },
                    },
                    at(i));
}

std::optional<std::string> Row::OptText(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

std::optional<std::int64_t> Row::OptInt(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

std::size_t Row::IndexOf(std::string_view column) const {
  // The whole list is searched: a name two columns share (`o.name, p.name`) would otherwise
  // read the first of them without notice, so it is refused like a missing one.
  std::optional<std::size_t> found;
  if (columns_ != nullptr) {
    for (std::size_t i = 0; i < columns_->size(); ++i) {
      if ((*columns_)[i] != column) continue;
      if (found) {
        throw std::out_of_range("the result has two columns named " + std::string(column) +
                                "; alias one of them");
      }
      found = i;
    }
  }
  if (!found) throw std::out_of_range("the result has no column named " + std::string(column));
  return *found;
}

std::optional<Instant> Row::OptTime(std::string_view column) const {
  const std::size_t i = IndexOf(column);
  if (IsNull(i)) return std::nullopt;
  return FromMillis(Int(i));
}

Result<Row> Connection::QueryOne(std::string_view sql, std::span<const Value> params) {
  auto rows = Query(sql, params);
  if (!rows) return std::unexpected(std::move(rows.error()));
  if (rows->empty()) return Fail(ErrorCode::kNotFound, "no matching row");
  return std::move(rows->front());
}

PooledConnection::PooledConnection(std::unique_ptr<Connection> conn,
                                   std::function<void(std::unique_ptr<Connection>)> give_back)
    : conn_(std::move(conn)), give_back_(std::move(give_back)) {}

PooledConnection& PooledConnection::operator=(PooledConnection&& other) noexcept {
  if (this != &other) {
    GiveBack();
    conn_ = std::move(other.conn_);
    give_back_ = std::move(other.give_back_);
  }
  return *this;
}

PooledConnection::~PooledConnection() {
  GiveBack();
}

void PooledConnection::GiveBack() {
  if (conn_ && give_back_) {
    give_back_(std::move(conn_));
  }
  conn_.reset();  // no pool to return to: close it
  give_back_ = nullptr;
}

Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url,
                                               const DatabaseOptions& options) {
  if (options.pool_size < 0) {
    return Fail(ErrorCode::kInvalidArgument, "pool size must not be negative");
  }
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.starts_with(kSqlite)) {
    return OpenSqliteDatabase(url.substr(kSqlite.size()), options);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return OpenPostgresDatabase(url, options);
  }
  return Fail(ErrorCode::kInvalidArgument,
              "database URL must start with sqlite:, postgresql:// or postgres://", "database_url");
}

Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url, int pool_size) {
  return OpenDatabase(url, DatabaseOptions{.pool_size = pool_size});
}

}  // namespace carecoord::store
