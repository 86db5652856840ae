// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

namespace carecoord::store::internal {

// The right to write to one SQLite file from this process. Granted in arrival order (a writer
// that releases and asks again queues behind those already waiting, so none starves), and
// releasable from any thread (a transaction may end on another thread than the one that began
// it, which rules out std::mutex). Thread-safe.
class WriterQueue {
 public:
  WriterQueue() = default;
  WriterQueue(const WriterQueue&) = delete;
  WriterQueue& operator=(const WriterQueue&) = delete;

  // Waits up to `timeout` for the right; false when it did not come in time.
  bool TryAcquireFor(std::chrono::milliseconds timeout);
  // Precondition: the caller holds the right. Hands it to the longest waiter, if any.
  void Release();

 private:
  struct Waiter {
    std::condition_variable wake;
    bool granted = false;
  };

  std::mutex mu_;
  bool held_ = false;            // guarded by mu_
  std::deque<Waiter*> waiters_;  // guarded by mu_; each lives on its waiting thread's stack
};

}  // namespace carecoord::store::internal
