// SPDX-License-Identifier: Apache-2.0
// The listener, TLS, signals and shutdown; connection.h holds the connection loop. With
// beast_impl.cc, the only translation unit that includes Boost.Asio/Beast. Request bytes are
// parsed by Beast; everything that does not need the network (response heads, static files,
// problems, logs) lives in plain C++ next door.
#include "server/server.h"

#include <fmt/format.h>
#include <openssl/ssl.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <exception>
#include <limits>
#include <thread>
#include <utility>
#include <vector>

#include "server/access_log.h"
#include "server/connection.h"
#include "server/server_impl.h"

namespace carecoord::server {
namespace internal {
namespace {

void LogCoroutineFailure(std::string_view what_failed, const std::exception_ptr& error) {
  if (!error) return;
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    LogEvent(LogLevel::kError, what_failed, {{"error", e.what()}});
  } catch (...) {
    LogEvent(LogLevel::kError, what_failed);
  }
}

std::string RemoteAddress(const Socket& socket) {
  beast::error_code ec;
  const tcp::endpoint endpoint = socket.remote_endpoint(ec);
  if (ec) return {};
  asio::ip::address address = endpoint.address();
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
  }
  return address.to_string();
}

}  // namespace

// --- ServerImpl -----------------------------------------------------------------------------

std::uint64_t ServerImpl::Register(ConnectionBase& connection, const Strand& strand) {
  std::lock_guard lock(connections_mu_);
  const std::uint64_t id = next_connection_id_++;
  connections_.emplace(id, Registered{&connection, strand});
  return id;
}

void ServerImpl::Unregister(std::uint64_t id) {
  std::lock_guard lock(connections_mu_);
  connections_.erase(id);
  // The last connection of a stopping server: nothing is left to wait for.
  if (connections_.empty() && Stopping() && !io_stopped_.load()) ioc_.stop();
}

ResponseSlot::Deliver ServerImpl::MakeDeliver(std::uint64_t id) {
  return [gate = gate_, this, id](api::Response response) {
    std::lock_guard lock(gate->mu);
    if (gate->open) PostResume(id, std::move(response));
  };
}

// Any thread, with the gate open (so the server and its io_context exist).
void ServerImpl::PostResume(std::uint64_t id, api::Response response) {
  std::lock_guard lock(connections_mu_);
  auto it = connections_.find(id);
  if (it == connections_.end()) return;
  asio::post(it->second.strand, [this, id, response = std::move(response)]() mutable {
    ConnectionBase* connection = nullptr;
    {
      std::lock_guard inner(connections_mu_);
      if (auto found = connections_.find(id); found != connections_.end()) {
        connection = found->second.connection;
      }
    }
    // On the connection's strand, where it cannot end while we use it.
    if (connection != nullptr) connection->Resume(std::move(response));
  });
}

void ServerImpl::CloseGate() {
  std::lock_guard lock(gate_->mu);
  gate_->open = false;
}

Status ServerImpl::SetUpTls() {
  for (const std::string* file : {&config_.tls_cert_file, &config_.tls_key_file}) {
    if (::access(file->c_str(), R_OK) != 0) {
      return Fail(ErrorCode::kInvalidArgument, fmt::format("cannot read TLS file '{}'", *file),
                  file == &config_.tls_cert_file ? "tls_cert_file" : "tls_key_file");
    }
  }
  tls_context_.emplace(asio::ssl::context::tls_server);
  asio::ssl::context& context = *tls_context_;
  SSL_CTX* native = context.native_handle();
  SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
  SSL_CTX_set_options(
      native, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
  // An encrypted key would make OpenSSL prompt on the terminal; fail instead.
  context.set_password_callback(
      [](std::size_t, asio::ssl::context::password_purpose) { return std::string(); });
  beast::error_code ec;
  context.use_certificate_chain_file(config_.tls_cert_file, ec);
  if (ec) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("cannot load the TLS certificate chain from '{}': {}",
                            config_.tls_cert_file, ec.message()),
                "tls_cert_file");
  }
  context.use_private_key_file(config_.tls_key_file, asio::ssl::context::pem, ec);
  if (ec) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("cannot load the TLS private key from '{}' (PEM, unencrypted): {}",
                            config_.tls_key_file, ec.message()),
                "tls_key_file");
  }
  if (SSL_CTX_check_private_key(native) != 1) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("the TLS private key '{}' does not match the certificate '{}'",
                            config_.tls_key_file, config_.tls_cert_file),
                "tls_key_file");
  }
  return {};
}

