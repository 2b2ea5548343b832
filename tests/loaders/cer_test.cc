#include "cer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace acervo {
namespace {

// The textbook dynamic program, to check the bit-parallel one against.
size_t SlowDistance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

TEST(Cer, NormalizesWhitespaceAndUnicode) {
  EXPECT_EQ(CerNormalize("  a\t\tb\n\fc  "), U"a b c");
  EXPECT_EQ(CerNormalize("e\xCC\x81"), U"\u00e9");
}

TEST(Cer, KnownDistances) {
  EXPECT_EQ(EditDistance(U"", U"abc"), 3u);
  EXPECT_EQ(EditDistance(U"kitten", U"sitting"), 3u);
  EXPECT_EQ(EditDistance(U"año", U"ano"), 1u);
  CerResult r = CharacterErrorRate("la  cooperación", "la cooperacion");
  EXPECT_EQ(r.edits, 1u);
  EXPECT_EQ(r.reference_chars, 14u);
}

TEST(Cer, BitParallelMatchesTheDynamicProgramAcrossBlocks) {
  std::mt19937 rng(7);
  for (int round = 0; round < 40; ++round) {
    std::u32string a, b;
    size_t n = 1 + rng() % 300, m = 1 + rng() % 300;
    for (size_t i = 0; i < n; ++i) a.push_back(U'a' + rng() % 4);
    for (size_t i = 0; i < m; ++i) b.push_back(U'a' + rng() % 4);
    ASSERT_EQ(EditDistance(a, b), SlowDistance(a, b)) << n << "x" << m;
  }
}

}  // namespace
}  // namespace acervo
