// SPDX-License-Identifier: Apache-2.0
#include "server/log_sink.h"

#include <spdlog/details/log_msg.h>
#include <spdlog/sinks/base_sink.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace carecoord::server {
namespace {

constexpr std::size_t kFlushAt = std::size_t{64} * 1024;

class BufferedFdSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  BufferedFdSink(int fd, std::chrono::milliseconds interval) : fd_(fd) {
    buffer_.reserve(kFlushAt + 4096);
    flusher_ = std::jthread([this, interval](const std::stop_token& stop) {
      std::mutex mu;
      std::condition_variable_any wake;
      std::unique_lock lock(mu);
      while (!wake.wait_for(lock, stop, interval, [] { return false; })) {
        if (stop.stop_requested()) return;
        flush();
      }
    });
  }

  ~BufferedFdSink() override {
    flusher_.request_stop();
    flusher_.join();
    flush();
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    buffer_.append(formatted.data(), formatted.size());
    if (buffer_.size() >= kFlushAt || msg.level >= spdlog::level::warn) WriteOut();
  }

  void flush_() override { WriteOut(); }

 private:
  // Called with base_sink's mutex held. Write errors are ignored: there is nowhere left to
  // report them, and the server must keep serving.
  void WriteOut() {
    std::size_t done = 0;
    while (done < buffer_.size()) {
      const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    buffer_.clear();
  }

  const int fd_;
  std::string buffer_;
  std::jthread flusher_;  // last member: stopped before the buffer goes away
};

}  // namespace

std::shared_ptr<spdlog::sinks::sink> MakeBufferedStderrSink(
    std::chrono::milliseconds flush_interval) {
  return MakeBufferedFdSink(STDERR_FILENO, flush_interval);
}

std::shared_ptr<spdlog::sinks::sink> MakeBufferedFdSink(int fd,
                                                        std::chrono::milliseconds flush_interval) {
  return std::make_shared<BufferedFdSink>(fd, flush_interval);
}

}  // namespace carecoord::server
