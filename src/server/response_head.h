// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "api/http.h"

// Serialises the status line and header block of a response. The server writes responses
// itself rather than through Beast's serializer: one reusable buffer per connection and no
// per-field allocation, which matters at tens of thousands of requests per second.
namespace carecoord::server {

// Headers the server sends on every response, each line ending in CRLF: the browser hardening
// set (CSP, nosniff, frame denial, referrer and opener policies, permissions) and, under TLS,
// HSTS. Computed once per server.
std::string SecurityHeaderBlock(bool tls);

struct HeadOptions {
  bool keep_alive = true;
  bool http10 = false;                  // the request was HTTP/1.0: keep-alive must be explicit
  bool head_request = false;            // HEAD: same headers, no body
  bool default_no_store = false;        // add Cache-Control: no-store unless the response has one
  std::string_view security_headers{};  // from SecurityHeaderBlock
};

// Appends "HTTP/1.1 <status> <reason>", the response's own headers, framing (Content-Length,
// Date, Connection), the security block and the blank line to `out`. The server owns framing
// and the security headers, so response headers with those names are dropped, as are any whose
// name or value could split the header (CR, LF, NUL) or whose name is not a token.
// Precondition: 200 <= response.status <= 599 (the caller maps anything else to a 500).
// Returns whether the body must follow (false for HEAD, 204 and 304).
bool AppendResponseHead(std::string& out, const api::Response& response,
                        const HeadOptions& options);

// The "Date" value for now, e.g. "Sun, 06 Nov 1994 08:49:37 GMT" (cached per thread and second).
std::string_view HttpDateNow();

// The standard reason phrase for `status`, or "Unknown".
std::string_view ReasonPhrase(int status);

}  // namespace carecoord::server
