// SPDX-License-Identifier: Apache-2.0
#include "support/test_database.h"

#include <stdlib.h>  // mkdtemp

#include <cstdlib>
#include <random>
#include <system_error>
#include <utility>

#include "store/migrations.h"

namespace carecoord::test_support {
namespace {

constexpr char kPgUrlVariable[] = "CARECOORD_TEST_PG_URL";
constexpr char kRequirePgVariable[] = "CARECOORD_REQUIRE_PG";

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value ? std::string(value) : std::string();
}

std::string RandomSuffix() {
  std::random_device device;
  std::mt19937_64 engine((static_cast<std::uint64_t>(device()) << 32) ^ device());
  constexpr char kHex[] = "0123456789abcdef";
  std::string suffix;
  std::uint64_t bits = engine();
  for (int i = 0; i < 16; ++i, bits >>= 4) suffix.push_back(kHex[bits & 0xf]);
  return suffix;
}

// Stands in for a database that could not be set up: every Acquire fails with the setup error,
// so the test fails at its first use instead of crashing the whole test binary.
class UnavailableDatabase final : public store::Database {
 public:
  UnavailableDatabase(store::Dialect dialect, std::string message)
      : dialect_(dialect), message_(std::move(message)) {}
  store::Dialect dialect() const override { return dialect_; }
  Result<store::PooledConnection> Acquire() override {
    return Fail(ErrorCode::kUnavailable, message_);
  }

 private:
  store::Dialect dialect_;
  std::string message_;
};

}  // namespace

std::vector<std::string> DriversUnderTest() {
  std::vector<std::string> drivers = {"sqlite"};
  if (!Env(kPgUrlVariable).empty() || Env(kRequirePgVariable) == "1") {
    drivers.emplace_back("postgres");
  }
  return drivers;
}

std::string DriverTestName(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

TestDatabase::TestDatabase(std::string_view driver, TestDatabaseOptions options) : driver_(driver) {
  if (driver_ == "sqlite") {
    SetUpSqlite();
  } else if (driver_ == "postgres") {
    SetUpPostgres();
  } else {
    SetUpFailed("unknown database driver \"" + driver_ + "\" (expected sqlite or postgres)");
  }
  if (db_) return;  // set up failed

  auto db = store::OpenDatabase(url_, options.database);
  if (!db) {
    SetUpFailed("cannot open the test database: " + db.error().message);
    return;
  }
  if (options.migrate) {
    if (auto migrated = store::Migrate(**db); !migrated) {
      SetUpFailed("cannot migrate the test database: " + migrated.error().message);
      return;
    }
  }
  db_ = std::move(*db);
}

void TestDatabase::SetUpSqlite() {
  std::error_code ec;
  std::string pattern =
      (std::filesystem::temp_directory_path(ec) / "carecoord-test-XXXXXX").string();
  if (ec) return SetUpFailed("no temporary directory: " + ec.message());
  if (mkdtemp(pattern.data()) == nullptr) {
    return SetUpFailed("cannot create a temporary directory under " + pattern);
  }
  temp_dir_ = pattern;
  url_ = "sqlite:" + (temp_dir_ / "test.db").string();
}

void TestDatabase::SetUpPostgres() {
  const std::string base = Env(kPgUrlVariable);
  if (base.empty()) {
    return SetUpFailed(std::string(kRequirePgVariable) + "=1 but " + kPgUrlVariable +
                       " is not set: start a server with `scripts/pg-test-cluster start DIR` "
                       "and export the URL it prints");
  }
  auto admin = store::OpenDatabase(base, 1);
  if (!admin) {
    return SetUpFailed(std::string("cannot reach ") + kPgUrlVariable + ": " +
                       admin.error().message);
  }
  admin_ = std::move(*admin);
  auto conn = admin_->Acquire();
  if (!conn) return SetUpFailed("cannot reach the PostgreSQL server: " + conn.error().message);
  const std::string schema = "t_" + RandomSuffix();
  if (auto made = (*conn)->Execute("CREATE SCHEMA " + schema); !made) {
    return SetUpFailed("cannot create schema " + schema + ": " + made.error().message);
  }
  schema_ = schema;
  // libpq passes `options` to the server for every connection of the pool; %3D is "=".
  url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         schema_;
}

void TestDatabase::SetUpFailed(std::string message) {
  const std::string failure = "TestDatabase(" + driver_ + "): " + std::move(message);
  ADD_FAILURE() << failure;
  db_ = std::make_unique<UnavailableDatabase>(
      driver_ == "postgres" ? store::Dialect::kPostgres : store::Dialect::kSqlite, failure);
}

TestDatabase::~TestDatabase() {
  db_.reset();  // close every pooled connection before removing what they use
  if (!temp_dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(temp_dir_, ec);
    if (ec) ADD_FAILURE() << "cannot remove " << temp_dir_ << ": " << ec.message();
  }
  if (admin_ && !schema_.empty()) {
    auto conn = admin_->Acquire();
    if (!conn) {
      ADD_FAILURE() << "cannot drop schema " << schema_ << ": " << conn.error().message;
    } else if (auto dropped = (*conn)->Execute("DROP SCHEMA " + schema_ + " CASCADE"); !dropped) {
      ADD_FAILURE() << "cannot drop schema " << schema_ << ": " << dropped.error().message;
    }
  }
}

store::Database& TestDatabase::db() {
  return *db_;
}

}  // namespace carecoord::test_support
