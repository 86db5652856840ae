// SPDX-License-Identifier: Apache-2.0
#include "server/server.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "server/test_http_client.h"
#include "server/test_support.h"

namespace carecoord::server {
namespace {

using testing::Eventually;
using testing::ParsedResponse;
using testing::RunningServer;
using testing::TestClient;
using testing::TestHandler;

constexpr std::string_view kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'self'";

std::string Get(std::string_view target, std::string_view extra_headers = "") {
  return fmt::format("GET {} HTTP/1.1\r\nHost: localhost\r\n{}\r\n", target, extra_headers);
}

std::unique_ptr<TestClient> Connect(const RunningServer& server) {
  auto client = TestClient::Connect(server.Port());
  EXPECT_NE(client, nullptr);
  return client;
}

void ExpectSecurityHeaders(const ParsedResponse& response) {
  EXPECT_EQ(response.Header("content-security-policy"), std::string(kCsp));
  EXPECT_EQ(response.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(response.Header("x-frame-options"), "DENY");
  EXPECT_EQ(response.Header("referrer-policy"), "no-referrer");
  EXPECT_EQ(response.Header("cross-origin-opener-policy"), "same-origin");
  EXPECT_EQ(response.Header("permissions-policy"), "camera=(), microphone=(), geolocation=()");
  EXPECT_EQ(response.Count("x-frame-options"), 1);
  EXPECT_FALSE(response.Header("strict-transport-security").has_value());  // plain HTTP
  const std::optional<std::string> server = response.Header("server");
  EXPECT_TRUE(!server || *server == "carecoord");
}

void ExpectProblem(const ParsedResponse& response, int status, std::string_view name) {
  EXPECT_EQ(response.status, status);
  EXPECT_EQ(response.Header("content-type"), "application/problem+json");
  EXPECT_NE(response.body.find(fmt::format(R"("type":"/problems/{}")", name)), std::string::npos)
      << response.body;
  EXPECT_NE(response.body.find(fmt::format(R"("status":{})", status)), std::string::npos)
      << response.body;
  EXPECT_NE(response.body.find(R"("title":)"), std::string::npos);
  EXPECT_NE(response.body.find(R"("detail":)"), std::string::npos);
}

TEST(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  TestHandler handler;
  RunningServer server({}, handler);
  ASSERT_TRUE(server.Ok());
  auto client = Connect(server);
  ASSERT_NE(client, nullptr);
  for (int i = 0; i < 3; ++i) {
    auto response = client->RoundTrip(Get(fmt::format("/api/echo?i={}", i), "X-Test: Value\r\n"));
    ASSERT_TRUE(response.has_value()) << "request " << i;
    EXPECT_EQ(response->status, 200);
    EXPECT_NE(response->body.find(fmt::format("target=/api/echo?i={}\n", i)), std::string::npos);
    EXPECT_NE(response->body.find("method=GET\n"), std::string::npos);
    EXPECT_NE(response->body.find("remote=127.0.0.1\n"), std::string::npos);
    EXPECT_NE(response->body.find("secure=0\n"), std::string::npos);
    EXPECT_NE(response->body.find("x-test=Value\n"), std::string::npos);  // names lower-cased
    EXPECT_NE(response->body.find("header:host\n"), std::string::npos);
    EXPECT_FALSE(response->Header("connection").has_value());  // stays open
    EXPECT_EQ(response->Header("cache-control"), "no-store");  // API default
    EXPECT_TRUE(response->Header("date").has_value());
  }
  EXPECT_EQ(handler.calls.load(), 3);
}

TEST(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  TestHandler handler;
  RunningServer server({}, handler);
  ASSERT_TRUE(server.Ok());
  auto client = Connect(server);
  ASSERT_NE(client, nullptr);
  ASSERT_TRUE(client->Send(Get("/api/async?n=1") + Get("/api/echo?n=2") + Get("/healthz")));
  auto first = client->ReadResponse();
  auto second = client->ReadResponse();
  auto third = client->ReadResponse();
  ASSERT_TRUE(first && second && third);
  EXPECT_EQ(first->body, R"({"async":true})");
  EXPECT_NE(second->body.find("target=/api/echo?n=2"), std::string::npos);
  EXPECT_EQ(third->body, R"({"status":"ok"})");
}

TEST(ServerTest, ResponderCalledFromAnotherThread) {
  TestHandler handler;
  RunningServer server({}, handler);
  ASSERT_TRUE(server.Ok());
  auto client = Connect(server);
  ASSERT_NE(client, nullptr);
  for (int i = 0; i < 3; ++i) {
    auto response = client->RoundTrip(Get("/api/async"));
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, R"({"async":true})");
    EXPECT_EQ(response->Header("cache-control"), "private, max-age=5");  // the handler's own
    ExpectSecurityHeaders(*response);
  }
}

TEST(ServerTest, LargeResponsesArriveWhole) {
  TestHandler handler;
  RunningServer server({}, handler);
  ASSERT_TRUE(server.Ok());
  auto client = Connect(server);
  ASSERT_NE(client, nullptr);
  for (int i = 0; i < 2; ++i) {
    auto response = client->RoundTrip(Get("/api/big"));
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->body, std::string(testing::kBigBodySize, 'b'));
  }
}

TEST(ServerTest, DroppedResponderAndThrowingHandlerGet500) {
  TestHandler handler;
  RunningServer server({}, handler);
  ASSERT_TRUE(server.Ok());
  auto client = Connect(server);
  ASSERT_NE(client, nullptr);
  auto dropped = client->RoundTrip(Get("/api/drop"));
  ASSERT_TRUE(dropped.has_value());
  ExpectProblem(*dropped, 500, "internal");
  auto thrown = client->RoundTrip(Get("/api/throw"));
  ASSERT_TRUE(thrown.has_value());
  ExpectProblem(*thrown, 500, "internal");
  // The connection is still usable.
  auto health = client->RoundTrip(Get("/healthz"));
  ASSERT_TRUE(health.has_value());
  EXPECT_EQ(health->status, 200);
}

TEST(ServerTest, HandlerCannotInjectOrOverrideFramingAndSecurityHeaders) {
  TestHandler handler;
  RunningServer server({}, handler);
  ASSERT_TRUE(server.Ok());
  auto client = Connect(server);
  ASSERT_NE(client, nullptr);
  auto response = client->RoundTrip(Get("/api/bad-headers"));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "{}");
  EXPECT_EQ(response->Header("content-length"), "2");
  EXPECT_FALSE(response->Header("x-injected").has_value());
  EXPECT_FALSE(response->Header("set-cookie").has_value());
  EXPECT_EQ(response->Header("x-fine"), "yes");
  ExpectSecurityHeaders(*response);
}

