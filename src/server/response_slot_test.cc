// SPDX-License-Identifier: Apache-2.0
#include "server/response_slot.h"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <thread>

namespace carecoord::server {
namespace {

api::Response Ok(std::string body) {
  api::Response response;
  response.body = std::move(body);
  return response;
}

TEST(ResponseSlotTest, SynchronousFulfilIsTakenWithoutArming) {
  ResponseSlot slot;
  slot.Fulfil(Ok("sync"));
  std::optional<api::Response> ready = slot.TakeReady();
  ASSERT_TRUE(ready.has_value());
  EXPECT_EQ(ready->body, "sync");
  EXPECT_FALSE(slot.TakeReady().has_value());
}

TEST(ResponseSlotTest, FulfilFromAnotherThreadReachesTheArmedDeliver) {
  auto slot = std::make_shared<ResponseSlot>();
  int calls = 0;
  std::optional<api::Response> got;
  slot->Arm([&](api::Response response) {
    ++calls;
    got = std::move(response);
  });
  std::thread([slot] { slot->Fulfil(Ok("async")); }).join();
  slot->Fulfil(Ok("again"));  // ignored
  EXPECT_EQ(calls, 1);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->body, "async");
}

TEST(ResponseSlotTest, ArmAfterFulfilDeliversAtOnce) {
  ResponseSlot slot;
  slot.Fulfil(Ok("early"));
  std::optional<api::Response> got;
  slot.Arm([&](api::Response response) { got = std::move(response); });
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->body, "early");
}

TEST(ResponseSlotTest, DroppedArmedSlotDelivers500) {
  std::optional<api::Response> got;
  {
    auto slot = std::make_shared<ResponseSlot>();
    slot->Arm([&](api::Response response) { got = std::move(response); });
  }
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->status, 500);
}

}  // namespace
}  // namespace carecoord::server