Status ServerImpl::Listen() {
  if (!config_.tls_cert_file.empty()) {
    if (Status tls = SetUpTls(); !tls) return tls;
  }
  beast::error_code ec;
  const std::string host = config_.bind_address == "localhost" ? "127.0.0.1" : config_.bind_address;
  const asio::ip::address address = asio::ip::make_address(host, ec);
  if (ec) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("bind_address '{}' is not an IP address", config_.bind_address),
                "bind_address");
  }
  const tcp::endpoint endpoint(address, config_.port);
  const std::string where = address.is_v6() ? fmt::format("[{}]:{}", host, config_.port)
                                            : fmt::format("{}:{}", host, config_.port);
  auto fail = [&](std::string_view step) {
    return Fail(ErrorCode::kUnavailable,
                fmt::format("cannot listen on {} ({}): {}", where, step, ec.message()));
  };
  if (acceptor_.open(endpoint.protocol(), ec); ec) return fail("open");
  // Lets a restarted server bind while old connections sit in TIME_WAIT; a second live
  // listener on the port is still refused.
  if (acceptor_.set_option(tcp::acceptor::reuse_address(true), ec); ec) return fail("setsockopt");
  if (acceptor_.bind(endpoint, ec); ec) return fail("bind");
  if (acceptor_.listen(asio::socket_base::max_listen_connections, ec); ec) return fail("listen");
  port_ = acceptor_.local_endpoint(ec).port();
  if (ec) return fail("getsockname");
  asio::co_spawn(strand_, Accept(), [](const std::exception_ptr& error) {
    LogCoroutineFailure("listener_failed", error);
  });
  return {};
}

Awaitable<void> ServerImpl::Accept() {
  for (;;) {
    auto [ec, socket] = co_await acceptor_.async_accept(asio::make_strand(ioc_), kUse);
    if (Stopping()) co_return;  // a socket accepted in the race with Stop() just closes
    if (ec == asio::error::operation_aborted) co_return;
    if (ec) {
      // Out of descriptors or memory: pause instead of spinning; finishing connections free
      // resources.
      LogEvent(LogLevel::kError, "accept_failed", {{"error", ec.message()}});
      Timer pause(strand_);
      pause.expires_after(std::chrono::milliseconds(100));
      co_await pause.async_wait(kUse);
      continue;
    }
    SpawnConnection(std::move(socket));
  }
}

void ServerImpl::SpawnConnection(Socket socket) {
  beast::error_code ec;
  socket.set_option(tcp::no_delay(true), ec);
  std::string remote = RemoteAddress(socket);
  const Strand strand = socket.get_executor();
  auto on_done = [](const std::exception_ptr& error) {
    LogCoroutineFailure("connection_failed", error);
  };
  if (Tls()) {
    auto connection =
        std::make_unique<Connection<TlsStream>>(*this, std::move(socket), std::move(remote));
    asio::co_spawn(strand, Connection<TlsStream>::Serve(std::move(connection)), on_done);
  } else {
    auto connection =
        std::make_unique<Connection<TcpStream>>(*this, std::move(socket), std::move(remote));
    asio::co_spawn(strand, Connection<TcpStream>::Serve(std::move(connection)), on_done);
  }
}

void ServerImpl::Stop() {
  if (stopping_.exchange(true)) return;
  asio::post(strand_, [this] { BeginShutdown(); });
}

// On strand_. Stops accepting, asks every connection to close if idle (busy ones finish their
// request and then close, since Stopping() is set), and arms the grace timer.
void ServerImpl::BeginShutdown() {
  beast::error_code ec;
  acceptor_.close(ec);
  std::lock_guard lock(connections_mu_);
  if (connections_.empty()) {
    ioc_.stop();
    return;
  }
  for (const auto& [id, registered] : connections_) {
    asio::post(registered.strand, [this, id = id] {
      std::lock_guard inner(connections_mu_);
      // Looked up again: the connection may have ended since. Running on its strand means it
      // cannot end while we use it.
      if (auto it = connections_.find(id); it != connections_.end()) {
        it->second.connection->CancelIfIdle();
      }
    });
  }
  grace_timer_.expires_after(config_.shutdown_grace);
  grace_timer_.async_wait([this](const beast::error_code& wait_ec) {
    if (!wait_ec) ioc_.stop();  // Run() closes whatever is left
  });
}

