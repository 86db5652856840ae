// SPDX-License-Identifier: Apache-2.0
#include "api/router.h"

namespace carecoord::api {
namespace {

// Splits "/a/b/c" into {"a","b","c"}; a trailing slash yields an empty last segment, which
// matches nothing, so "/api/v1/me/" is a 404 rather than a silent alias.
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.empty() || path.front() != '/') return out;
  path.remove_prefix(1);
  for (;;) {
    const std::size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool MatchPath(std::string_view pattern, const std::vector<std::string_view>& segments,
               std::vector<std::string>& params) {
  const auto parts = Segments(pattern);
  if (parts.size() != segments.size()) return false;
  params.clear();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].starts_with('{')) {
      if (segments[i].empty()) return false;
      params.emplace_back(segments[i]);
    } else if (parts[i] != segments[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<std::string_view> Call::Query(std::string_view name) const {
  for (const auto& [k, v] : query) {
    if (k == name) return std::string_view(v);
  }
  return std::nullopt;
}

RouteMatch MatchRoute(std::string_view method, std::string_view path) {
  RouteMatch m;
  const auto segments = Segments(path);
  std::vector<std::string> params;
  for (const Route& r : RouteTable()) {
    if (!MatchPath(r.path, segments, params)) continue;
    if (r.method == method || (method == "HEAD" && r.method == "GET")) {
      m.route = &r;
      m.params = std::move(params);
      return m;
    }
    m.path_exists = true;
    if (!m.allow.empty()) m.allow += ", ";
    m.allow += r.method;
  }
  return m;
}

}  // namespace carecoord::api
