// SPDX-License-Identifier: Apache-2.0
#include "server/response_head.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <chrono>
#include <ctime>

namespace carecoord::server {
namespace {

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'self'";

void AppendNumber(std::string& out, std::size_t value) {
  std::array<char, 24> digits;
  const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
  out.append(digits.data(), result.ptr);
}

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool EqualsLower(std::string_view name, std::string_view lower) {
  if (name.size() != lower.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (Lower(name[i]) != lower[i]) return false;
  }
  return true;
}

// RFC 9110 §5.6.2 token characters.
bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~': return true;
    default: return false;
  }
}

bool IsSafeHeader(const api::Header& header) {
  if (header.name.empty()) return false;
  for (char c : header.name) {
    if (!IsTokenChar(c)) return false;
  }
  for (char c : header.value) {
    if (c == '\r' || c == '\n' || c == '\0') return false;
  }
  return true;
}

// Names the server sets itself; a handler's copy would duplicate or contradict them.
bool IsServerOwned(std::string_view name) {
  static constexpr std::array<std::string_view, 13> kOwned = {"content-length",
                                                              "transfer-encoding",
                                                              "connection",
                                                              "keep-alive",
                                                              "date",
                                                              "server",
                                                              "content-security-policy",
                                                              "x-content-type-options",
                                                              "x-frame-options",
                                                              "referrer-policy",
                                                              "cross-origin-opener-policy",
                                                              "permissions-policy",
                                                              "strict-transport-security"};
  for (std::string_view owned : kOwned) {
    if (EqualsLower(name, owned)) return true;
  }
  return false;
}

}  // namespace

std::string SecurityHeaderBlock(bool tls) {
  std::string block;
  block.append("Content-Security-Policy: ").append(kContentSecurityPolicy).append("\r\n");
  block.append("X-Content-Type-Options: nosniff\r\n");
  block.append("X-Frame-Options: DENY\r\n");
  block.append("Referrer-Policy: no-referrer\r\n");
  block.append("Cross-Origin-Opener-Policy: same-origin\r\n");
  block.append("Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n");
  if (tls) block.append("Strict-Transport-Security: max-age=31536000; includeSubDomains\r\n");
  return block;
}

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 422: return "Unprocessable Content";
    case 423: return "Locked";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Unknown";
  }
}

std::string_view HttpDateNow() {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  thread_local std::time_t cached = -1;
  thread_local std::array<char, 32> text{};
  thread_local std::size_t size = 0;
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  if (now != cached) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    const auto result =
        fmt::format_to_n(text.data(), text.size(), "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
                         kDays[static_cast<std::size_t>(tm.tm_wday)], tm.tm_mday,
                         kMonths[static_cast<std::size_t>(tm.tm_mon)], tm.tm_year + 1900,
                         tm.tm_hour, tm.tm_min, tm.tm_sec);
    size = result.size < text.size() ? result.size : text.size();
    cached = now;
  }
  return {text.data(), size};
}

bool AppendResponseHead(std::string& out, const api::Response& response,
                        const HeadOptions& options) {
  const int status = response.status;
  out.append("HTTP/1.1 ");
  AppendNumber(out, static_cast<std::size_t>(status));
  out.push_back(' ');
  out.append(ReasonPhrase(status));
  out.append("\r\n");

  bool has_cache_control = false;
  for (const api::Header& header : response.headers) {
    if (!IsSafeHeader(header) || IsServerOwned(header.name)) continue;
    if (EqualsLower(header.name, "cache-control")) has_cache_control = true;
    out.append(header.name);
    out.append(": ");
    out.append(header.value);
    out.append("\r\n");
  }
  if (options.default_no_store && !has_cache_control) out.append("Cache-Control: no-store\r\n");

  // RFC 9110 §8.6: no Content-Length on 204; 304 carries no body.
  const bool bodiless_status = status == 204 || status == 304;
  if (!bodiless_status) {
    out.append("Content-Length: ");
    AppendNumber(out, response.body.size());
    out.append("\r\n");
  }
  out.append("Date: ").append(HttpDateNow()).append("\r\n");
  if (!options.keep_alive) {
    out.append("Connection: close\r\n");
  } else if (options.http10) {
    out.append("Connection: keep-alive\r\n");
  }
  out.append(options.security_headers);
  out.append("\r\n");
  return !bodiless_status && !options.head_request;
}

}  // namespace carecoord::server
