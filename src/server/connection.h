// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to server/: one client connection's coroutine. Included by server.cc only.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "server/access_log.h"
#include "server/problem.h"
#include "server/response_head.h"
#include "server/response_slot.h"
#include "server/server_impl.h"

namespace carecoord::server::internal {

inline constexpr std::size_t kReadChunk = std::size_t{16} * 1024;
// Bodies up to this size are copied behind the head so the response leaves in one write (one
// TLS record, one syscall); larger ones go as a second buffer.
inline constexpr std::size_t kCoalesceLimit = std::size_t{16} * 1024;
// After an error response, read and discard what the client still sends, so that closing does
// not reset the connection before the client has read the response.
inline constexpr std::size_t kLingerLimit = std::size_t{1} << 20;
inline constexpr std::chrono::seconds kLingerTimeout{2};
inline constexpr std::chrono::seconds kTlsShutdownTimeout{1};
inline constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

inline std::string_view Sv(beast::string_view s) {
  return {s.data(), s.size()};
}

inline std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline bool IsApiPath(std::string_view path) {
  return path == "/healthz" || path == "/api" || path.starts_with("/api/");
}

// One client connection: reads requests, answers them in order, one at a time, until the
// client or a timeout ends it. Stream is TcpStream or TlsStream.
template <typename Stream>
class Connection final : public ConnectionBase {
 public:
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

  Connection(ServerImpl& server, Socket socket, std::string remote)
      : server_(server),
        config_(server.config_),
        stream_(MakeStream(server, std::move(socket))),
        remote_(std::move(remote)),
        id_(server.Register(*this, Lowest().get_executor())) {}

  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() override { server_.Unregister(id_); }

  // The connection's coroutine; it owns the connection.
  static Awaitable<void> Serve(std::unique_ptr<Connection> self) { co_await self->Run(); }

  void CancelIfIdle() override {
    if (idle_) Lowest().cancel();
  }

  void Resume(api::Response response) override {
    if (!pending_) return;
    auto pending = std::exchange(pending_, nullptr);
    pending(std::move(response));  // resumes the coroutine here, on its strand
  }

  void ForceClose() override {
    Lowest().close();
    if (pending_) {
      // The io_context has stopped, so this only queues the coroutine's completion; destroying
      // the io_context then destroys it, and with it the connection.
      asio::post(Lowest().get_executor(),
                 [pending = std::exchange(pending_, nullptr)]() mutable { pending(std::nullopt); });
    }
  }

 private:
  using Message = http::request<http::string_body>;

  static Stream MakeStream(ServerImpl& server, Socket socket) {
    if constexpr (kTls) {
      return Stream(TcpStream(std::move(socket)), server.TlsContext());
    } else {
      return Stream(std::move(socket));
    }
  }

  TcpStream& Lowest() { return beast::get_lowest_layer(stream_); }

  // Completes with the handler's response (nullopt: the server gave up on it at a forced stop).
  // Nothing but the server's gated Deliver ever touches the coroutine's completion handler, so
  // a Responder called late, or on a foreign thread, cannot reach a dead io_context.
  template <typename Token>
  auto AsyncWaitForResponse(std::shared_ptr<ResponseSlot> slot, Token&& token) {
    return asio::async_initiate<Token, void(std::optional<api::Response>)>(
        [this](auto handler, std::shared_ptr<ResponseSlot> armed) {
          pending_ = std::move(handler);
          armed->Arm(server_.MakeDeliver(id_));
          // From here on only the Responder's copies own the slot, so a Responder dropped
          // without being called destroys it, and its destructor answers 500.
          armed.reset();
        },
        token, std::move(slot));
  }

  Awaitable<void> Run();
  Awaitable<beast::error_code> ReadRequest();
  Awaitable<bool> HandleRequest(std::chrono::steady_clock::time_point start);
  Awaitable<std::optional<api::Response>> CallHandler(Message& message);
  Awaitable<std::size_t> Write(const api::Response& response, const HeadOptions& options, bool& ok);
  Awaitable<void> Close(bool linger);
  std::optional<api::Response> ProblemFor(const beast::error_code& ec) const;
  void LogRequest(const api::Response& response, std::size_t bytes,
                  std::chrono::steady_clock::time_point start);

