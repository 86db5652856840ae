// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

// Plain request/response values passed between the HTTP server (server/, the only place that
// knows Boost.Beast) and the API layer. Nothing here depends on a network library.
namespace carecoord::api {

struct Header {
  std::string name;  // lower case
  std::string value;
};

struct Request {
  std::string method;  // upper case: "GET", "POST", ...
  std::string target;  // origin-form: path plus optional "?query"
  std::vector<Header> headers;
  std::string body;
  std::string remote_address;
  bool secure = false;  // arrived over TLS

  // First header with this lower-case name, or "" when absent.
  std::string_view HeaderValue(std::string_view lower_name) const;
};

struct Response {
  int status = 200;
  std::vector<Header> headers;  // the API sets content-type here
  std::string body;

  void SetHeader(std::string name, std::string value);
};

// Called exactly once with the response, possibly on another thread (for example after the
// audit group commit made the request's audit events durable).
using Responder = std::function<void(Response)>;

// What the server calls for every request whose path starts with /api/ or is /healthz.
class Handler {
 public:
  virtual ~Handler() = default;
  virtual void Handle(Request request, Responder respond) = 0;
};

}  // namespace carecoord::api
