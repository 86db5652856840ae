// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "api/http.h"
#include "domain/error.h"

namespace carecoord::server {

// How a request path maps onto the web root.
struct StaticPath {
  enum class Verdict {
    kOk,
    kBadRequest,  // malformed or hostile: bad %-escape, NUL, backslash, "." or ".." segment
    kNotFound,    // well-formed but never served: hidden files (a segment starting with '.')
  };
  Verdict verdict = Verdict::kOk;
  // Percent-decoded, '/'-separated, no leading or trailing '/', no empty segments; "" is the
  // root. Only meaningful when verdict is kOk.
  std::string relative;
  bool trailing_slash = false;
};

// Decodes the path part of a request target (the query string is ignored) into a path relative
// to the web root. Rejects rather than normalises anything that could climb out of the root:
// "." and ".." segments, their %-encoded forms, encoded '/' and '\', backslashes, NUL and other
// control characters.
StaticPath DecodeStaticPath(std::string_view target);

// The Content-Type for a file name, by extension (case-insensitive); application/octet-stream
// when unknown.
std::string_view ContentTypeFor(std::string_view file_name);

// Serves the built web application from one directory.
//   - "/" and unknown paths without a file extension get index.html (the SPA's router takes
//     over in the browser); a missing path with an extension is a 404.
//   - index.html (and anything else outside /assets/) is sent with Cache-Control: no-cache;
//     files under /assets/ carry content hashes in their names and are immutable for a year.
//   - Weak ETags from size and modification time; a matching If-None-Match gets 304.
//   - Files are resolved with realpath and must stay inside the root, so a symlink cannot lead
//     out of it either.
// Thread-safe (no mutable state); reads the file on every request.
class StaticFiles {
 public:
  // `root` must name an existing directory; kInvalidArgument otherwise.
  static Result<StaticFiles> Open(std::string_view root);

  // The response to a GET or HEAD of `target` (the caller handles other methods). Errors are
  // problem+json responses (400, 404, 500).
  api::Response Serve(std::string_view target, std::string_view if_none_match) const;

  const std::string& Root() const { return root_; }

 private:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}

  std::string root_;  // canonical, without a trailing '/'
};

}  // namespace carecoord::server
