// SPDX-License-Identifier: Apache-2.0
#include "domain/ids.h"

#include <gtest/gtest.h>

namespace carecoord {
namespace {

TEST(IdsTest, FormatsUuidV7WithVersionAndVariant) {
  const std::array<std::uint8_t, 10> random{0xff, 0xff, 0xff, 0xff, 0xff,
                                            0xff, 0xff, 0xff, 0xff, 0xff};
  const std::string id = FormatUuidV7(FromMillis(0x0123456789AB), random);
  EXPECT_EQ(id, "01234567-89ab-7fff-bfff-ffffffffffff");
  EXPECT_TRUE(LooksLikeUuid(id));
}

TEST(IdsTest, SortsByTime) {
  const std::array<std::uint8_t, 10> high{0xff, 0xff, 0xff, 0xff, 0xff,
                                          0xff, 0xff, 0xff, 0xff, 0xff};
  const std::array<std::uint8_t, 10> low{};
  EXPECT_LT(FormatUuidV7(FromMillis(1000), high), FormatUuidV7(FromMillis(1001), low));
}

TEST(IdsTest, RecognisesOnlyCanonicalUuids) {
  EXPECT_FALSE(LooksLikeUuid(""));
  EXPECT_FALSE(LooksLikeUuid("01234567-89AB-7fff-bfff-ffffffffffff"));  // upper case
  EXPECT_FALSE(LooksLikeUuid("0123456789ab-7fff-bfff-ffffffffffff"));
  EXPECT_FALSE(LooksLikeUuid("01234567-89ab-7fff-bfff-fffffffffffg"));
}

}  // namespace
}  // namespace carecoord