TEST(ServerTest, OversizedBodyGets413AndNeverReachesTheHandler) {
  TestHandler handler;
  ServerConfig config;
  config.body_limit = 1024;
  RunningServer server(config, handler);
  ASSERT_TRUE(server.Ok());

  // Declared by Content-Length, with the body sent right away.
  auto client = Connect(server);
  ASSERT_NE(client, nullptr);
  const std::string body(4096, 'x');
  auto response = client->RoundTrip(fmt::format(
      "POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n"
      "\r\n{}",
      body.size(), body));
  ASSERT_TRUE(response.has_value());
  ExpectProblem(*response, 413, "content_too_large");
  EXPECT_NE(response->body.find("1024 bytes"), std::string::npos) << response->body;
  EXPECT_EQ(response->Header("connection"), "close");
  ExpectSecurityHeaders(*response);
  EXPECT_TRUE(client->WaitForClose());

  // Chunked, so the limit is only found while reading.
  auto chunked = Connect(server);
  ASSERT_NE(chunked, nullptr);
  std::string request = "POST /api/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 4; ++i) request += fmt::format("200\r\n{}\r\n", std::string(512, 'y'));
  request += "0\r\n\r\n";
  auto chunked_response = chunked->RoundTrip(request);
  ASSERT_TRUE(chunked_response.has_value());
  ExpectProblem(*chunked_response, 413, "content_too_large");

  // Within the limit is fine.
  auto small = Connect(server);
  ASSERT_NE(small, nullptr);
  auto ok =
      small->RoundTrip("POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->status, 200);
  EXPECT_NE(ok->body.find("body=hello\n"), std::string::npos);
  EXPECT_EQ(handler.calls.load(), 1);
}

TEST(ServerTest, ExpectContinueGetsInterimResponse) {
  TestHandler handler;
  RunningServer server({}, handler);
  ASSERT_TRUE(server.Ok());
  auto client = Connect(server);
  ASSERT_NE(client, nullptr);
  ASSERT_TRUE(client->Send(
      "POST /api/echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"));
  auto interim = client->ReadResponse();
  ASSERT_TRUE(interim.has_value());
  EXPECT_EQ(interim->status, 100);
  ASSERT_TRUE(client->Send("abc"));
  auto response = client->ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
  EXPECT_NE(response->body.find("body=abc\n"), std::string::npos);
}

TEST(ServerTest, HugeHeadersGet431) {
  TestHandler handler;
  ServerConfig config;
  config.header_limit = 2048;
  RunningServer server(config, handler);
  ASSERT_TRUE(server.Ok());
  auto client = Connect(server);
  ASSERT_NE(client, nullptr);
  auto response =
      client->RoundTrip(Get("/api/echo", fmt::format("X-Big: {}\r\n", std::string(8192, 'h'))));
  ASSERT_TRUE(response.has_value());
  ExpectProblem(*response, 431, "header_fields_too_large");
  ExpectSecurityHeaders(*response);
  EXPECT_EQ(handler.calls.load(), 0);
}

TEST(ServerTest, MalformedRequestsGet400) {
  TestHandler handler;
  RunningServer server({}, handler);
  ASSERT_TRUE(server.Ok());
  // The last one tries request smuggling: both framings at once.
  constexpr std::string_view kSmuggled =
      "POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
      "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
  for (std::string_view bad :
       {std::string_view("GARBAGE\r\n\r\n"),
        std::string_view("GET /api/echo HTTP/9.9\r\nHost: x\r\n\r\n"),
        std::string_view("GET /api/echo HTTP/1.1\r\nBad Header\r\n\r\n"),
        std::string_view("GET /api/echo HTTP/1.1\r\nContent-Length: nope\r\n\r\n"), kSmuggled}) {
    auto client = Connect(server);
    ASSERT_NE(client, nullptr);
    auto response = client->RoundTrip(bad);
    ASSERT_TRUE(response.has_value()) << bad;
    ExpectProblem(*response, 400, "bad_request");
    ExpectSecurityHeaders(*response);
    EXPECT_TRUE(client->WaitForClose());
  }
  // Not origin-form.
  auto client = Connect(server);
  ASSERT_NE(client, nullptr);
  auto response = client->RoundTrip("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(response.has_value());
  ExpectProblem(*response, 400, "bad_request");
  EXPECT_EQ(handler.calls.load(), 0);
}

TEST(ServerTest, SlowClientIsDisconnected) {
  TestHandler handler;
  ServerConfig config;
  config.read_timeout = std::chrono::seconds(1);
  RunningServer server(config, handler);
  ASSERT_TRUE(server.Ok());

  // Half a header block.
  auto headers = Connect(server);
  ASSERT_NE(headers, nullptr);
  ASSERT_TRUE(headers->Send("GET /api/echo HTTP/1.1\r\nHost: x\r\n"));
  // Half a body.
  auto body = Connect(server);
  ASSERT_NE(body, nullptr);
  ASSERT_TRUE(body->Send("POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n12345"));
  // Nothing at all.
  auto silent = Connect(server);
  ASSERT_NE(silent, nullptr);

  EXPECT_TRUE(headers->WaitForClose());
  EXPECT_TRUE(body->WaitForClose());
  EXPECT_TRUE(silent->WaitForClose());
  EXPECT_EQ(handler.calls.load(), 0);
}

TEST(ServerTest, IdleKeepAliveConnectionIsClosedAfterIdleTimeout) {
  TestHandler handler;
  ServerConfig config;
  config.idle_timeout = std::chrono::seconds(1);
  RunningServer server(config, handler);
  ASSERT_TRUE(server.Ok());
  auto client = Connect(server);
  ASSERT_NE(client, nullptr);
  ASSERT_TRUE(client->RoundTrip(Get("/healthz")).has_value());
  EXPECT_TRUE(client->WaitForClose());
}

TEST(ServerTest, ConnectionCloseAndHttp10AreHonoured) {
  TestHandler handler;
  RunningServer server({}, handler);
  ASSERT_TRUE(server.Ok());
  auto closing = Connect(server);
  ASSERT_NE(closing, nullptr);
  auto response = closing->RoundTrip(Get("/healthz", "Connection: close\r\n"));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->Header("connection"), "close");
  EXPECT_TRUE(closing->WaitForClose());

  auto old = Connect(server);
  ASSERT_NE(old, nullptr);
  auto keep = old->RoundTrip("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  ASSERT_TRUE(keep.has_value());
  EXPECT_EQ(keep->Header("connection"), "keep-alive");
  auto last = old->RoundTrip("GET /healthz HTTP/1.0\r\n\r\n");
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->Header("connection"), "close");
  EXPECT_TRUE(old->WaitForClose());
}

TEST(ServerTest, GracefulStopLetsInFlightRequestFinish) {
  TestHandler handler;
  auto server = std::make_unique<RunningServer>(ServerConfig{}, handler);
  ASSERT_TRUE(server->Ok());
  // An idle keep-alive connection, which Stop closes.
  auto idle = Connect(*server);
  ASSERT_NE(idle, nullptr);
  ASSERT_TRUE(idle->RoundTrip(Get("/healthz")).has_value());

  auto busy = Connect(*server);
  ASSERT_NE(busy, nullptr);
  ASSERT_TRUE(busy->Send(Get("/api/slow")));
  ASSERT_TRUE(Eventually([&] { return handler.slow_started.load() == 1; }));

  std::thread stopper([&] { EXPECT_TRUE(server->StopAndWait()); });
  auto response = busy->ReadResponse();
  const bool busy_closed = busy->WaitForClose();
  const bool idle_closed = idle->WaitForClose();
  stopper.join();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, R"({"slow":"done"})");
  EXPECT_EQ(response->Header("connection"), "close");
  EXPECT_TRUE(busy_closed);
  EXPECT_TRUE(idle_closed);
  // Nobody listens any more.
  EXPECT_EQ(TestClient::Connect(server->Port()), nullptr);
}

