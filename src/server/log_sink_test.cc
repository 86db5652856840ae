// SPDX-License-Identifier: Apache-2.0
#include "server/log_sink.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <spdlog/logger.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <thread>

namespace carecoord::server {
namespace {

class LogSinkTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(::pipe2(fds_, O_CLOEXEC | O_NONBLOCK), 0); }
  void TearDown() override {
    logger_.reset();
    ::close(fds_[0]);
    ::close(fds_[1]);
  }

  void MakeLogger(std::chrono::milliseconds interval) {
    logger_ = std::make_shared<spdlog::logger>("test", MakeBufferedFdSink(fds_[1], interval));
    logger_->set_pattern("%v");
  }

  // What has reached the pipe so far (waits up to `wait` for the first bytes).
  std::string Drain(int wait_ms = 0) {
    pollfd p{fds_[0], POLLIN, 0};
    ::poll(&p, 1, wait_ms);
    std::string out;
    char chunk[4096];
    for (;;) {
      const ssize_t n = ::read(fds_[0], chunk, sizeof(chunk));
      if (n <= 0) break;
      out.append(chunk, static_cast<std::size_t>(n));
    }
    return out;
  }

  int fds_[2] = {-1, -1};
  std::shared_ptr<spdlog::logger> logger_;
};

TEST_F(LogSinkTest, InfoLinesWaitForFlushWarningsDoNot) {
  MakeLogger(std::chrono::hours(1));
  logger_->info("one");
  logger_->info("two");
  EXPECT_EQ(Drain(), "");
  logger_->flush();
  EXPECT_EQ(Drain(), "one\ntwo\n");
  logger_->info("three");
  logger_->warn("four");
  EXPECT_EQ(Drain(), "three\nfour\n");
}

TEST_F(LogSinkTest, BackgroundFlushAndDestruction) {
  MakeLogger(std::chrono::milliseconds(10));
  logger_->info("soon");
  EXPECT_EQ(Drain(10000), "soon\n");
  MakeLogger(std::chrono::hours(1));
  logger_->info("at exit");
  logger_.reset();
  EXPECT_EQ(Drain(), "at exit\n");
}

}  // namespace
}  // namespace carecoord::server
