#include "eval/matching.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace acervo::eval {
namespace {

using ::testing::ElementsAre;

TEST(MaximumMatching, MovesAnEarlierPairToMatchMore) {
  // Left 0 fits right 0 and 1; left 1 fits only right 0. Greedy would pair 0-0 and strand 1.
  std::vector<std::vector<bool>> fits = {{true, true}, {true, false}};
  std::vector<int> m = MaximumMatching(2, 2, [&](int l, int r) { return fits[l][r]; });
  EXPECT_THAT(m, ElementsAre(1, 0));
}

TEST(MaximumMatching, UsesEachItemOnce) {
  std::vector<int> m = MaximumMatching(3, 1, [](int, int) { return true; });
  EXPECT_THAT(m, ElementsAre(0, -1, -1));
}

TEST(MaximumMatching, EmptySides) {
  EXPECT_TRUE(MaximumMatching(0, 4, [](int, int) { return true; }).empty());
  EXPECT_THAT(MaximumMatching(2, 0, [](int, int) { return true; }), ElementsAre(-1, -1));
}

}  // namespace
}  // namespace acervo::eval