TEST(ServerTest, StopForcesClosedWhatOutlivesTheGracePeriod) {
  TestHandler handler;
  ServerConfig config;
  config.shutdown_grace = std::chrono::seconds(1);
  {
    RunningServer server(config, handler);
    ASSERT_TRUE(server.Ok());
    auto client = Connect(server);
    ASSERT_NE(client, nullptr);
    ASSERT_TRUE(client->Send(Get("/api/hold")));
    ASSERT_TRUE(Eventually([&] { return handler.held_count.load() == 1; }));
    EXPECT_TRUE(server.StopAndWait());
    EXPECT_TRUE(client->WaitForClose());
  }
  // The server is gone; answering now must be harmless.
  handler.ReleaseHeld();
}

TEST(ServerTest, ConcurrentClientsWithMixedResponders) {
  TestHandler handler;
  RunningServer server({}, handler);
  ASSERT_TRUE(server.Ok());
  constexpr int kClients = 8;
  constexpr int kRequests = 40;
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      auto client = TestClient::Connect(server.Port());
      if (client == nullptr) return;
      for (int i = 0; i < kRequests; ++i) {
        const bool async = (i + c) % 4 == 0;
        auto response =
            client->RoundTrip(Get(async ? "/api/async" : fmt::format("/api/echo?c={}&i={}", c, i)));
        if (!response || response->status != 200) return;
        if (async ? response->body != R"({"async":true})"
                  : response->body.find(fmt::format("target=/api/echo?c={}&i={}\n", c, i)) ==
                        std::string::npos) {
          return;
        }
        ok.fetch_add(1);
      }
    });
  }
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(ok.load(), kClients * kRequests);
}

