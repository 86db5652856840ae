// SPDX-License-Identifier: Apache-2.0
#include "domain/policy_file.h"

#include <gtest/gtest.h>

namespace carecoord {
namespace {

TEST(PolicyFileTest, DefaultPolicyParses) {
  auto policy = ParsePolicy(DefaultPolicyText());
  ASSERT_TRUE(policy) << policy.error().message;
  EXPECT_EQ(policy->rules.size(), 11u);
}

}  // namespace
}  // namespace carecoord
