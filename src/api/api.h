// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "api/http.h"

namespace carecoord::app {
struct Services;
}

namespace carecoord::api {

struct RouteMatch;  // api/router.h, which names app types the server must not see

// The API: routes requests to handlers after authenticating them and checking CSRF, and sends
// each response only once the request's audit events are durable (DESIGN §4 "Audit": recorded
// before the response leaves). Thread-safe.
//
// Routes that hash passwords (sign-in, user creation, ...) run on a small pool of their own so
// the deliberately slow argon2id never stalls the server's I/O threads.
class Api final : public Handler {
 public:
  explicit Api(app::Services& services, unsigned slow_threads = 2);
  ~Api() override;  // finishes queued slow work first
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  void Handle(Request request, Responder respond) override;

 private:
  void Dispatch(const Request& request, Responder& respond, const RouteMatch& match);
  void SlowWorker();

  app::Services& services_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> slow_queue_;
  bool stopping_ = false;
  std::vector<std::thread> slow_threads_;
};

}  // namespace carecoord::api
