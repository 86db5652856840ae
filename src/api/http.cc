// SPDX-License-Identifier: Apache-2.0
#include "api/http.h"

#include <utility>

namespace carecoord::api {

std::string_view Request::HeaderValue(std::string_view lower_name) const {
  for (const auto& h : headers) {
    if (h.name == lower_name) return h.value;
  }
  return {};
}

void Response::SetHeader(std::string name, std::string value) {
  for (auto& h : headers) {
    if (h.name == name) {
      h.value = std::move(value);
      return;
    }
  }
  headers.push_back({std::move(name), std::move(value)});
}

}  // namespace carecoord::api
