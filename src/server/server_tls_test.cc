// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <openssl/ssl.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "server/server.h"
#include "server/test_http_client.h"
#include "server/test_support.h"

namespace carecoord::server {
namespace {

using testing::RunningServer;
using testing::TestClient;
using testing::TestHandler;

// A throw-away self-signed certificate (and a second, unrelated key) made with the openssl CLI.
class TlsServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/carecoord-tls-test-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
    const std::string command = fmt::format(
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 "
        "-subj /CN=localhost -keyout {0}/key.pem -out {0}/cert.pem >/dev/null 2>&1 && "
        "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:prime256v1 -out {0}/other.pem "
        ">/dev/null 2>&1",
        dir_.string());
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    client_context_ = SSL_CTX_new(TLS_client_method());
    ASSERT_NE(client_context_, nullptr);
    SSL_CTX_set_min_proto_version(client_context_, TLS1_2_VERSION);
    ASSERT_EQ(SSL_CTX_load_verify_locations(client_context_, Path("cert.pem").c_str(), nullptr), 1);
    SSL_CTX_set_verify(client_context_, SSL_VERIFY_PEER, nullptr);
  }
  void TearDown() override {
    SSL_CTX_free(client_context_);
    std::filesystem::remove_all(dir_);
  }

  std::string Path(std::string_view name) const { return (dir_ / name).string(); }

  ServerConfig Config() const {
    ServerConfig config;
    config.tls_cert_file = Path("cert.pem");
    config.tls_key_file = Path("key.pem");
    return config;
  }

  std::filesystem::path dir_;
  SSL_CTX* client_context_ = nullptr;
};

TEST_F(TlsServerTest, RoundTripOverTls) {
  TestHandler handler;
  RunningServer server(Config(), handler);
  ASSERT_TRUE(server.Ok());
  auto client = TestClient::Connect(server.Port(), client_context_);
  ASSERT_NE(client, nullptr);
  for (int i = 0; i < 2; ++i) {  // keep-alive over one TLS session
    auto response = client->RoundTrip("GET /api/echo HTTP/1.1\r\nHost: localhost\r\n\r\n");
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 200);
    EXPECT_NE(response->body.find("secure=1\n"), std::string::npos) << response->body;
    EXPECT_EQ(response->Header("strict-transport-security"), "max-age=31536000; includeSubDomains");
    EXPECT_EQ(response->Header("x-frame-options"), "DENY");
  }
  // A large response crosses many TLS records and goes out as head + body.
  auto big = client->RoundTrip("GET /api/big HTTP/1.1\r\nHost: localhost\r\n\r\n");
  ASSERT_TRUE(big.has_value());
  EXPECT_EQ(big->body, std::string(testing::kBigBodySize, 'b'));
}

TEST_F(TlsServerTest, PlainHttpOnTheTlsPortIsRefused) {
  TestHandler handler;
  RunningServer server(Config(), handler);
  ASSERT_TRUE(server.Ok());
  auto client = TestClient::Connect(server.Port());
  ASSERT_NE(client, nullptr);
  ASSERT_TRUE(client->Send("GET /api/echo HTTP/1.1\r\nHost: localhost\r\n\r\n"));
  EXPECT_TRUE(client->WaitForClose());
  EXPECT_EQ(client->Buffered().find("200"), std::string::npos);
  EXPECT_EQ(handler.calls.load(), 0);
}

TEST_F(TlsServerTest, GracefulStopOverTls) {
  TestHandler handler;
  RunningServer server(Config(), handler);
  ASSERT_TRUE(server.Ok());
  auto client = TestClient::Connect(server.Port(), client_context_);
  ASSERT_NE(client, nullptr);
  ASSERT_TRUE(client->Send("GET /api/slow HTTP/1.1\r\nHost: localhost\r\n\r\n"));
  ASSERT_TRUE(testing::Eventually([&] { return handler.slow_started.load() == 1; }));
  server.Get().Stop();
  auto response = client->ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->body, R"({"slow":"done"})");
  EXPECT_TRUE(client->WaitForClose());
  EXPECT_TRUE(server.StopAndWait());
}

TEST_F(TlsServerTest, BadCertificateOrKeyIsRejectedAtCreate) {
  TestHandler handler;
  ServerConfig missing = Config();
  missing.tls_cert_file = Path("missing.pem");
  auto no_cert = Server::Create(missing, handler);
  ASSERT_FALSE(no_cert.has_value());
  EXPECT_EQ(no_cert.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(no_cert.error().field, "tls_cert_file");

  std::ofstream(Path("garbage.pem")) << "not a certificate";
  ServerConfig garbage = Config();
  garbage.tls_cert_file = Path("garbage.pem");
  auto bad_cert = Server::Create(garbage, handler);
  ASSERT_FALSE(bad_cert.has_value());
  EXPECT_EQ(bad_cert.error().code, ErrorCode::kInvalidArgument);

  ServerConfig mismatched = Config();
  mismatched.tls_key_file = Path("other.pem");
  auto wrong_key = Server::Create(mismatched, handler);
  ASSERT_FALSE(wrong_key.has_value());
  EXPECT_EQ(wrong_key.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(wrong_key.error().field, "tls_key_file") << wrong_key.error().message;
}

}  // namespace
}  // namespace carecoord::server
