// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "api/http.h"
#include "domain/error.h"

// The HTTP(S) front door. Boost.Asio/Beast stay behind this header (pimpl): callers see plain
// configuration and the api::Handler contract only.
namespace carecoord::server {

namespace internal {
class ServerImpl;  // server_impl.h, private to server/
}  // namespace internal

struct ServerConfig {
  std::string bind_address = "127.0.0.1";             // an IPv4/IPv6 literal, or "localhost"
  unsigned short port = 8080;                         // 0 picks a free port; see Server::port()
  unsigned threads = 0;                               // io threads; 0 = one per core
  std::size_t body_limit = std::size_t{1} << 20;      // larger request bodies get 413
  std::size_t header_limit = std::size_t{16} * 1024;  // request line + headers; larger: 431
  // Slow clients: a whole request (headers and body) must arrive within this, counted from its
  // first byte (from the connection's start for the first request). Also bounds each response
  // write. On expiry the connection is closed without a response.
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds idle_timeout{75};   // keep-alive: closed after this long without a request
  std::chrono::seconds shutdown_grace{4};  // Stop(): in-flight requests get this long to finish
  std::string tls_cert_file;  // PEM chain; both or neither. When set, every connection is TLS 1.2+
  std::string tls_key_file;   // PEM private key
  std::string web_root;       // directory with the built web app; empty = no static files
};

// Serves HTTP/1.1 with keep-alive on one port: /healthz and /api/* go to the api::Handler,
// every other GET/HEAD is a static file from web_root (with SPA fallback to index.html).
// Limits, timeouts and protocol errors are answered by the server itself as problem+json.
// Every response carries the browser security headers (CSP, nosniff, frame denial, ...; HSTS
// under TLS). Each request is logged as one JSON line through spdlog's default logger.
//
// Thread-safety: Stop() may be called from any thread, any number of times; the other members
// from one thread. Not copyable or movable.
class Server {
 public:
  // Validates `config`, loads the TLS certificate and key, and binds and listens on the port
  // (connections queue in the backlog until Run). Errors: kInvalidArgument for a bad address,
  // limits, web_root, or unreadable/mismatched certificate and key; kUnavailable when the
  // address cannot be bound (port in use, no permission). `handler` must outlive the Server
  // and may be called from any io thread concurrently; responders it holds past the Server's
  // lifetime may still be called, they then do nothing.
  static Result<std::unique_ptr<Server>> Create(ServerConfig config, api::Handler& handler);

  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The port actually bound (useful when the configured port was 0).
  unsigned short port() const;

  // Runs the io threads (the calling thread is one of them) until Stop() has finished. Logs
  // "listening" at start and "shutdown" at the end. Call once.
  void Run();

  // Graceful stop: stops accepting, closes idle keep-alive connections, lets in-flight requests
  // finish and write their responses (with Connection: close), then makes Run() return. Whatever
  // is still open after shutdown_grace is closed forcibly. Returns at once; thread-safe;
  // idempotent. May be called before Run(), which then returns promptly.
  void Stop();

 private:
  explicit Server(std::unique_ptr<internal::ServerImpl> impl);

  friend int RunUntilSignal(Server& server);

  std::unique_ptr<internal::ServerImpl> impl_;
};

// Runs `server` (as Run()) until SIGINT or SIGTERM, which start a graceful Stop(); a second
// signal forces the stop at once. For `carecoord serve`: returns the process exit code, 0.
// While it runs, those signals no longer terminate the process by default.
int RunUntilSignal(Server& server);

}  // namespace carecoord::server