TEST(ServerTest, RunUntilSignalStopsOnSigterm) {
  TestHandler handler;
  ServerConfig config;
  config.port = 0;
  config.threads = 2;
  Result<std::unique_ptr<Server>> created = Server::Create(config, handler);
  ASSERT_TRUE(created.has_value()) << created.error().message;
  Server& server = **created;
  std::promise<int> exit_code;
  std::future<int> finished = exit_code.get_future();
  std::thread runner([&] { exit_code.set_value(RunUntilSignal(server)); });
  // A served request proves Run, and so the signal handling installed before it, is live.
  auto client = TestClient::Connect(server.port());
  const bool served = client != nullptr && client->RoundTrip(Get("/healthz")).has_value();
  const bool signalled = served && ::kill(::getpid(), SIGTERM) == 0;
  const bool returned =
      signalled && finished.wait_for(std::chrono::seconds(30)) == std::future_status::ready;
  if (!returned) server.Stop();
  runner.join();
  ASSERT_TRUE(served);
  ASSERT_TRUE(returned);
  EXPECT_EQ(finished.get(), 0);
  EXPECT_TRUE(client->WaitForClose());
}

TEST(ServerTest, CreateAndDestroyWithoutRun) {
  TestHandler handler;
  ServerConfig config;
  config.port = 0;
  for (int i = 0; i < 3; ++i) {
    Result<std::unique_ptr<Server>> created = Server::Create(config, handler);
    ASSERT_TRUE(created.has_value()) << created.error().message;
    EXPECT_NE((*created)->port(), 0);
  }
}

