// SPDX-License-Identifier: Apache-2.0
#pragma once

// A deliberately small, blocking HTTP/1.1 client over real sockets, for the server's tests only
// (header-only so it stays out of the server library). Every read is bounded by a socket
// timeout, so a misbehaving server fails a test instead of hanging it.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace carecoord::server::testing {

struct ParsedResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;

  // The first value of the header `lower_name`, or nullopt.
  std::optional<std::string> Header(std::string_view lower_name) const {
    for (const auto& [name, value] : headers) {
      if (name == lower_name) return value;
    }
    return std::nullopt;
  }
  int Count(std::string_view lower_name) const {
    int n = 0;
    for (const auto& [name, value] : headers) n += name == lower_name ? 1 : 0;
    return n;
  }
};

inline std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

class TestClient {
 public:
  enum class ReadResult { kData, kClosed, kTimeout };

  // Connects to 127.0.0.1:port; with `tls` (a client context), completes a TLS handshake.
  // Returns nullptr on failure.
  static std::unique_ptr<TestClient> Connect(
      unsigned short port, SSL_CTX* tls = nullptr,
      std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return nullptr;
    auto client = std::unique_ptr<TestClient>(new TestClient(fd));
    client->SetTimeout(timeout);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
      return nullptr;
    }
    if (tls != nullptr) {
      client->ssl_ = SSL_new(tls);
      SSL_set_fd(client->ssl_, fd);
      SSL_set_tlsext_host_name(client->ssl_, "localhost");
      if (SSL_connect(client->ssl_) != 1) return nullptr;
    }
    return client;
  }

  TestClient(const TestClient&) = delete;
  TestClient& operator=(const TestClient&) = delete;
  ~TestClient() {
    if (ssl_ != nullptr) SSL_free(ssl_);
    ::close(fd_);
  }

  // Bounds every later read and write.
  void SetTimeout(std::chrono::milliseconds timeout) {
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>(timeout.count() % 1000 * 1000);
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
  }

  bool Send(std::string_view data) {
    while (!data.empty()) {
      long n;
      if (ssl_ != nullptr) {
        n = SSL_write(ssl_, data.data(), static_cast<int>(data.size()));
      } else {
        n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
      }
      if (n <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  // Reads one response framed by Content-Length (or headers only for HEAD, 204 and 304).
  std::optional<ParsedResponse> ReadResponse(bool head_request = false) {
    std::size_t header_end;
    while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (ReadMore() != ReadResult::kData) return std::nullopt;
    }
    ParsedResponse response;
    const std::string_view head(buffer_.data(), header_end);
    std::size_t line_end = head.find("\r\n");
    const std::string_view status_line = head.substr(0, line_end);
    if (!status_line.starts_with("HTTP/1.1 ") || status_line.size() < 12) return std::nullopt;
    response.status = std::stoi(std::string(status_line.substr(9, 3)));
    while (line_end != std::string_view::npos) {
      const std::size_t start = line_end + 2;
      line_end = head.find("\r\n", start);
      const std::string_view line = head.substr(start, line_end - start);
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) return std::nullopt;
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      response.headers.emplace_back(ToLower(line.substr(0, colon)), std::string(value));
    }
    buffer_.erase(0, header_end + 4);
    std::size_t length = 0;
    const bool bodiless = head_request || response.status == 204 || response.status == 304 ||
                          response.status / 100 == 1;
    if (!bodiless) {
      const std::optional<std::string> content_length = response.Header("content-length");
      if (!content_length) return std::nullopt;  // the server always frames by length
      length = std::stoul(*content_length);
    }
    while (buffer_.size() < length) {
      if (ReadMore() != ReadResult::kData) return std::nullopt;
    }
    response.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return response;
  }

  // Sends `request` and reads the response.
  std::optional<ParsedResponse> RoundTrip(std::string_view request, bool head_request = false) {
    if (!Send(request)) return std::nullopt;
    return ReadResponse(head_request);
  }

  // Reads until the server closes the connection (EOF, reset or TLS close) and returns true, or
  // false if the read timeout passes first. Data received meanwhile is kept in Buffered().
  bool WaitForClose() {
    for (;;) {
      switch (ReadMore()) {
        case ReadResult::kData: continue;
        case ReadResult::kClosed: return true;
        case ReadResult::kTimeout: return false;
      }
    }
  }

  const std::string& Buffered() const { return buffer_; }

 private:
  explicit TestClient(int fd) : fd_(fd) {}

  ReadResult ReadMore() {
    char chunk[16384];
    for (;;) {
      if (ssl_ != nullptr) {
        const int n = SSL_read(ssl_, chunk, sizeof(chunk));
        if (n > 0) {
          buffer_.append(chunk, static_cast<std::size_t>(n));
          return ReadResult::kData;
        }
        const int error = SSL_get_error(ssl_, n);
        if (error == SSL_ERROR_ZERO_RETURN) return ReadResult::kClosed;
        if (error == SSL_ERROR_SYSCALL && (errno == EAGAIN || errno == EWOULDBLOCK)) {
          return ReadResult::kTimeout;
        }
        if (error == SSL_ERROR_WANT_READ) return ReadResult::kTimeout;
        return ReadResult::kClosed;  // EOF without close_notify, reset, or protocol error
      }
      const long n = ::recv(fd_, chunk, sizeof(chunk), 0);
      if (n > 0) {
        buffer_.append(chunk, static_cast<std::size_t>(n));
        return ReadResult::kData;
      }
      if (n == 0) return ReadResult::kClosed;
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) return ReadResult::kTimeout;
      return ReadResult::kClosed;  // ECONNRESET and friends
    }
  }

  int fd_;
  SSL* ssl_ = nullptr;
  std::string buffer_;
};

}  // namespace carecoord::server::testing
