// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "domain/error.h"
#include "store/database.h"

namespace carecoord::store::internal {

// A bounded pool of driver connections, shared by both drivers. Connections are opened lazily
// up to `max_size` and handed out most-recently-returned first (its statement cache is warm).
// Thread-safe. Every PooledConnection must be returned before the pool is destroyed.
class ConnectionPool {
 public:
  // Opens a new connection; its error is passed through to the caller of Acquire.
  using Factory = std::function<Result<std::unique_ptr<Connection>>()>;
  // Prepares a returned connection for reuse (rolls back an open transaction). Returns false
  // when the connection must be closed instead (broken, or the reset failed). Called without
  // the pool's lock held, on the thread returning the connection.
  using Recycler = std::function<bool(Connection&)>;

  ConnectionPool(std::size_t max_size, std::chrono::milliseconds acquire_timeout, Factory factory,
                 Recycler recycler);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // An idle connection, else a newly opened one while fewer than max_size exist, else waits up
  // to acquire_timeout for one to be returned (kUnavailable when none is).
  Result<PooledConnection> Acquire();

 private:
  void GiveBack(std::unique_ptr<Connection> conn);

  const std::size_t max_size_;
  const std::chrono::milliseconds acquire_timeout_;
  const Factory factory_;
  const Recycler recycler_;

  std::mutex mu_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mu_
  std::size_t open_ = 0;                           // idle + on loan + being opened; guarded by mu_
};

}  // namespace carecoord::store::internal
