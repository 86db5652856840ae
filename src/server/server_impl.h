// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to server/: the Asio types and ServerImpl, shared by server.cc and connection.h.
// Includes Boost.Asio/Beast, so nothing outside those two may include it (server.cc is the one
// translation unit that does, besides beast_impl.cc).

#include <algorithm>
#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

#include "api/http.h"
#include "domain/error.h"
#include "server/response_head.h"
#include "server/response_slot.h"
#include "server/server.h"
#include "server/static_files.h"

namespace carecoord::server::internal {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// Every connection runs on its own strand over the one io_context, so its coroutine, its
// timers and the shutdown notifications posted to it never run concurrently. Concrete executor
// types (not any_io_executor) spare a type-erased call on every operation.
using Strand = asio::strand<asio::io_context::executor_type>;
using Socket = asio::basic_stream_socket<tcp, Strand>;
using Acceptor = asio::basic_socket_acceptor<tcp, Strand>;
using Timer = asio::basic_waitable_timer<std::chrono::steady_clock,
                                         asio::wait_traits<std::chrono::steady_clock>, Strand>;
using SignalSet = asio::basic_signal_set<Strand>;
using TcpStream = beast::basic_stream<tcp, Strand>;
using TlsStream = asio::ssl::stream<TcpStream>;
template <typename T>
using Awaitable = asio::awaitable<T, Strand>;

// Completion token for every await: errors come back as values (the first tuple element)
// instead of exceptions, as the rest of the code base expects.
inline constexpr asio::as_tuple_t<asio::use_awaitable_t<Strand>> kUse{};

// What the server needs from a connection, beyond its coroutine.
class ConnectionBase {
 public:
  virtual ~ConnectionBase() = default;
  // On the connection's strand: close the connection if it waits for a request.
  virtual void CancelIfIdle() = 0;
  // On the connection's strand: the handler's response has arrived.
  virtual void Resume(api::Response response) = 0;
  // Closes the socket and ends any wait for a handler's response. Only once the io threads have
  // stopped (the caller then owns every connection).
  virtual void ForceClose() = 0;
};

// Lets Responders, which may run on any thread at any time (even after the server is gone),
// reach the server only while it is there. Shared by every armed ResponseSlot's Deliver.
struct DeliveryGate {
  std::mutex mu;
  bool open = true;  // guarded by mu; false once the server stops delivering
};

class ServerImpl {
 public:
  ServerImpl(ServerConfig config, api::Handler& handler, std::optional<StaticFiles> static_files)
      : config_(std::move(config)),
        handler_(handler),
        static_files_(std::move(static_files)),
        security_headers_(SecurityHeaderBlock(!config_.tls_cert_file.empty())),
        threads_(config_.threads != 0 ? config_.threads
                                      : std::max(1u, std::thread::hardware_concurrency())),
        ioc_(static_cast<int>(threads_)),
        strand_(asio::make_strand(ioc_)),
        acceptor_(strand_),
        grace_timer_(strand_) {}

  ServerImpl(const ServerImpl&) = delete;
  ServerImpl& operator=(const ServerImpl&) = delete;
  ~ServerImpl() { CloseGate(); }

  Status Listen();
  void Run();
  void Stop();
  void WatchSignals();
  unsigned short Port() const { return port_; }

  // For connections.
  bool Stopping() const { return stopping_.load(std::memory_order_acquire); }
  bool Tls() const { return tls_context_.has_value(); }
  asio::ssl::context& TlsContext() { return *tls_context_; }
  std::uint64_t Register(ConnectionBase& connection, const Strand& strand);
  void Unregister(std::uint64_t id);
  // Where the response for connection `id`'s current request goes: through the gate, onto the
  // connection's strand, into Connection::Resume.
  ResponseSlot::Deliver MakeDeliver(std::uint64_t id);

  const ServerConfig config_;
  api::Handler& handler_;
  const std::optional<StaticFiles> static_files_;
  const std::string security_headers_;

 private:
  struct Registered {
    ConnectionBase* connection;
    Strand strand;
  };

  Status SetUpTls();
  Awaitable<void> Accept();
  void SpawnConnection(Socket socket);
  void BeginShutdown();
  void WaitForSignal();
  void RunIoLoop();
  void CloseGate();
  std::size_t ForceCloseAll();
  void PostResume(std::uint64_t id, api::Response response);

  const unsigned threads_;
  std::atomic<bool> stopping_{false};
  // Set once Run's io loops have ended: from then on nothing may post to or stop ioc_.
  std::atomic<bool> io_stopped_{false};
  const std::shared_ptr<DeliveryGate> gate_ = std::make_shared<DeliveryGate>();

  // Declared before ioc_ so they outlive it: destroying ioc_ destroys the coroutine frames of
  // unfinished connections, whose destructors unregister here and whose streams use the
  // TLS context.
  std::mutex connections_mu_;
  std::unordered_map<std::uint64_t, Registered> connections_;
  std::uint64_t next_connection_id_ = 1;
  std::optional<asio::ssl::context> tls_context_;

  asio::io_context ioc_;
  Strand strand_;  // the acceptor, the grace timer and the signal set
  Acceptor acceptor_;
  Timer grace_timer_;
  std::optional<SignalSet> signals_;
  unsigned short port_ = 0;
};

}  // namespace carecoord::server::internal
