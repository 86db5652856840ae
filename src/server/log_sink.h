// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <spdlog/sinks/sink.h>

#include <chrono>
#include <memory>

namespace carecoord::server {

// An spdlog sink for stderr that writes lines in blocks instead of one write(2) per line: at
// about 57,000 requests per second, a syscall per access-log line costs several percent of the
// machine. Lines are written when 64 KiB have gathered, when a line at warn level or above
// arrives, every `flush_interval` (by a small background thread), on flush(), and when the sink
// is destroyed. A crash can lose at most the last interval's info lines. Thread-safe.
//
// Typical use in main(), before the server starts:
//   auto logger = std::make_shared<spdlog::logger>("carecoord", MakeBufferedStderrSink());
//   logger->set_pattern("%v");
//   spdlog::set_default_logger(logger);
std::shared_ptr<spdlog::sinks::sink> MakeBufferedStderrSink(
    std::chrono::milliseconds flush_interval = std::chrono::milliseconds(200));

// The same for any file descriptor, which must stay open for the sink's lifetime (for tests).
std::shared_ptr<spdlog::sinks::sink> MakeBufferedFdSink(int fd,
                                                        std::chrono::milliseconds flush_interval);

}  // namespace carecoord::server