TEST(ServerTest, StopBeforeRunAndWithoutConnections) {
  TestHandler handler;
  ServerConfig config;
  config.port = 0;
  Result<std::unique_ptr<Server>> created = Server::Create(config, handler);
  ASSERT_TRUE(created.has_value()) << created.error().message;
  (*created)->Stop();
  (*created)->Run();   // returns promptly
  (*created)->Stop();  // idempotent
}

TEST(ServerTest, CreateReportsBadConfiguration) {
  TestHandler handler;
  {
    RunningServer first({}, handler);
    ASSERT_TRUE(first.Ok());
    ServerConfig same_port;
    same_port.port = first.Port();
    auto clash = Server::Create(same_port, handler);
    ASSERT_FALSE(clash.has_value());
    EXPECT_EQ(clash.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(clash.error().message.find("in use"), std::string::npos) << clash.error().message;
  }
  ServerConfig bad_address;
  bad_address.bind_address = "not-an-address";
  bad_address.port = 0;
  auto address = Server::Create(bad_address, handler);
  ASSERT_FALSE(address.has_value());
  EXPECT_EQ(address.error().code, ErrorCode::kInvalidArgument);

  ServerConfig half_tls;
  half_tls.port = 0;
  half_tls.tls_cert_file = "/nonexistent/cert.pem";
  auto tls = Server::Create(half_tls, handler);
  ASSERT_FALSE(tls.has_value());
  EXPECT_EQ(tls.error().code, ErrorCode::kInvalidArgument);

  ServerConfig no_root;
  no_root.port = 0;
  no_root.web_root = "/nonexistent/web";
  auto root = Server::Create(no_root, handler);
  ASSERT_FALSE(root.has_value());
  EXPECT_EQ(root.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(root.error().field, "web_root");
}

// --- static files ---------------------------------------------------------------------------

class StaticFilesServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/carecoord-server-test-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
    web_ = dir_ / "web";
    std::filesystem::create_directories(web_ / "assets");
    Write(web_ / "index.html", "<!doctype html><title>carecoord</title>");
    Write(web_ / "assets" / "app-3f9a.js", "console.log('app');");
    Write(web_ / "style.css", "body{}");
    Write(web_ / "favicon.ico", "ICO");
    Write(web_ / "robots.txt", "User-agent: *");
    Write(web_ / ".env", "SECRET=1");
    Write(dir_ / "secret.txt", "TOP SECRET");
    std::filesystem::create_symlink(dir_ / "secret.txt", web_ / "link.txt");
    std::filesystem::create_directory_symlink(dir_, web_ / "up");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static void Write(const std::filesystem::path& path, std::string_view content) {
    std::ofstream(path, std::ios::binary) << content;
  }

  ServerConfig Config() const {
    ServerConfig config;
    config.web_root = web_.string();
    return config;
  }

  std::filesystem::path dir_;
  std::filesystem::path web_;
};

TEST_F(StaticFilesServerTest, ServesFilesWithTypesAndCaching) {
  TestHandler handler;
  RunningServer server(Config(), handler);
  ASSERT_TRUE(server.Ok());
  auto client = Connect(server);
  ASSERT_NE(client, nullptr);

  auto index = client->RoundTrip(Get("/"));
  ASSERT_TRUE(index.has_value());
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->body, "<!doctype html><title>carecoord</title>");
  EXPECT_EQ(index->Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index->Header("cache-control"), "no-cache");
  ExpectSecurityHeaders(*index);

  auto script = client->RoundTrip(Get("/assets/app-3f9a.js?v=1"));
  ASSERT_TRUE(script.has_value());
  EXPECT_EQ(script->status, 200);
  EXPECT_EQ(script->body, "console.log('app');");
  EXPECT_EQ(script->Header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(script->Header("cache-control"), "public, max-age=31536000, immutable");
  ExpectSecurityHeaders(*script);

  auto css = client->RoundTrip(Get("/style.css"));
  ASSERT_TRUE(css.has_value());
  EXPECT_EQ(css->Header("content-type"), "text/css; charset=utf-8");
  auto icon = client->RoundTrip(Get("/favicon.ico"));
  ASSERT_TRUE(icon.has_value());
  EXPECT_EQ(icon->Header("content-type"), "image/x-icon");
  auto robots = client->RoundTrip(Get("/robots.txt"));
  ASSERT_TRUE(robots.has_value());
  EXPECT_EQ(robots->Header("content-type"), "text/plain; charset=utf-8");

  // Revalidation.
  const std::optional<std::string> etag = index->Header("etag");
  ASSERT_TRUE(etag.has_value());
  auto not_modified = client->RoundTrip(Get("/", fmt::format("If-None-Match: {}\r\n", *etag)));
  ASSERT_TRUE(not_modified.has_value());
  EXPECT_EQ(not_modified->status, 304);
  EXPECT_TRUE(not_modified->body.empty());

  // HEAD: the headers of GET, no body.
  auto head = client->RoundTrip("HEAD /style.css HTTP/1.1\r\nHost: x\r\n\r\n", true);
  ASSERT_TRUE(head.has_value());
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("content-length"), "6");
  auto after_head = client->RoundTrip(Get("/healthz"));  // framing intact after HEAD
  ASSERT_TRUE(after_head.has_value());
  EXPECT_EQ(after_head->status, 200);
  EXPECT_EQ(handler.calls.load(), 1);
}

