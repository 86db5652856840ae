// SPDX-License-Identifier: Apache-2.0
// The API in process: authentication, CSRF, problem+json errors, and that a response leaves
// only after its audit events are stored. (Over-HTTP tests live in tests/http/.)
#include <boost/json.hpp>

#include <future>

#include "api/api.h"
#include "app_fixture.h"
#include "store/audit_repository.h"

namespace carecoord::tests {
namespace {

class ApiTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    api_ = std::make_unique<api::Api>(*services_);
  }
  void TearDown() override { api_.reset(); }

  api::Response Send(std::string method, std::string target, std::string body = {},
                     std::vector<api::Header> headers = {}) {
    api::Request req;
    req.method = std::move(method);
    req.target = std::move(target);
    req.body = std::move(body);
    req.headers = std::move(headers);
    if (!req.body.empty() && req.HeaderValue("content-type").empty()) {
      req.headers.push_back({"content-type", "application/json"});
    }
    std::promise<api::Response> promise;
    auto future = promise.get_future();
    api_->Handle(std::move(req), [&promise](api::Response r) { promise.set_value(std::move(r)); });
    return future.get();
  }
  static boost::json::object Json(const api::Response& r) {
    return boost::json::parse(r.body).as_object();
  }
  static std::string_view Header(const api::Response& r, std::string_view name) {
    for (const auto& h : r.headers) {
      if (h.name == name) return h.value;
    }
    return {};
  }
  std::int64_t AuditCount() {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    auto row = (*conn)->QueryOne("SELECT COUNT(*) FROM audit_events");
    EXPECT_TRUE(row);
    return row ? row->Int(0) : -1;
  }
  api::Response Login(const std::string& username) {
    return Send("POST", "/api/v1/auth/login",
                R"({"username":")" + username + R"(","password":")" + kPassword + R"("})");
  }

  std::unique_ptr<api::Api> api_;
};

TEST_P(ApiTest, NoSessionIs401ProblemJson) {
  auto r = Send("GET", "/api/v1/me");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(Header(r, "content-type"), "application/problem+json");
  EXPECT_EQ(Json(r).at("status").as_int64(), 401);
}

TEST_P(ApiTest, MalformedJsonIs400NamingTheBody) {
  auto r = Send("POST", "/api/v1/auth/login", "{\"username\": ");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Json(r).at("field").as_string(), "body");
  auto missing = Send("POST", "/api/v1/auth/login", R"({"password":"x"})");
  EXPECT_EQ(Json(missing).at("field").as_string(), "username");
  auto typo =
      Send("POST", "/api/v1/auth/login", R"({"username":"a","password":"b","pasword":"c"})");
  EXPECT_EQ(Json(typo).at("field").as_string(), "pasword");
  auto not_json =
      Send("POST", "/api/v1/auth/login", "username=a", {{"content-type", "text/plain"}});
  EXPECT_EQ(not_json.status, 400);
  EXPECT_EQ(Json(not_json).at("field").as_string(), "content-type");
}

