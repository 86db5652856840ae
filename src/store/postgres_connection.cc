// SPDX-License-Identifier: Apache-2.0
#include "store/postgres_connection.h"

#include <array>
#include <string_view>
#include <utility>

namespace carecoord::store::internal {
namespace {

// Built-in type OIDs (catalog/pg_type_d.h, which ships only with the server headers).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

Value ColumnValue(Oid type, const char* text, int length) {
  const std::string_view view(text, static_cast<std::size_t>(length));
  switch (type) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid:
      if (auto v = ParseInt64(view)) return *v;
      break;
    case kBoolOid: return static_cast<std::int64_t>(view == "t" ? 1 : 0);
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid:
      if (auto v = ParseDouble(view)) return *v;
      break;
    default: break;
  }
  return std::string(view);
}

ErrorCode CodeFor(std::string_view sqlstate) {
  const std::string_view cls = sqlstate.substr(0, 2);
  if (cls == "23") return ErrorCode::kConflict;  // integrity constraint violation
  // Connection exceptions, serialization failure, deadlock, lock_timeout, statement_timeout,
  // server shutting down or starting: all worth retrying.
  constexpr std::array<std::string_view, 7> kRetryable = {"40001", "40P01", "55P03", "57014",
                                                          "57P01", "57P02", "57P03"};
  if (cls == "08") return ErrorCode::kUnavailable;
  for (std::string_view s : kRetryable) {
    if (sqlstate == s) return ErrorCode::kUnavailable;
  }
  return ErrorCode::kInternal;
}

// Classes whose primary message speaks of the statement, the schema or the session, never of
// the data: data exceptions (22) quote the offending input and RAISE (P0) says anything.
bool MessageIsSafe(std::string_view sqlstate) {
  constexpr std::array<std::string_view, 14> kSafe = {"08", "0A", "21", "25", "26", "34", "3D",
                                                      "3F", "40", "42", "53", "54", "55", "57"};
  const std::string_view cls = sqlstate.substr(0, 2);
  for (std::string_view s : kSafe) {
    if (cls == s) return true;
  }
  return false;
}

}  // namespace

Result<std::unique_ptr<PostgresConnection>> PostgresConnection::Open(const std::string& url) {
  // expand_dbname=1: the dbname value is the whole URI; later keywords fill what it leaves out.
  const std::array<const char*, 3> keys = {"dbname", "fallback_application_name", nullptr};
  const std::array<const char*, 3> values = {url.c_str(), "carecoord", nullptr};
  PgConnPtr conn(PQconnectdbParams(keys.data(), values.data(), 1));
  if (!conn) return Fail(ErrorCode::kUnavailable, "postgres: out of memory");
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn.get());
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    return Fail(ErrorCode::kUnavailable, "postgres: cannot connect: " + message);
  }
  std::unique_ptr<PostgresConnection> pg(new PostgresConnection(std::move(conn)));
  // NOTICEs (e.g. "relation already exists, skipping") would go to stderr for every statement.
  if (auto r = pg->RunSimple("SET client_min_messages = warning"); !r) {
    return std::unexpected(std::move(r.error()));
  }
  return pg;
}

Error PostgresConnection::ErrorFor(const PGresult* result) {
  if (PQstatus(conn_.get()) != CONNECTION_OK) {
    broken_ = true;
    return Fail(ErrorCode::kUnavailable, "postgres: connection to the server was lost").error();
  }
  // FATAL and PANIC end the session even if libpq has not seen the socket close yet.
  if (const char* severity =
          result ? PQresultErrorField(result, PG_DIAG_SEVERITY_NONLOCALIZED) : nullptr) {
    const std::string_view level(severity);
    if (level == "FATAL" || level == "PANIC") broken_ = true;
  }
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  if (state == nullptr) {
    return Fail(ErrorCode::kInternal, "postgres: statement failed without an SQLSTATE").error();
  }
  const std::string_view sqlstate(state);
  const ErrorCode code = CodeFor(sqlstate);
  std::string message = "postgres: ";
  if (code == ErrorCode::kConflict) {
    // The DETAIL line quotes the conflicting key; the constraint name is enough.
    message += "constraint violation";
    if (const char* name = PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME)) {
      message += std::string(" on ") + name;
    }
  } else if (const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
             primary != nullptr && MessageIsSafe(sqlstate)) {
    message += primary;
  } else {
    message += "statement failed";
  }
  message += " (SQLSTATE " + std::string(sqlstate) + ")";
  return Fail(code, std::move(message)).error();
}

Result<PgResultPtr> PostgresConnection::Check(PGresult* raw) {
  PgResultPtr result(raw);
  if (!result) return std::unexpected(ErrorFor(nullptr));  // out of memory or connection lost
  switch (PQresultStatus(result.get())) {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_EMPTY_QUERY: return result;
    case PGRES_COPY_IN:
    case PGRES_COPY_OUT:
    case PGRES_COPY_BOTH:
      broken_ = true;  // the session is now in COPY mode; close it rather than unwind it
      return Fail(ErrorCode::kInternal, "postgres: COPY is not supported");
    default: return std::unexpected(ErrorFor(result.get()));
  }
}

Result<PgResultPtr> PostgresConnection::RunSimple(const char* sql) {
  return Check(PQexec(conn_.get(), sql));
}

