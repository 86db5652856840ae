// SPDX-License-Identifier: Apache-2.0
#include "store/writer_queue.h"

#include <algorithm>
#include <cassert>

namespace carecoord::store::internal {

bool WriterQueue::TryAcquireFor(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  if (!held_ && waiters_.empty()) {
    held_ = true;
    return true;
  }
  Waiter me;
  waiters_.push_back(&me);
  // Release grants and dequeues under mu_, so at the deadline `me` is either granted or
  // still queued, never both.
  if (me.wake.wait_for(lock, timeout, [&me] { return me.granted; })) return true;
  waiters_.erase(std::find(waiters_.begin(), waiters_.end(), &me));
  return false;
}

void WriterQueue::Release() {
  std::lock_guard lock(mu_);
  assert(held_);
  if (waiters_.empty()) {
    held_ = false;
    return;
  }
  Waiter* next = waiters_.front();
  waiters_.pop_front();
  next->granted = true;  // held_ stays true: the right passes straight to `next`
  next->wake.notify_one();
}

}  // namespace carecoord::store::internal
