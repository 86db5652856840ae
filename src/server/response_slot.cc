// SPDX-License-Identifier: Apache-2.0
#include "server/response_slot.h"

#include <utility>

#include "server/access_log.h"
#include "server/problem.h"

namespace carecoord::server {

ResponseSlot::~ResponseSlot() {
  // No lock: the last reference is going away, so nobody else can touch the slot.
  if (state_ != State::kArmed) return;
  LogEvent(LogLevel::kError, "responder_dropped");
  Deliver deliver = std::move(deliver_);
  deliver(MakeProblem(500, "internal", "Internal server error",
                      "The request handler finished without producing a response."));
}

void ResponseSlot::Fulfil(api::Response response) {
  Deliver deliver;
  {
    std::lock_guard lock(mu_);
    switch (state_) {
      case State::kEmpty:
        response_ = std::move(response);
        state_ = State::kReady;
        return;
      case State::kArmed:
        deliver = std::move(deliver_);
        state_ = State::kDone;
        break;
      case State::kReady:
      case State::kDone:
        return;  // A second call breaks the Responder contract; the first response stands.
    }
  }
  deliver(std::move(response));
}

std::optional<api::Response> ResponseSlot::TakeReady() {
  std::lock_guard lock(mu_);
  if (state_ != State::kReady) return std::nullopt;
  state_ = State::kDone;
  return std::move(response_);
}

void ResponseSlot::Arm(Deliver deliver) {
  api::Response ready;
  {
    std::lock_guard lock(mu_);
    if (state_ != State::kReady) {
      if (state_ == State::kEmpty) {
        deliver_ = std::move(deliver);
        state_ = State::kArmed;
      }
      return;
    }
    ready = std::move(*response_);
    response_.reset();
    state_ = State::kDone;
  }
  deliver(std::move(ready));
}

}  // namespace carecoord::server
