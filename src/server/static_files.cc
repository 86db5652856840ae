// SPDX-License-Identifier: Apache-2.0
#include "server/static_files.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <memory>
#include <optional>

#include "server/problem.h"

namespace carecoord::server {
namespace {

// Owns a file descriptor.
class UniqueFd {
 public:
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int Get() const { return fd_; }

 private:
  int fd_;
};

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsControl(unsigned char c) {
  return c < 0x20 || c == 0x7F;
}

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// realpath(3), or nullopt when the path does not exist (or cannot be resolved).
std::optional<std::string> RealPath(const std::string& path) {
  std::unique_ptr<char, decltype(&std::free)> resolved(::realpath(path.c_str(), nullptr),
                                                       &std::free);
  if (!resolved) return std::nullopt;
  return std::string(resolved.get());
}

std::string_view BaseName(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool HasExtension(std::string_view path) {
  return BaseName(path).find('.') != std::string_view::npos;
}

// Whether `if_none_match` (a list of entity tags, or "*") matches `etag`. Weak comparison, as
// RFC 9110 §13.1.2 prescribes for If-None-Match.
bool NoneMatchHits(std::string_view if_none_match, std::string_view etag) {
  auto opaque = [](std::string_view tag) { return tag.starts_with("W/") ? tag.substr(2) : tag; };
  while (!if_none_match.empty()) {
    const auto comma = if_none_match.find(',');
    std::string_view item = if_none_match.substr(0, comma);
    if_none_match =
        comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (item == "*" || opaque(item) == opaque(etag)) return true;
  }
  return false;
}

api::Response NotFound() {
  return MakeProblem(404, "not_found", "Not found", "No such file.");
}

}  // namespace

StaticPath DecodeStaticPath(std::string_view target) {
  StaticPath result;
  const auto end = target.find_first_of("?#");
  const std::string_view path = target.substr(0, end);
  if (path.empty() || path.front() != '/') {
    result.verdict = StaticPath::Verdict::kBadRequest;
    return result;
  }

  std::string decoded;
  decoded.reserve(path.size());
  for (std::size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '%') {
      if (i + 2 >= path.size()) {
        result.verdict = StaticPath::Verdict::kBadRequest;
        return result;
      }
      const int hi = HexValue(path[i + 1]);
      const int lo = HexValue(path[i + 2]);
      if (hi < 0 || lo < 0) {
        result.verdict = StaticPath::Verdict::kBadRequest;
        return result;
      }
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
      // An encoded separator would change how the path splits after decoding.
      if (c == '/') {
        result.verdict = StaticPath::Verdict::kBadRequest;
        return result;
      }
    }
    if (c == '\\' || c == '\0' || IsControl(static_cast<unsigned char>(c))) {
      result.verdict = StaticPath::Verdict::kBadRequest;
      return result;
    }
    decoded.push_back(c);
  }

  result.trailing_slash = decoded.size() > 1 && decoded.back() == '/';
  std::string_view rest = decoded;
  bool hidden = false;
  while (!rest.empty()) {
    const auto slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (segment.empty()) continue;
    if (segment == "." || segment == "..") {
      result.verdict = StaticPath::Verdict::kBadRequest;
      return result;
    }
    if (segment.front() == '.') hidden = true;
    if (!result.relative.empty()) result.relative.push_back('/');
    result.relative.append(segment);
  }
  if (hidden) {
    result.verdict = StaticPath::Verdict::kNotFound;
    result.relative.clear();
  }
  return result;
}

std::string_view ContentTypeFor(std::string_view file_name) {
  const std::string_view base = BaseName(file_name);
  const auto dot = base.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  std::string ext;
  for (char c : base.substr(dot + 1)) ext.push_back(Lower(c));
  if (ext == "html" || ext == "htm") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  if (ext == "json" || ext == "map") return "application/json";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "webmanifest") return "application/manifest+json";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "webp") return "image/webp";
  if (ext == "gif") return "image/gif";
  if (ext == "wasm") return "application/wasm";
  return "application/octet-stream";
}

Result<StaticFiles> StaticFiles::Open(std::string_view root) {
  const std::string root_string(root);
  std::optional<std::string> canonical = RealPath(root_string);
  struct stat info {};
  if (!canonical || ::stat(canonical->c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("web_root '{}' is not an existing directory", root));
  }
  if (*canonical == "/") {
    return Fail(ErrorCode::kInvalidArgument, "web_root must not be the file system root");
  }
  return StaticFiles(std::move(*canonical));
}

api::Response StaticFiles::Serve(std::string_view target, std::string_view if_none_match) const {
  const StaticPath path = DecodeStaticPath(target);
  if (path.verdict == StaticPath::Verdict::kBadRequest) {
    return MakeProblem(400, "bad_request", "Bad request", "The request path is not allowed.");
  }
  if (path.verdict == StaticPath::Verdict::kNotFound) return NotFound();

  // Resolves `relative` to a regular file inside the root, or nullopt.
  auto resolve = [this](const std::string& relative) -> std::optional<std::string> {
    std::optional<std::string> real = RealPath(relative.empty() ? root_ : root_ + "/" + relative);
    if (!real || !real->starts_with(root_) || real->size() <= root_.size() ||
        (*real)[root_.size()] != '/') {
      return std::nullopt;
    }
    struct stat info {};
    if (::stat(real->c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
    return real;
  };

  std::string relative = path.relative;
  std::optional<std::string> file;
  if (!relative.empty() && !path.trailing_slash) file = resolve(relative);
  if (!file) {
    if (!relative.empty() && !path.trailing_slash && HasExtension(relative)) return NotFound();
    // SPA fallback: the browser-side router owns every extension-less path.
    relative = "index.html";
    file = resolve(relative);
    if (!file) return NotFound();
  }

  UniqueFd fd(::open(file->c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  struct stat info {};
  if (fd.Get() < 0 || ::fstat(fd.Get(), &info) != 0 || !S_ISREG(info.st_mode)) {
    return NotFound();
  }

  api::Response response;
  const std::string etag = fmt::format(
      "W/\"{:x}-{:x}.{:x}\"", static_cast<unsigned long long>(info.st_size),
      static_cast<long long>(info.st_mtim.tv_sec), static_cast<long long>(info.st_mtim.tv_nsec));
  const bool immutable = relative.starts_with("assets/");
  response.headers.push_back({"content-type", std::string(ContentTypeFor(*file))});
  response.headers.push_back(
      {"cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache"});
  response.headers.push_back({"etag", etag});
  if (!if_none_match.empty() && NoneMatchHits(if_none_match, etag)) {
    response.status = 304;
    return response;
  }

  response.body.resize(static_cast<std::size_t>(info.st_size));
  std::size_t done = 0;
  while (done < response.body.size()) {
    const ssize_t n = ::read(fd.Get(), response.body.data() + done, response.body.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  if (done != response.body.size()) {
    return MakeProblem(500, "internal", "Internal server error", "The file could not be read.");
  }
  return response;
}

}  // namespace carecoord::server