TEST_P(ApiTest, SignInSetsAStrictHttpOnlyCookieAndTheBearerWorks) {
  auto r = Login("care_coordinator");
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string cookie(Header(r, "set-cookie"));
  EXPECT_NE(cookie.find("carecoord_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  const std::string token(Json(r).at("token").as_string());
  auto me = Send("GET", "/api/v1/me", {}, {{"authorization", "Bearer " + token}});
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(Json(me).at("username").as_string(), "care_coordinator");
  EXPECT_FALSE(Json(me).contains("csrf_token"));  // bearer clients need none
}

TEST_P(ApiTest, CookieSessionsNeedTheCsrfTokenForUnsafeMethods) {
  auto r = Login("admin");
  const std::string token(Json(r).at("token").as_string());
  const std::string csrf(Json(r).at("csrf_token").as_string());
  const api::Header cookie{"cookie", "theme=dark; carecoord_session=" + token};
  auto me = Send("GET", "/api/v1/me", {}, {cookie});
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(Json(me).at("csrf_token").as_string(), csrf);
  auto without = Send("POST", "/api/v1/auth/logout", {}, {cookie});
  EXPECT_EQ(without.status, 403);
  EXPECT_EQ(Json(without).at("field").as_string(), "X-CSRF-Token");
  auto wrong = Send("POST", "/api/v1/auth/logout", {}, {cookie, {"x-csrf-token", "forged"}});
  EXPECT_EQ(wrong.status, 403);
  auto ok = Send("POST", "/api/v1/auth/logout", {}, {cookie, {"x-csrf-token", csrf}});
  EXPECT_EQ(ok.status, 204);
  EXPECT_EQ(Send("GET", "/api/v1/me", {}, {cookie}).status, 401);
}

TEST_P(ApiTest, ReadsAreAuditedBeforeTheResponseLeaves) {
  auto r = Login("nurse_care_manager");
  const std::string token(Json(r).at("token").as_string());
  const std::int64_t before = AuditCount();
  auto me = Send("GET", "/api/v1/me", {}, {{"authorization", "Bearer " + token}});
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(AuditCount(), before + 1);
}

TEST_P(ApiTest, ACoordinatorOnAnAdminRouteGets403AndTheAttemptIsAudited) {
  auto r = Login("care_coordinator");
  const std::string token(Json(r).at("token").as_string());
  const std::int64_t before = AuditCount();
  auto users = Send("GET", "/api/v1/users", {}, {{"authorization", "Bearer " + token}});
  EXPECT_EQ(users.status, 403);
  EXPECT_EQ(Header(users, "content-type"), "application/problem+json");
  EXPECT_EQ(AuditCount(), before + 1);
}

// Issue 11: the role decides before the body, the If-Match or the Idempotency-Key is looked at,
// so a caller who may not use the route learns nothing of what it expects; the refusal is
// audited like any other.
TEST_P(ApiTest, TheRoleIsCheckedBeforeTheBodyAndTheHeaders) {
  auto r = Login("care_coordinator");
  const api::Header bearer{"authorization",
                           "Bearer " + std::string(Json(r).at("token").as_string())};
  const std::int64_t before = AuditCount();
  auto create = Send("POST", "/api/v1/users", "{}", {bearer});
  EXPECT_EQ(create.status, 403) << create.body;
  EXPECT_FALSE(Json(create).contains("field")) << create.body;
  EXPECT_EQ(AuditCount(), before + 1);
  EXPECT_EQ(Send("POST", "/api/v1/users", "{\"username\": ", {bearer}).status, 403);
  EXPECT_EQ(
      Send("POST", "/api/v1/users", "{}", {bearer, {"idempotency-key", std::string(300, 'k')}})
          .status,
      403);
  EXPECT_EQ(Send("PATCH", "/api/v1/users/" + std::string(Json(r).at("user").at("id").as_string()),
                 "{}", {bearer})
                .status,
            403);  // not 428 for the missing If-Match
}

TEST_P(ApiTest, UpdatesNeedIfMatch) {
  auto r = Login("admin");
  const api::Header bearer{"authorization",
                           "Bearer " + std::string(Json(r).at("token").as_string())};
  const std::string id(Json(r).at("user").at("id").as_string());
  auto get = Send("GET", "/api/v1/users/" + id, {}, {bearer});
  ASSERT_EQ(get.status, 200);
  EXPECT_EQ(Header(get, "etag"), "\"1\"");
  EXPECT_EQ(Send("PATCH", "/api/v1/users/" + id, R"({"display_name":"A"})", {bearer}).status, 428);
  EXPECT_EQ(Send("PATCH", "/api/v1/users/" + id, R"({"display_name":"A"})",
                 {bearer, {"if-match", "\"7\""}})
                .status,
            412);
  EXPECT_EQ(Send("PATCH", "/api/v1/users/" + id, R"({"display_name":"A"})",
                 {bearer, {"if-match", "seven"}})
                .status,
            400);
  auto ok = Send("PATCH", "/api/v1/users/" + id, R"({"display_name":"A"})",
                 {bearer, {"if-match", "\"1\""}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Header(ok, "etag"), "\"2\"");
}

TEST_P(ApiTest, MalformedIdsAreNotFoundButOnlyAfterTheAccessCheck) {
  auto admin = Login("admin");
  const api::Header as_admin{"authorization",
                             "Bearer " + std::string(Json(admin).at("token").as_string())};
  EXPECT_EQ(Send("GET", "/api/v1/users/" + std::string(300, 'x'), {}, {as_admin}).status, 404);
  auto coordinator = Login("care_coordinator");
  const api::Header as_coordinator{
      "authorization", "Bearer " + std::string(Json(coordinator).at("token").as_string())};
  EXPECT_EQ(Send("GET", "/api/v1/users/not-an-id", {}, {as_coordinator}).status, 403);
}

TEST_P(ApiTest, UnknownRoutesAndMethods) {
  EXPECT_EQ(Send("GET", "/api/v1/nothing").status, 404);
  auto wrong_method = Send("DELETE", "/api/v1/me");
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_EQ(Header(wrong_method, "allow"), "GET");
  EXPECT_EQ(Send("GET", "/api/v1/audit?limit=%zz").status, 400);
}

TEST_P(ApiTest, AuditQueryValidation) {
  auto r = Login("auditor");
  const api::Header bearer{"authorization",
                           "Bearer " + std::string(Json(r).at("token").as_string())};
  EXPECT_EQ(Json(Send("GET", "/api/v1/audit?limit=0", {}, {bearer})).at("field").as_string(),
            "limit");
  EXPECT_EQ(Json(Send("GET", "/api/v1/audit?from=yesterday", {}, {bearer})).at("field").as_string(),
            "from");
  auto long_id = Send("GET", "/api/v1/audit?user_id=" + std::string(65, 'a'), {}, {bearer});
  EXPECT_EQ(Json(long_id).at("field").as_string(), "user_id");
  auto page = Send("GET", "/api/v1/audit?from=2026-11-01&to=2026-11-30&limit=5", {}, {bearer});
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_GE(Json(page).at("items").as_array().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Drivers, ApiTest, ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
