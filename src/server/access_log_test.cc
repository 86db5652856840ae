// SPDX-License-Identifier: Apache-2.0
#include "server/access_log.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "server/json_escape.h"
#include "server/problem.h"

namespace carecoord::server {
namespace {

// 2026-11-22T21:30:00.123Z
constexpr std::chrono::system_clock::time_point kNow{std::chrono::milliseconds(1795383000123)};

std::string Escaped(std::string_view text) {
  std::string out;
  AppendJsonString(out, text);
  return out;
}

TEST(JsonEscapeTest, EscapesWhatJsonRequires) {
  EXPECT_EQ(Escaped("plain /api/v1/me"), R"("plain /api/v1/me")");
  EXPECT_EQ(Escaped("q\"b\\s"), R"("q\"b\\s")");
  EXPECT_EQ(Escaped("a\nb\rc\td"), R"("a\nb\rc\td")");
  EXPECT_EQ(Escaped(std::string_view("\x01\x1f\x7f", 3)), R"("\u0001\u001f\u007f")");
  EXPECT_EQ(Escaped("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"),
            "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
}

TEST(JsonEscapeTest, ReplacesIllFormedUtf8) {
  EXPECT_EQ(Escaped("a\xFFz"), R"("a\ufffdz")");
  EXPECT_EQ(Escaped("\xC0\xAF"), R"("\ufffd\ufffd")");            // overlong '/'
  EXPECT_EQ(Escaped("\xED\xA0\x80"), R"("\ufffd\ufffd\ufffd")");  // surrogate
  EXPECT_EQ(Escaped("\xE2\x82"), R"("\ufffd\ufffd")");            // truncated
}

TEST(AccessLogTest, RequestLineIsOneJsonObject) {
  std::string line;
  FormatRequestLine(line, kNow,
                    {.method = "GET",
                     .path = "/api/v1/me",
                     .status = 200,
                     .bytes = 123,
                     .duration_ms = 0.42,
                     .remote = "127.0.0.1"});
  EXPECT_EQ(line,
            R"({"ts":"2026-11-22T21:30:00.123Z","level":"info","msg":"request","method":"GET",)"
            R"("path":"/api/v1/me","status":200,"bytes":123,"duration_ms":0.420,)"
            R"("remote":"127.0.0.1"})");
}

TEST(AccessLogTest, DurationHasMicrosecondResolution) {
  std::string line;
  FormatRequestLine(line, kNow, {.method = "GET", .duration_ms = 1234.5678, .remote = ""});
  EXPECT_NE(line.find(R"("duration_ms":1234.568,)"), std::string::npos) << line;
}

TEST(AccessLogTest, HostilePathsStayInsideTheirString) {
  std::string line;
  FormatRequestLine(line, kNow, {.method = "GET", .path = "/a\"}\n{\"x\":\"\xFF", .remote = ""});
  EXPECT_NE(line.find(R"("path":"/a\"}\n{\"x\":\"\ufffd")"), std::string::npos) << line;
  EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(AccessLogTest, EventLineWithFields) {
  std::string line;
  FormatEventLine(line, kNow, LogLevel::kInfo, "listening",
                  {{"address", "127.0.0.1"}, {"port", 8080}, {"tls", false}});
  EXPECT_EQ(line, R"({"ts":"2026-11-22T21:30:00.123Z","level":"info","msg":"listening",)"
                  R"("address":"127.0.0.1","port":8080,"tls":false})");
}

TEST(ProblemTest, ShapeMatchesTheApi) {
  const api::Response problem = MakeProblem(413, "content_too_large", "Content too large",
                                            "The request body exceeds the limit of 10 bytes.");
  EXPECT_EQ(problem.status, 413);
  EXPECT_EQ(problem.body,
            R"({"type":"/problems/content_too_large","title":"Content too large","status":413,)"
            R"("detail":"The request body exceeds the limit of 10 bytes."})");
  ASSERT_EQ(problem.headers.size(), 2u);
  EXPECT_EQ(problem.headers[0].name, "content-type");
  EXPECT_EQ(problem.headers[0].value, "application/problem+json");
}

}  // namespace
}  // namespace carecoord::server
