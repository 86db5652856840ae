// SPDX-License-Identifier: Apache-2.0
#include "store/writer_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace carecoord::store::internal {
namespace {

using std::chrono::milliseconds;

TEST(WriterQueueTest, OneHolderAtATime) {
  WriterQueue queue;
  ASSERT_TRUE(queue.TryAcquireFor(milliseconds(0)));
  EXPECT_FALSE(queue.TryAcquireFor(milliseconds(10)));  // times out while held
  queue.Release();
  EXPECT_TRUE(queue.TryAcquireFor(milliseconds(0)));
  queue.Release();
}

TEST(WriterQueueTest, ReleaseHandsTheRightToAWaiterOnAnotherThread) {
  WriterQueue queue;
  ASSERT_TRUE(queue.TryAcquireFor(milliseconds(0)));
  std::atomic<bool> got{false};
  std::thread waiter([&] {
    got = queue.TryAcquireFor(milliseconds(60000));
    if (got) queue.Release();  // released on a thread other than the first holder's
  });
  queue.Release();
  waiter.join();
  EXPECT_TRUE(got.load());
  EXPECT_TRUE(queue.TryAcquireFor(milliseconds(0)));
  queue.Release();
}

TEST(WriterQueueTest, ManyContendersAllGetThrough) {
  WriterQueue queue;
  int inside = 0;  // guarded by the queue itself
  int entries = 0;
  std::atomic<int> overlaps{0};
  std::thread threads[4];
  for (std::thread& t : threads) {
    t = std::thread([&] {
      for (int k = 0; k < 200; ++k) {
        if (!queue.TryAcquireFor(milliseconds(60000))) continue;
        if (++inside != 1) ++overlaps;
        ++entries;
        --inside;
        queue.Release();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(overlaps.load(), 0);
  EXPECT_EQ(entries, 800);
}

}  // namespace
}  // namespace carecoord::store::internal
