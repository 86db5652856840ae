// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <mutex>
#include <optional>

#include "api/http.h"

namespace carecoord::server {

// Carries one response from an api::Responder, which the API may call on any thread, to the
// connection waiting for it. The connection owns a strong reference only until it has either
// taken a synchronous response (TakeReady) or armed the slot (Arm); after that the Responder's
// copies own the slot, so a handler that drops its Responder without calling it is noticed: the
// slot's destructor delivers a 500 problem instead of leaving the connection hanging.
//
// Thread-safe: Fulfil may race with Arm; the first response wins and later ones are ignored.
class ResponseSlot {
 public:
  // Receives the response. Called at most once, never while the slot's lock is held, on
  // whatever thread completed the slot (or destroyed it). Since that may be any time, even after
  // the server is gone, a Deliver must hold nothing that dies with the server unguarded.
  using Deliver = std::move_only_function<void(api::Response)>;

  ResponseSlot() = default;
  ResponseSlot(const ResponseSlot&) = delete;
  ResponseSlot& operator=(const ResponseSlot&) = delete;
  ~ResponseSlot();

  // The Responder's side. Stores the response, or hands it to the armed Deliver.
  void Fulfil(api::Response response);

  // The response, if Fulfil already ran (the handler answered synchronously inside Handle).
  std::optional<api::Response> TakeReady();

  // Registers where the response goes. If it has already arrived, `deliver` runs right away.
  // Call at most once, and not after TakeReady returned a response.
  void Arm(Deliver deliver);

 private:
  enum class State { kEmpty, kReady, kArmed, kDone };

  std::mutex mu_;
  State state_ = State::kEmpty;
  std::optional<api::Response> response_;
  Deliver deliver_;
};

}  // namespace carecoord::server
