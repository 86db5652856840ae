// SPDX-License-Identifier: Apache-2.0
#include "server/static_files.h"

#include <gtest/gtest.h>

namespace carecoord::server {
namespace {

using Verdict = StaticPath::Verdict;

TEST(DecodeStaticPathTest, NormalPaths) {
  EXPECT_EQ(DecodeStaticPath("/").relative, "");
  EXPECT_EQ(DecodeStaticPath("/index.html").relative, "index.html");
  EXPECT_EQ(DecodeStaticPath("/assets/app.js?v=3").relative, "assets/app.js");
  EXPECT_EQ(DecodeStaticPath("//assets//app.js").relative, "assets/app.js");
  EXPECT_EQ(DecodeStaticPath("/caf%C3%A9.txt").relative, "caf\xC3\xA9.txt");
  EXPECT_EQ(DecodeStaticPath("/a%20b").relative, "a b");
  EXPECT_EQ(DecodeStaticPath("/a%2e%2e.txt").relative, "a...txt");  // ".." inside a name is fine
  EXPECT_EQ(DecodeStaticPath("/%252e%252e").relative, "%2e%2e");    // decoded once only
  EXPECT_TRUE(DecodeStaticPath("/settings/").trailing_slash);
  EXPECT_FALSE(DecodeStaticPath("/settings").trailing_slash);
  EXPECT_EQ(DecodeStaticPath("/settings/").verdict, Verdict::kOk);
}

TEST(DecodeStaticPathTest, RejectsTraversalAndHostileBytes) {
  for (std::string_view target : {"/..",
                                  "/../etc/passwd",
                                  "/a/../../etc/passwd",
                                  "/%2e%2e/etc/passwd",
                                  "/%2E%2e/x",
                                  "/.%2e/x",
                                  "/a/./b",
                                  "/%2e/x",
                                  "/..%2fetc%2fpasswd",
                                  "/a%2Fb",
                                  "/a\\b",
                                  "/%5c..%5cx",
                                  "/a%00.js",
                                  "/a%0d%0a",
                                  "/a%",
                                  "/a%2",
                                  "/a%zz",
                                  "relative",
                                  "",
                                  "*",
                                  "http://evil.example/"}) {
    EXPECT_EQ(DecodeStaticPath(target).verdict, Verdict::kBadRequest) << target;
  }
}

TEST(DecodeStaticPathTest, HiddenFilesAreNotFound) {
  EXPECT_EQ(DecodeStaticPath("/.env").verdict, Verdict::kNotFound);
  EXPECT_EQ(DecodeStaticPath("/.git/config").verdict, Verdict::kNotFound);
  EXPECT_EQ(DecodeStaticPath("/assets/%2Ehtaccess").verdict, Verdict::kNotFound);
}

TEST(ContentTypeForTest, KnownAndUnknownExtensions) {
  EXPECT_EQ(ContentTypeFor("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a/b/app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("worker.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("style.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("logo.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("logo.png"), "image/png");
  EXPECT_EQ(ContentTypeFor("favicon.ico"), "image/x-icon");
  EXPECT_EQ(ContentTypeFor("data.json"), "application/json");
  EXPECT_EQ(ContentTypeFor("font.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeFor("robots.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("app.js.map"), "application/json");
  EXPECT_EQ(ContentTypeFor("archive.tar"), "application/octet-stream");
  EXPECT_EQ(ContentTypeFor("Makefile"), "application/octet-stream");
  EXPECT_EQ(ContentTypeFor("dir.d/README"), "application/octet-stream");
}

TEST(StaticFilesTest, OpenRejectsMissingRootAndFiles) {
  EXPECT_FALSE(StaticFiles::Open("/nonexistent/web").has_value());
  EXPECT_FALSE(StaticFiles::Open("/etc/hostname").has_value());  // a file, not a directory
  EXPECT_FALSE(StaticFiles::Open("/").has_value());
}

}  // namespace
}  // namespace carecoord::server