TEST_F(StaticFilesServerTest, SpaFallbackAnd404And405) {
  TestHandler handler;
  RunningServer server(Config(), handler);
  ASSERT_TRUE(server.Ok());
  auto client = Connect(server);
  ASSERT_NE(client, nullptr);

  for (std::string_view path : {"/participants/0190a1b2", "/worklist", "/assets", "/settings/"}) {
    auto response = client->RoundTrip(Get(path));
    ASSERT_TRUE(response.has_value()) << path;
    EXPECT_EQ(response->status, 200) << path;
    EXPECT_EQ(response->body, "<!doctype html><title>carecoord</title>") << path;
    EXPECT_EQ(response->Header("cache-control"), "no-cache") << path;
  }
  auto missing = client->RoundTrip(Get("/assets/missing-123.js"));
  ASSERT_TRUE(missing.has_value());
  ExpectProblem(*missing, 404, "not_found");
  ExpectSecurityHeaders(*missing);

  auto post =
      client->RoundTrip("POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
  ASSERT_TRUE(post.has_value());
  ExpectProblem(*post, 405, "method_not_allowed");
  EXPECT_EQ(post->Header("allow"), "GET, HEAD");
  EXPECT_EQ(handler.calls.load(), 0);
}

TEST_F(StaticFilesServerTest, TraversalNeverEscapesTheWebRoot) {
  TestHandler handler;
  RunningServer server(Config(), handler);
  ASSERT_TRUE(server.Ok());
  for (std::string_view target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/assets/../../secret.txt",
        "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt", "/index.html%00.txt", "/link.txt", "/up/secret.txt",
        "/.env", "/assets/./../../secret.txt", "//../secret.txt", "/%252e%252e/secret.txt"}) {
    auto client = Connect(server);
    ASSERT_NE(client, nullptr);
    auto response = client->RoundTrip(Get(target));
    ASSERT_TRUE(response.has_value()) << target;
    EXPECT_TRUE(response->status == 400 || response->status == 404)
        << target << " -> " << response->status;
    EXPECT_EQ(response->body.find("SECRET"), std::string::npos) << target;
  }
}

}  // namespace
}  // namespace carecoord::server