void ServerImpl::WatchSignals() {
  signals_.emplace(strand_, SIGINT, SIGTERM);
  WaitForSignal();
}

void ServerImpl::WaitForSignal() {
  signals_->async_wait([this](const beast::error_code& ec, int signal_number) {
    if (ec) return;
    if (!Stopping()) {
      LogEvent(LogLevel::kInfo, "signal", {{"signal", signal_number}, {"action", "stop"}});
      Stop();
      WaitForSignal();
    } else {
      LogEvent(LogLevel::kWarn, "signal", {{"signal", signal_number}, {"action", "force"}});
      ioc_.stop();
    }
  });
}

void ServerImpl::RunIoLoop() {
  for (;;) {
    try {
      ioc_.run();
      return;
    } catch (const std::exception& e) {
      // Handlers are written not to throw; keep the thread serving if one does anyway.
      LogEvent(LogLevel::kError, "io_loop_exception", {{"error", e.what()}});
    } catch (...) {
      LogEvent(LogLevel::kError, "io_loop_exception");
    }
  }
}

std::size_t ServerImpl::ForceCloseAll() {
  std::lock_guard lock(connections_mu_);
  for (auto& [id, registered] : connections_) registered.connection->ForceClose();
  return connections_.size();
}

void ServerImpl::Run() {
  LogEvent(LogLevel::kInfo, "listening",
           {{"address", config_.bind_address},
            {"port", port_},
            {"tls", Tls()},
            {"threads", threads_},
            {"web_root", static_files_ ? static_files_->Root() : std::string()}});
  std::vector<std::thread> threads;
  threads.reserve(threads_ - 1);
  for (unsigned i = 1; i < threads_; ++i) threads.emplace_back([this] { RunIoLoop(); });
  RunIoLoop();
  for (std::thread& thread : threads) thread.join();
  io_stopped_.store(true);
  // From now on a Responder called on another thread no longer reaches the server, and the io
  // threads are gone, so this thread owns every connection left after the grace period. Their
  // coroutine frames are destroyed with ioc_.
  CloseGate();
  const std::size_t forced = ForceCloseAll();
  signals_.reset();
  LogEvent(LogLevel::kInfo, "shutdown", {{"forced_connections", forced}});
  FlushLog();
}

}  // namespace internal

using internal::ServerImpl;

// --- Server -------------------------------------------------------------------------------------

Server::Server(std::unique_ptr<ServerImpl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Create(ServerConfig config, api::Handler& handler) {
  if (config.tls_cert_file.empty() != config.tls_key_file.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                "tls_cert_file and tls_key_file must be set together (or neither)",
                config.tls_cert_file.empty() ? "tls_cert_file" : "tls_key_file");
  }
  if (config.header_limit < 1024 ||
      config.header_limit > std::numeric_limits<std::uint32_t>::max()) {
    return Fail(ErrorCode::kInvalidArgument, "header_limit must be between 1 KiB and 4 GiB",
                "header_limit");
  }
  if (config.read_timeout.count() <= 0 || config.idle_timeout.count() <= 0 ||
      config.shutdown_grace.count() < 0) {
    return Fail(ErrorCode::kInvalidArgument,
                "read_timeout and idle_timeout must be positive, shutdown_grace not negative");
  }
  if (config.threads > 1024) {
    return Fail(ErrorCode::kInvalidArgument, "threads must be at most 1024", "threads");
  }
  std::optional<StaticFiles> static_files;
  if (!config.web_root.empty()) {
    Result<StaticFiles> opened = StaticFiles::Open(config.web_root);
    if (!opened) {
      Error error = std::move(opened.error());
      error.field = "web_root";
      return std::unexpected(std::move(error));
    }
    static_files.emplace(std::move(*opened));
  }
  auto impl = std::make_unique<ServerImpl>(std::move(config), handler, std::move(static_files));
  if (Status listening = impl->Listen(); !listening) return std::unexpected(listening.error());
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

unsigned short Server::port() const {
  return impl_->Port();
}
void Server::Run() {
  impl_->Run();
}
void Server::Stop() {
  impl_->Stop();
}

int RunUntilSignal(Server& server) {
  server.impl_->WatchSignals();
  server.Run();
  return 0;
}

}  // namespace carecoord::server
