// SPDX-License-Identifier: Apache-2.0
#include "store/connection_pool.h"

#include <cassert>
#include <utility>

namespace carecoord::store::internal {

ConnectionPool::ConnectionPool(std::size_t max_size, std::chrono::milliseconds acquire_timeout,
                               Factory factory, Recycler recycler)
    : max_size_(max_size == 0 ? 1 : max_size),
      acquire_timeout_(acquire_timeout),
      factory_(std::move(factory)),
      recycler_(std::move(recycler)) {}

ConnectionPool::~ConnectionPool() {
  std::lock_guard lock(mu_);
  // A connection still on loan would call GiveBack on a destroyed pool.
  assert(open_ == idle_.size() && "PooledConnection outlived its Database");
}

Result<PooledConnection> ConnectionPool::Acquire() {
  std::unique_lock lock(mu_);
  const bool available = returned_.wait_for(lock, acquire_timeout_,
                                            [this] { return !idle_.empty() || open_ < max_size_; });
  if (!available) {
    return Fail(ErrorCode::kUnavailable, "no database connection became free in time");
  }
  auto give_back = [this](std::unique_ptr<Connection> conn) { GiveBack(std::move(conn)); };
  if (!idle_.empty()) {
    std::unique_ptr<Connection> conn = std::move(idle_.back());
    idle_.pop_back();
    return PooledConnection(std::move(conn), give_back);
  }
  ++open_;
  lock.unlock();  // opening may take a network round trip; do not block other callers
  Result<std::unique_ptr<Connection>> conn = factory_();
  if (!conn) {
    lock.lock();
    --open_;
    returned_.notify_one();
    return std::unexpected(std::move(conn.error()));
  }
  return PooledConnection(std::move(*conn), give_back);
}

void ConnectionPool::GiveBack(std::unique_ptr<Connection> conn) {
  if (!recycler_(*conn)) conn.reset();  // close outside the lock
  std::lock_guard lock(mu_);
  if (conn) {
    idle_.push_back(std::move(conn));
  } else {
    --open_;
  }
  returned_.notify_one();
}

}  // namespace carecoord::store::internal
