// SPDX-License-Identifier: Apache-2.0
#include "server/response_head.h"

#include <gtest/gtest.h>

#include <string>

namespace carecoord::server {
namespace {

api::Response Make(int status, std::string body) {
  api::Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

// GCC 12 warns about designated initializers that leave out trailing members.
HeadOptions Options(bool keep_alive = true, bool http10 = false, bool head_request = false,
                    bool default_no_store = false, std::string_view security = {}) {
  HeadOptions options;
  options.keep_alive = keep_alive;
  options.http10 = http10;
  options.head_request = head_request;
  options.default_no_store = default_no_store;
  options.security_headers = security;
  return options;
}

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(ResponseHeadTest, StatusLineFramingAndSecurityBlock) {
  const std::string security = SecurityHeaderBlock(false);
  api::Response response = Make(200, "hello");
  response.SetHeader("content-type", "text/plain");
  std::string head;
  EXPECT_TRUE(AppendResponseHead(head, response, Options(true, false, false, false, security)));
  EXPECT_TRUE(head.starts_with("HTTP/1.1 200 OK\r\n"));
  EXPECT_TRUE(head.ends_with(security + "\r\n"));
  EXPECT_TRUE(Contains(head, "content-type: text/plain\r\n"));
  EXPECT_TRUE(Contains(head, "Content-Length: 5\r\n"));
  EXPECT_TRUE(Contains(head, "Date: "));
  EXPECT_FALSE(Contains(head, "Connection:"));
  EXPECT_FALSE(Contains(head, "Cache-Control"));
  EXPECT_FALSE(Contains(security, "Strict-Transport-Security"));
  EXPECT_TRUE(Contains(SecurityHeaderBlock(true),
                       "Strict-Transport-Security: max-age=31536000; includeSubDomains\r\n"));
}

TEST(ResponseHeadTest, HeadAnd204And304HaveNoBody) {
  std::string head;
  EXPECT_FALSE(AppendResponseHead(head, Make(200, "abc"), Options(true, false, true)));
  EXPECT_TRUE(Contains(head, "Content-Length: 3\r\n"));
  head.clear();
  EXPECT_FALSE(AppendResponseHead(head, Make(204, ""), Options()));
  EXPECT_TRUE(head.starts_with("HTTP/1.1 204 No Content\r\n"));
  EXPECT_FALSE(Contains(head, "Content-Length"));
  head.clear();
  EXPECT_FALSE(AppendResponseHead(head, Make(304, ""), Options()));
  EXPECT_FALSE(Contains(head, "Content-Length"));
}

TEST(ResponseHeadTest, ConnectionHeaderFollowsKeepAlive) {
  std::string head;
  AppendResponseHead(head, Make(200, ""), Options(false));
  EXPECT_TRUE(Contains(head, "Connection: close\r\n"));
  head.clear();
  AppendResponseHead(head, Make(200, ""), Options(true, true));
  EXPECT_TRUE(Contains(head, "Connection: keep-alive\r\n"));
}

TEST(ResponseHeadTest, DropsUnsafeAndServerOwnedHeaders) {
  api::Response response = Make(201, "{}");
  response.headers.push_back({"x-split", "a\r\nset-cookie: x=1"});
  response.headers.push_back({"bad name", "v"});
  response.headers.push_back({"", "v"});
  response.headers.push_back({"content-length", "99"});
  response.headers.push_back({"Transfer-Encoding", "chunked"});
  response.headers.push_back({"x-frame-options", "ALLOWALL"});
  response.headers.push_back({"location", "/api/v1/users/1"});
  std::string head;
  AppendResponseHead(head, response, Options());
  EXPECT_TRUE(head.starts_with("HTTP/1.1 201 Created\r\n"));
  EXPECT_FALSE(Contains(head, "set-cookie"));
  EXPECT_FALSE(Contains(head, "bad name"));
  EXPECT_FALSE(Contains(head, "99"));
  EXPECT_FALSE(Contains(head, "chunked"));
  EXPECT_FALSE(Contains(head, "ALLOWALL"));
  EXPECT_TRUE(Contains(head, "location: /api/v1/users/1\r\n"));
  EXPECT_TRUE(Contains(head, "Content-Length: 2\r\n"));
}

TEST(ResponseHeadTest, DefaultNoStoreUnlessCacheControlSet) {
  std::string head;
  AppendResponseHead(head, Make(200, ""), Options(true, false, false, true));
  EXPECT_TRUE(Contains(head, "Cache-Control: no-store\r\n"));
  api::Response cached = Make(200, "");
  cached.SetHeader("cache-control", "private, max-age=60");
  head.clear();
  AppendResponseHead(head, cached, Options(true, false, false, true));
  EXPECT_FALSE(Contains(head, "no-store"));
  EXPECT_TRUE(Contains(head, "cache-control: private, max-age=60\r\n"));
}

TEST(ResponseHeadTest, HttpDateShape) {
  const std::string_view date = HttpDateNow();
  ASSERT_EQ(date.size(), 29u) << date;  // "Sun, 06 Nov 1994 08:49:37 GMT"
  EXPECT_EQ(date.substr(3, 2), ", ");
  EXPECT_TRUE(date.ends_with(" GMT"));
  EXPECT_EQ(ReasonPhrase(413), "Content Too Large");
  EXPECT_EQ(ReasonPhrase(431), "Request Header Fields Too Large");
  EXPECT_EQ(ReasonPhrase(299), "Unknown");
}

}  // namespace
}  // namespace carecoord::server
