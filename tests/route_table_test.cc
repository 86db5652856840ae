// SPDX-License-Identifier: Apache-2.0
// Walks the route table: every route has a permission rule, every route × role decision is the
// one written down here, and the OpenAPI document describes exactly these routes.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>
#include <set>

#include "api/openapi.h"
#include "api/router.h"
#include "domain/permissions.h"

namespace carecoord::api {
namespace {

// Role lists, written out (not taken from permissions.cc) so a change to either side fails here.
const std::string kIntake = "supervisor care_coordinator nurse_care_manager";
const std::string kRecordReaders =
    "supervisor care_coordinator peer_support nurse_care_manager auditor";
const std::string kRecordWriters = "supervisor care_coordinator peer_support nurse_care_manager";
const std::string kCoordination = "supervisor care_coordinator nurse_care_manager";
const std::string kOversight = "supervisor auditor";
const std::string kProgramOversight = "admin supervisor auditor";
const std::string kRota = "admin supervisor";
const std::string kSupervisorOnly = "supervisor";

// Who may call each route: "anyone", "signed-in", or the role names separated by spaces. A new
// route must be added here, with its intended audience, or the test fails: access is decided
// deliberately, never by default.
const std::map<std::string, std::string>& ExpectedAudience() {
  static const std::map<std::string, std::string> kExpected = {
      {"GET /healthz", "anyone"},
      {"GET /api/v1/openapi.json", "anyone"},
      {"POST /api/v1/auth/login", "anyone"},
      {"POST /api/v1/auth/logout", "signed-in"},
      {"POST /api/v1/auth/password", "signed-in"},
      {"GET /api/v1/me", "signed-in"},
      {"GET /api/v1/programs", "admin"},
      {"GET /api/v1/users", "admin"},
      {"POST /api/v1/users", "admin"},
      {"GET /api/v1/users/{id}", "admin"},
      {"PATCH /api/v1/users/{id}", "admin"},
      {"GET /api/v1/audit", "auditor"},
      // Participant record routes (docs/participant-record.md), one block per area.
      {"GET /api/v1/referrals", kIntake},
      {"POST /api/v1/referrals", kIntake},
      {"GET /api/v1/referrals/duplicates", kIntake},
      {"GET /api/v1/referrals/{id}", kIntake},
      {"POST /api/v1/referrals/{id}/accept", kIntake},
      {"POST /api/v1/referrals/{id}/decline", kIntake},
      {"POST /api/v1/referrals/{id}/refuse", kIntake},
      {"GET /api/v1/participants", kRecordReaders},
      {"GET /api/v1/participants/{id}", kRecordReaders},
      {"PATCH /api/v1/participants/{id}", kRecordWriters},
      {"POST /api/v1/participants/{id}/related-persons", kRecordWriters},
      {"PATCH /api/v1/related-persons/{id}", kRecordWriters},
      {"POST /api/v1/participants/{id}/emergency-access", kRecordWriters},
      {"GET /api/v1/emergency-access", kOversight},
      {"GET /api/v1/participants/{id}/episodes", kRecordReaders},
      {"GET /api/v1/episodes/{id}", kRecordReaders},
      {"POST /api/v1/episodes/{id}/status", kCoordination},
      {"POST /api/v1/episodes/{id}/transfer", kCoordination},
      {"GET /api/v1/episodes/{id}/care-team", kRecordReaders},
      {"POST /api/v1/episodes/{id}/care-team", kCoordination},
      {"PATCH /api/v1/care-team-members/{id}", kCoordination},
      {"GET /api/v1/staff", kRecordWriters},
      {"GET /api/v1/episodes/{id}/contacts", kRecordReaders},
      {"POST /api/v1/episodes/{id}/contacts", kRecordWriters},
      {"PATCH /api/v1/contacts/{id}", kRecordWriters},
      {"POST /api/v1/contacts/{id}/sign", kRecordWriters},
      {"POST /api/v1/contacts/{id}/addenda", kRecordWriters},
      {"GET /api/v1/participants/{id}/consents", kRecordReaders},
      {"POST /api/v1/participants/{id}/consents", kCoordination},
      {"POST /api/v1/consents/{id}/revoke", kCoordination},
      {"GET /api/v1/consents/expiring", kRecordReaders},
      // Policy, obligations, transitions and on call (docs/worklists.md).
      {"GET /api/v1/worklist", kRecordWriters},
      {"GET /api/v1/episodes/{id}/obligations", kRecordReaders},
      {"GET /api/v1/programs/{id}/dashboard", kProgramOversight},
      {"GET /api/v1/programs/{id}/compliance", kProgramOversight},
      {"GET /api/v1/programs/{id}/policy", "signed-in"},
      {"PUT /api/v1/programs/{id}/policy", "admin"},
      {"POST /api/v1/policy/validate", "admin"},
      {"GET /api/v1/episodes/{id}/transitions", kRecordReaders},
      {"POST /api/v1/episodes/{id}/transitions", kRecordWriters},
      {"PATCH /api/v1/transitions/{id}", kRecordWriters},
      {"POST /api/v1/transitions/{id}/appointments", kRecordWriters},
      {"PATCH /api/v1/appointments/{id}", kRecordWriters},
      {"PUT /api/v1/episodes/{id}/contact-schedule", kCoordination},
      {"GET /api/v1/on-call/now", "signed-in"},
      {"GET /api/v1/programs/{id}/on-call", "signed-in"},
      {"POST /api/v1/programs/{id}/on-call", kRota},
      {"DELETE /api/v1/on-call/{id}", kRota},
      // Assessments, risk tiers and care plans (docs/assessments.md). Auditors read; only a
      // supervisor sets a tier aside; reviews are a coordination decision, so peers help write
      // the plan and record progress but do not sign off a review.
      {"GET /api/v1/instruments", kRecordReaders},
      {"GET /api/v1/instruments/{id}", kRecordReaders},
      {"GET /api/v1/participants/{id}/assessments", kRecordReaders},
      {"POST /api/v1/participants/{id}/assessments", kRecordWriters},
      {"GET /api/v1/participants/{id}/assessments/{aid}", kRecordReaders},
      {"GET /api/v1/participants/{id}/risk-tier", kRecordReaders},
      {"PUT /api/v1/participants/{id}/risk-tier/override", kSupervisorOnly},
      {"GET /api/v1/participants/{id}/care-plans", kRecordReaders},
      {"POST /api/v1/participants/{id}/care-plans", kRecordWriters},
      {"GET /api/v1/participants/{id}/care-plans/{pid}", kRecordReaders},
      {"PUT /api/v1/participants/{id}/care-plans/{pid}", kRecordWriters},
      {"GET /api/v1/participants/{id}/care-plans/{pid}/versions", kRecordReaders},
      {"GET /api/v1/participants/{id}/care-plans/{pid}/versions/{n}", kRecordReaders},
      {"POST /api/v1/participants/{id}/care-plans/{pid}/reviews", kCoordination},
      {"GET /api/v1/participants/{id}/care-plans/{pid}/goals/{gid}/progress", kRecordReaders},
      {"POST /api/v1/participants/{id}/care-plans/{pid}/goals/{gid}/progress", kRecordWriters},
  };
  return kExpected;
}

std::string Key(const Route& r) {
  return std::string(r.method) + " " + std::string(r.path);
}

TEST(RouteTableTest, EveryRouteHasAPermissionRuleAndAnExpectedAudience) {
  std::set<std::string> seen;
  for (const Route& r : RouteTable()) {
    EXPECT_NE(FindRule(r.action), nullptr) << Key(r) << " has no permission rule";
    EXPECT_NE(r.handler, nullptr) << Key(r);
    EXPECT_FALSE(r.summary.empty()) << Key(r);
    EXPECT_TRUE(seen.insert(Key(r)).second) << Key(r) << " is listed twice";
    EXPECT_TRUE(ExpectedAudience().contains(Key(r)))
        << Key(r) << " has no expected audience in this test";
  }
  EXPECT_EQ(seen.size(), ExpectedAudience().size()) << "a route listed here is gone from the table";
}

TEST(RouteTableTest, EveryRouteAndRoleIsAllowedOrDeniedAsIntended) {
  for (const Route& r : RouteTable()) {
    const std::string audience = ExpectedAudience().at(Key(r));
    EXPECT_EQ(IsAllowed(r.action, {}, false), audience == "anyone") << Key(r) << " anonymous";
    for (Role role : kAllRoles) {
      const std::array one = {role};
      const bool expected =
          audience == "anyone" || audience == "signed-in" ||
          (" " + audience + " ").find(" " + std::string(RoleName(role)) + " ") != std::string::npos;
      EXPECT_EQ(IsAllowed(r.action, one, true), expected) << Key(r) << " as " << RoleName(role);
    }
  }
}

TEST(RouteTableTest, MatchingFindsParametersAndSeparatesMethods) {
  auto m = MatchRoute("PATCH", "/api/v1/users/0192-abc");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->action, Action::kUpdateUser);
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0], "0192-abc");
  EXPECT_EQ(MatchRoute("HEAD", "/api/v1/me").route->action, Action::kReadOwnAccount);
  auto wrong_method = MatchRoute("DELETE", "/api/v1/users/x");
  EXPECT_EQ(wrong_method.route, nullptr);
  EXPECT_TRUE(wrong_method.path_exists);
  EXPECT_EQ(wrong_method.allow, "GET, PATCH");
  EXPECT_EQ(MatchRoute("GET", "/api/v1/me/").route, nullptr);
  EXPECT_EQ(MatchRoute("GET", "/api/v1/users//").route, nullptr);
  EXPECT_FALSE(MatchRoute("GET", "/api/v1/nothing").path_exists);
  // Deep care-plan paths: every parameter comes back in order.
  auto progress = MatchRoute("POST", "/api/v1/participants/p1/care-plans/c2/goals/g3/progress");
  ASSERT_NE(progress.route, nullptr);
  EXPECT_EQ(progress.route->action, Action::kRecordGoalProgress);
  EXPECT_EQ(progress.params, (std::vector<std::string>{"p1", "c2", "g3"}));
  EXPECT_EQ(MatchRoute("PUT", "/api/v1/participants/p1/risk-tier/override").route->action,
            Action::kOverrideRiskTier);
  EXPECT_EQ(MatchRoute("DELETE", "/api/v1/participants/p1/care-plans/c2").allow, "GET, PUT");
}