Result<const PostgresConnection::Prepared*> PostgresConnection::Prepare(std::string_view sql) {
  if (auto it = statements_.find(sql); it != statements_.end()) return &it->second;
  if (statements_.size() >= kMaxCachedStatements && RunSimple("DEALLOCATE ALL")) {
    statements_.clear();
  }
  Prepared prepared{"s" + std::to_string(++statements_made_), 0};
  std::string text(sql);
  auto made = Check(PQprepare(conn_.get(), prepared.name.c_str(), text.c_str(), 0, nullptr));
  if (!made) return std::unexpected(std::move(made.error()));
  // One more round trip, once per statement, so a wrong parameter count is reported as the
  // caller's mistake rather than as the server's protocol violation (SQLSTATE 08P01).
  auto described = Check(PQdescribePrepared(conn_.get(), prepared.name.c_str()));
  if (!described) return std::unexpected(std::move(described.error()));
  prepared.param_count = PQnparams(described->get());
  auto [it, inserted] = statements_.emplace(std::move(text), std::move(prepared));
  return &it->second;
}

Result<PgResultPtr> PostgresConnection::RunPrepared(std::string_view sql,
                                                    std::span<const Value> params) {
  auto prepared = Prepare(sql);
  if (!prepared) return std::unexpected(std::move(prepared.error()));
  if (params.size() != static_cast<std::size_t>((*prepared)->param_count)) {
    return Fail(ErrorCode::kInternal,
                "postgres: statement takes " + std::to_string((*prepared)->param_count) +
                    " parameters, " + std::to_string(params.size()) + " given");
  }
  // Parameters travel as text; the server parses them as the types it inferred.
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (std::size_t k = 0; k < params.size(); ++k) {
    const Value& value = params[k];
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
      texts[k] = std::to_string(*i);
      values[k] = texts[k].c_str();
    } else if (const auto* d = std::get_if<double>(&value)) {
      texts[k] = FormatDouble(*d);
      values[k] = texts[k].c_str();
    } else if (const auto* s = std::get_if<std::string>(&value)) {
      if (s->find('\0') != std::string::npos) {
        return Fail(ErrorCode::kInvalidArgument, "postgres: text cannot contain NUL characters");
      }
      values[k] = s->c_str();
    }  // NULL stays nullptr
  }
  return Check(PQexecPrepared(conn_.get(), (*prepared)->name.c_str(),
                              static_cast<int>(params.size()), values.data(), nullptr, nullptr, 0));
}

Result<std::vector<Row>> PostgresConnection::Query(std::string_view sql,
                                                   std::span<const Value> params) {
  auto result = RunPrepared(sql, params);
  if (!result) return std::unexpected(std::move(result.error()));
  PGresult* res = result->get();
  const int row_count = PQntuples(res);
  const int columns = PQnfields(res);
  std::vector<Oid> types(static_cast<std::size_t>(columns));
  auto names = std::make_shared<ColumnNames>();
  names->reserve(static_cast<std::size_t>(columns));
  for (int c = 0; c < columns; ++c) {
    types[static_cast<std::size_t>(c)] = PQftype(res, c);
    names->emplace_back(PQfname(res, c));
  }
  std::vector<Row> rows;
  rows.reserve(static_cast<std::size_t>(row_count));
  for (int r = 0; r < row_count; ++r) {
    std::vector<Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(res, r, c)) {
        values.emplace_back(nullptr);
      } else {
        values.push_back(ColumnValue(types[static_cast<std::size_t>(c)], PQgetvalue(res, r, c),
                                     PQgetlength(res, r, c)));
      }
    }
    rows.emplace_back(std::move(values), names);
  }
  return rows;
}

Result<std::int64_t> PostgresConnection::Execute(std::string_view sql,
                                                 std::span<const Value> params) {
  auto result = RunPrepared(sql, params);
  if (!result) return std::unexpected(std::move(result.error()));
  // PQcmdTuples also counts the rows a SELECT returned; only writes change rows.
  const std::string_view tag = PQcmdStatus(result->get());
  for (std::string_view verb : {"INSERT ", "UPDATE ", "DELETE ", "MERGE "}) {
    if (tag.starts_with(verb)) return ParseInt64(PQcmdTuples(result->get())).value_or(0);
  }
  return 0;
}

Status PostgresConnection::ExecuteScript(std::string_view sql) {
  // Several statements in one simple query run in one implicit transaction when no explicit
  // one is open, so a failing script leaves nothing behind.
  const std::string script(sql);
  auto result = RunSimple(script.c_str());
  if (!result) return std::unexpected(std::move(result.error()));
  return {};
}

Status PostgresConnection::Begin() {
  const PGTransactionStatusType status = TransactionStatus();
  if (status == PQTRANS_INTRANS || status == PQTRANS_INERROR) {
    return Fail(ErrorCode::kInternal, "postgres: a transaction is already open");
  }
  auto result = RunSimple("BEGIN");
  if (!result) return std::unexpected(std::move(result.error()));
  return {};
}

Status PostgresConnection::Commit() {
  const PGTransactionStatusType status = TransactionStatus();
  if (status == PQTRANS_IDLE) return Fail(ErrorCode::kInternal, "postgres: no transaction is open");
  if (status == PQTRANS_INERROR) {
    // COMMIT would answer "ROLLBACK" with success; say what happened instead.
    (void)Rollback();
    return Fail(ErrorCode::kInternal,
                "postgres: transaction rolled back because a statement in it failed");
  }
  auto result = RunSimple("COMMIT");
  if (!result) return std::unexpected(std::move(result.error()));
  return {};
}

Status PostgresConnection::Rollback() {
  const PGTransactionStatusType status = TransactionStatus();
  if (status != PQTRANS_INTRANS && status != PQTRANS_INERROR) return {};
  auto result = RunSimple("ROLLBACK");
  if (!result) return std::unexpected(std::move(result.error()));
  return {};
}

bool PostgresConnection::ResetForReuse() {
  if (broken_ || PQstatus(conn_.get()) != CONNECTION_OK) return false;
  (void)Rollback();
  return !broken_ && PQstatus(conn_.get()) == CONNECTION_OK && TransactionStatus() == PQTRANS_IDLE;
}

}  // namespace carecoord::store::internal
