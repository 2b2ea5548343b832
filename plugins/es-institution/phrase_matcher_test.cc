#include "phrase_matcher.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace acervo::institution {
namespace {

std::vector<std::string> Found(const PhraseMatcher& m, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& match : m.FindAll(text)) {
    out.push_back(std::string(text.substr(match.begin, match.end - match.begin)) + "=" +
                  std::to_string(match.value));
  }
  return out;
}

TEST(PhraseMatcher, FindsOverlappingPhrasesLongestFirst) {
  PhraseMatcher m;
  m.Add("banco mundial", 1);
  m.Add("banco", 2);
  m.Add("mundial de la salud", 3);
  m.Build();
  EXPECT_THAT(Found(m, "el banco mundial de la salud"),
              ::testing::ElementsAre("banco mundial=1", "banco=2", "mundial de la salud=3"));
}

TEST(PhraseMatcher, OnlyWholeWords) {
  PhraseMatcher m;
  m.Add("onu", 1);
  m.Add("sat", 2);
  m.Build();
  EXPECT_THAT(Found(m, "donuts satelite onu."), ::testing::ElementsAre("onu=1"));
  EXPECT_THAT(Found(m, "área onu"), ::testing::ElementsAre("onu=1"));
}

TEST(PhraseMatcher, FollowsFailureLinksIntoShorterPhrases) {
  PhraseMatcher m;
  m.Add("secretaria de salud", 1);
  m.Add("de salud publica", 2);
  m.Build();
  EXPECT_THAT(Found(m, "secretaria de salud publica"),
              ::testing::ElementsAre("secretaria de salud=1", "de salud publica=2"));
}

TEST(PhraseMatcher, EmptyMatcherFindsNothing) {
  PhraseMatcher m;
  m.Add("", 1);
  m.Build();
  EXPECT_TRUE(m.FindAll("cualquier texto").empty());
  EXPECT_EQ(m.size(), 0u);
}

}  // namespace
}  // namespace acervo::institution