  ServerImpl& server_;
  const ServerConfig& config_;
  Stream stream_;
  const std::string remote_;
  beast::flat_buffer buffer_;  // reused for every request on the connection
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string head_;   // reused for every response head
  bool idle_ = false;  // waiting for the first byte of a request
  // The coroutine's completion handler while it waits for the API handler; strand only.
  std::move_only_function<void(std::optional<api::Response>)> pending_;
  // Last, so the connection is complete when it becomes visible to the server.
  const std::uint64_t id_;
};

template <typename Stream>
Awaitable<void> Connection<Stream>::Run() {
  if constexpr (kTls) {
    Lowest().expires_after(config_.read_timeout);
    auto [ec] = co_await stream_.async_handshake(asio::ssl::stream_base::server, kUse);
    if (ec) co_return;  // not TLS, or too slow: there is nobody to answer
  }
  bool first = true;
  for (;;) {
    // Wait for a request. The first must be complete within read_timeout of the connection's
    // start; later ones may take idle_timeout to begin and read_timeout from their first byte.
    if (buffer_.size() == 0) {
      idle_ = true;
      if (server_.Stopping()) break;
      Lowest().expires_after(first ? config_.read_timeout : config_.idle_timeout);
      auto [ec, n] = co_await stream_.async_read_some(buffer_.prepare(kReadChunk), kUse);
      idle_ = false;
      if (ec) break;  // closed by the client, idle timeout, or Stop()
      buffer_.commit(n);
      if (!first) Lowest().expires_after(config_.read_timeout);
    } else {
      Lowest().expires_after(config_.read_timeout);  // a pipelined request
    }
    first = false;
    const auto start = std::chrono::steady_clock::now();

    parser_.emplace();
    parser_->eager(true);
    parser_->header_limit(static_cast<std::uint32_t>(config_.header_limit));
    parser_->body_limit(static_cast<std::uint64_t>(config_.body_limit));
    const beast::error_code ec = co_await ReadRequest();
    if (ec) {
      std::optional<api::Response> problem = ProblemFor(ec);
      if (!problem) {
        if (ec == beast::error::timeout) {
          LogEvent(LogLevel::kInfo, "request_timeout", {{"remote", remote_}});
        }
        break;
      }
      bool ok = false;
      const std::size_t bytes = co_await Write(
          *problem, {.keep_alive = false, .security_headers = server_.security_headers_}, ok);
      LogRequest(*problem, bytes, start);
      co_await Close(/*linger=*/true);
      co_return;
    }
    if (!co_await HandleRequest(start)) break;
  }
  co_await Close(/*linger=*/false);
}

// Feeds buffered bytes to the parser and reads more until the request is complete. Returns
// the parser's error (limits, malformed HTTP) or the stream's (EOF, timeout, cancellation).
template <typename Stream>
Awaitable<beast::error_code> Connection<Stream>::ReadRequest() {
  bool continue_sent = false;
  for (;;) {
    if (buffer_.size() != 0) {
      beast::error_code ec;
      const std::size_t used = parser_->put(buffer_.data(), ec);
      buffer_.consume(used);
      if (ec && ec != http::error::need_more) co_return ec;
      if (parser_->is_done()) co_return beast::error_code{};
      // RFC 9110 §10.1.1: a client that sent Expect: 100-continue waits for this (or a final
      // response) before sending the body; the limits have already been checked.
      if (parser_->is_header_done() && !continue_sent) {
        const Message& message = parser_->get();
        continue_sent = true;
        if (message.version() >= 11 &&
            beast::iequals(message[http::field::expect], "100-continue")) {
          auto [write_ec, written] =
              co_await asio::async_write(stream_, asio::buffer(kContinue), kUse);
          if (write_ec) co_return write_ec;
        }
      }
    }
    auto [ec, n] = co_await stream_.async_read_some(buffer_.prepare(kReadChunk), kUse);
    if (ec) co_return ec;
    buffer_.commit(n);
  }
}

template <typename Stream>
std::optional<api::Response> Connection<Stream>::ProblemFor(const beast::error_code& ec) const {
  if (ec == http::error::body_limit) {
    return MakeProblem(
        413, "content_too_large", "Content too large",
        fmt::format("The request body exceeds the limit of {} bytes.", config_.body_limit));
  }
  if (ec == http::error::header_limit) {
    return MakeProblem(431, "header_fields_too_large", "Request header fields too large",
                       fmt::format("The request line and headers exceed the limit of {} bytes.",
                                   config_.header_limit));
  }
  if (ec.category() == http::make_error_code(http::error::bad_method).category() &&
      ec != http::error::partial_message && ec != http::error::end_of_stream) {
    return MakeProblem(400, "bad_request", "Bad request",
                       fmt::format("Malformed HTTP request: {}.", ec.message()));
  }
  return std::nullopt;  // the stream failed: nobody is listening for an answer
}

// Routes one complete request and writes the response. Returns whether the connection stays
// open for another request.
template <typename Stream>
Awaitable<bool> Connection<Stream>::HandleRequest(std::chrono::steady_clock::time_point start) {
  Message& message = parser_->get();
  const std::string_view target = Sv(message.target());
  const std::string_view path = target.substr(0, target.find('?'));
  const http::verb method = message.method();
  const bool origin_form = !target.empty() && target.front() == '/';

  api::Response response;
  bool api_route = false;
  if (!origin_form) {
    response = MakeProblem(400, "bad_request", "Bad request",
                           "The request target must be a path starting with '/'.");
  } else if (IsApiPath(path)) {
    api_route = true;
    std::optional<api::Response> answer = co_await CallHandler(message);
    if (!answer) co_return false;  // abandoned by a forced shutdown
    response = std::move(*answer);
    if (response.status < 200 || response.status > 599) {
      LogEvent(LogLevel::kError, "invalid_handler_status", {{"status", response.status}});
      response = MakeProblem(500, "internal", "Internal server error",
                             "The request handler produced an invalid response.");
    }
  } else if (method != http::verb::get && method != http::verb::head) {
    response = MakeProblem(405, "method_not_allowed", "Method not allowed",
                           "Only GET and HEAD are allowed here.");
    response.headers.push_back({"allow", "GET, HEAD"});
  } else if (!server_.static_files_) {
    response = MakeProblem(404, "not_found", "Not found", "No such resource.");
  } else {
    response = server_.static_files_->Serve(target, Sv(message[http::field::if_none_match]));
  }

  // Decided after the handler ran: a Stop() meanwhile turns this into the last response.
  const bool keep_alive = origin_form && message.keep_alive() && !server_.Stopping();
  const HeadOptions options{.keep_alive = keep_alive,
                            .http10 = message.version() == 10,
                            .head_request = method == http::verb::head,
                            .default_no_store = api_route,
                            .security_headers = server_.security_headers_};
  bool ok = false;
  const std::size_t bytes = co_await Write(response, options, ok);
  LogRequest(response, bytes, start);
  co_return (ok && keep_alive);
}

template <typename Stream>
Awaitable<std::optional<api::Response>> Connection<Stream>::CallHandler(Message& message) {
  api::Request request;
  request.method = Sv(message.method_string());
  request.target = Sv(message.target());
  request.headers.reserve(16);
  for (const auto& field : message) {
    request.headers.push_back(
        {LowerAscii(Sv(field.name_string())), std::string(Sv(field.value()))});
  }
  request.body = std::move(message.body());
  request.remote_address = remote_;
  request.secure = kTls;

  auto slot = std::make_shared<ResponseSlot>();
  try {
    server_.handler_.Handle(std::move(request),
                            [slot](api::Response response) { slot->Fulfil(std::move(response)); });
  } catch (...) {
    // The API layer promises not to throw; if it does anyway, the client still gets an answer.
    LogEvent(LogLevel::kError, "handler_exception");
    slot->Fulfil(MakeProblem(500, "internal", "Internal server error",
                             "The request could not be processed."));
  }
  // Handlers that answer synchronously, inside Handle, cost no extra trip through the executor.
  if (std::optional<api::Response> ready = slot->TakeReady()) co_return ready;
  auto [response] = co_await AsyncWaitForResponse(std::move(slot), kUse);
  co_return std::move(response);
}

// Writes the response; returns the body bytes sent and sets `ok` to whether it all went out.
template <typename Stream>
Awaitable<std::size_t> Connection<Stream>::Write(const api::Response& response,
                                                 const HeadOptions& options, bool& ok) {
  head_.clear();
  const bool with_body = AppendResponseHead(head_, response, options) && !response.body.empty();
  // read_timeout also bounds the write, so a client that stops reading cannot pin the
  // connection.
  Lowest().expires_after(config_.read_timeout);
  beast::error_code ec;
  if (!with_body) {
    std::tie(ec, std::ignore) = co_await asio::async_write(stream_, asio::buffer(head_), kUse);
  } else if (response.body.size() <= kCoalesceLimit) {
    head_.append(response.body);
    std::tie(ec, std::ignore) = co_await asio::async_write(stream_, asio::buffer(head_), kUse);
  } else {
    const std::array<asio::const_buffer, 2> buffers = {asio::buffer(head_),
                                                       asio::buffer(response.body)};
    std::tie(ec, std::ignore) = co_await asio::async_write(stream_, buffers, kUse);
  }
  ok = !ec;
  co_return (ok && with_body) ? response.body.size() : 0;
}

// Ends the connection politely: TLS close_notify, or a TCP half-close. With `linger` (after an
// error response to a request that may not have been read completely) the client's remaining
// bytes are read and dropped for a moment first, so that our close does not turn into a reset
// that destroys the response before the client has read it.
template <typename Stream>
Awaitable<void> Connection<Stream>::Close(bool linger) {
  beast::error_code ec;
  if constexpr (kTls) {
    Lowest().expires_after(kTlsShutdownTimeout);
    std::tie(ec) = co_await stream_.async_shutdown(kUse);
  } else {
    Lowest().socket().shutdown(tcp::socket::shutdown_send, ec);
    if (linger && !ec) {
      Lowest().expires_after(
          std::min<std::chrono::steady_clock::duration>(kLingerTimeout, config_.read_timeout));
      std::size_t drained = 0;
      while (drained < kLingerLimit) {
        auto [read_ec, n] = co_await Lowest().async_read_some(buffer_.prepare(kReadChunk), kUse);
        if (read_ec) break;
        drained += n;
      }
    }
  }
  Lowest().close();
}

template <typename Stream>
void Connection<Stream>::LogRequest(const api::Response& response, std::size_t bytes,
                                    std::chrono::steady_clock::time_point start) {
  const Message& message = parser_->get();
  const std::string_view target = Sv(message.target());
  const std::chrono::duration<double, std::milli> elapsed =
      std::chrono::steady_clock::now() - start;
  server::LogRequest({.method = Sv(message.method_string()),
                      .path = target.substr(0, target.find('?')),
                      .status = response.status,
                      .bytes = bytes,
                      .duration_ms = elapsed.count(),
                      .remote = remote_});
}

}  // namespace carecoord::server::internal