// Issue 11: a route whose path names a participant's record declares it, so Dispatch checks the
// relationship with that participant before the handler reads the body. Written out by path
// (not taken from the table) so a new route under these paths without its subject fails here.
TEST(RouteTableTest, EveryParticipantRecordPathDeclaresItsSubject) {
  using app::Subject;
  const std::map<std::string, Subject> by_prefix = {
      {"/api/v1/participants/{id}", Subject::kParticipant},
      {"/api/v1/episodes/{id}", Subject::kEpisode},
      {"/api/v1/related-persons/{id}", Subject::kRelatedPerson},
      {"/api/v1/care-team-members/{id}", Subject::kCareTeamMember},
      {"/api/v1/contacts/{id}", Subject::kContact},
      {"/api/v1/consents/{id}", Subject::kConsent},
      {"/api/v1/transitions/{id}", Subject::kTransition},
      {"/api/v1/appointments/{id}", Subject::kAppointment},
  };
  int declared = 0;
  for (const Route& r : RouteTable()) {
    const std::string path(r.path);
    Subject expected = Subject::kNone;
    for (const auto& [prefix, subject] : by_prefix) {
      if (path == prefix || path.starts_with(prefix + "/")) expected = subject;
    }
    // Break the glass: how a permitted role reaches a participant it has no relationship with.
    if (path == "/api/v1/participants/{id}/emergency-access") expected = Subject::kNone;
    EXPECT_EQ(r.subject, expected) << Key(r);
    declared += r.subject != Subject::kNone;
  }
  EXPECT_GE(declared, 40);
}

