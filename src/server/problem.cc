// SPDX-License-Identifier: Apache-2.0
#include "server/problem.h"

#include <fmt/format.h>

#include <string>

#include "server/json_escape.h"

namespace carecoord::server {

api::Response MakeProblem(int status, std::string_view name, std::string_view title,
                          std::string_view detail) {
  api::Response response;
  response.status = status;
  std::string& body = response.body;
  body.reserve(96 + name.size() + title.size() + detail.size());
  body.append(R"({"type":)");
  AppendJsonString(body, fmt::format("/problems/{}", name));
  body.append(R"(,"title":)");
  AppendJsonString(body, title);
  body.append(fmt::format(R"(,"status":{},"detail":)", status));
  AppendJsonString(body, detail);
  body.push_back('}');
  response.headers.push_back({"content-type", "application/problem+json"});
  response.headers.push_back({"cache-control", "no-store"});
  return response;
}

}  // namespace carecoord::server
