#include "word_index.h"

#include <string>

#include "gtest/gtest.h"

namespace acervo::institution {
namespace {

TEST(WordIndex, IdsInTheOrderAddedAndOnlyForWordsAdded) {
  WordIndex index;
  EXPECT_EQ(index.Find("secretaria"), -1);  // empty
  EXPECT_EQ(index.Add("secretaria"), 0);
  EXPECT_EQ(index.Add("de"), 1);
  EXPECT_EQ(index.Add("secretaria"), 0);  // again: the same id
  EXPECT_EQ(index.size(), 2u);
  EXPECT_EQ(index.Find("de"), 1);
  EXPECT_EQ(index.Find("del"), -1);
  EXPECT_EQ(index.Find(""), -1);
  EXPECT_EQ(index.Word(0), "secretaria");
}

TEST(WordIndex, KeepsEveryWordWhileGrowing) {
  WordIndex index;
  for (int i = 0; i < 1000; ++i) {
    EXPECT_EQ(index.Add("palabra-larga-numero-" + std::to_string(i)), i);
  }
  for (int i = 0; i < 1000; ++i) {
    std::string word = "palabra-larga-numero-" + std::to_string(i);
    EXPECT_EQ(index.Find(word), i);
    EXPECT_EQ(index.Word(i), word);
  }
  EXPECT_EQ(index.Find("palabra-larga-numero-1000"), -1);
  EXPECT_EQ(index.Find("palabra-larga-numero-"), -1);
}

}  // namespace
}  // namespace acervo::institution
