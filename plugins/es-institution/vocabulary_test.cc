#include "vocabulary.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tokens.h"

namespace acervo::institution {
namespace {

TEST(Vocabulary, OneLookupGivesTheIdOfTheWordInEachIndex) {
  WordIndex phrases, listed;
  phrases.Add("banco");    // 0
  phrases.Add("mundial");  // 1
  listed.Add("de");        // 0
  listed.Add("banco");     // 1: in both
  Vocabulary vocabulary;
  vocabulary.Build(phrases, listed);

  std::string buffer;
  std::vector<Token> tokens = Tokenize("Banco Mundial de Chile.", &buffer);
  vocabulary.Annotate(&tokens);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].phrase_word, 0);  // "banco" (folded)
  EXPECT_EQ(tokens[0].listed, 1);
  EXPECT_EQ(tokens[1].phrase_word, 1);
  EXPECT_EQ(tokens[1].listed, -1);
  EXPECT_EQ(tokens[2].phrase_word, -1);
  EXPECT_EQ(tokens[2].listed, 0);
  EXPECT_EQ(tokens[3].phrase_word, -1);  // in neither
  EXPECT_EQ(tokens[3].listed, -1);
  // Punctuation is left to the gazetteer's own table.
  EXPECT_EQ(tokens[4].phrase_word, Token::kNotLookedUp);
  EXPECT_EQ(tokens[4].listed, Token::kNotLookedUp);
}

}  // namespace
}  // namespace acervo::institution