TEST(OpenApiTest, DescribesExactlyTheRouteTable) {
  const boost::json::value doc = boost::json::parse(OpenApiDocument());
  EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
  const auto& paths = doc.at("paths").as_object();
  std::size_t operations = 0;
  for (const auto& [path, item] : paths) operations += item.as_object().size();
  EXPECT_EQ(operations, RouteTable().size());
  const auto& schemas = doc.at("components").at("schemas").as_object();
  for (const Route& r : RouteTable()) {
    std::string method(r.method);
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    const auto* item = paths.if_contains(r.path);
    ASSERT_NE(item, nullptr) << Key(r);
    const auto* op = item->as_object().if_contains(method);
    ASSERT_NE(op, nullptr) << Key(r);
    EXPECT_TRUE(
        op->as_object().at("responses").as_object().contains(std::to_string(r.success_status)))
        << Key(r);
    for (std::string_view schema : {r.request_schema, r.response_schema}) {
      EXPECT_TRUE(schema.empty() || schemas.contains(schema)) << schema;
    }
    if (std::string_view(r.path).find('{') != std::string_view::npos) {
      bool declared = false;
      for (const auto& p : op->as_object().at("parameters").as_array()) {
        declared |= p.at("in").as_string() == "path";
      }
      EXPECT_TRUE(declared) << Key(r) << " path parameter undocumented";
    }
  }
}

TEST(OpenApiTest, EveryReferenceResolves) {
  const std::string text = OpenApiDocument();
  const boost::json::value doc = boost::json::parse(text);
  const auto& schemas = doc.at("components").at("schemas").as_object();
  const std::string prefix = "\"#/components/schemas/";
  for (std::size_t at = text.find(prefix); at != std::string::npos;
       at = text.find(prefix, at + 1)) {
    const std::size_t start = at + prefix.size();
    const std::string name = text.substr(start, text.find('"', start) - start);
    EXPECT_TRUE(schemas.contains(name)) << name;
  }
}

}  // namespace
}  // namespace carecoord::api
