#include "word_automaton.h"

#include "gtest/gtest.h"

namespace acervo::institution {
namespace {

std::vector<int32_t> Ids(const WordAutomaton& a, const std::vector<std::string>& words) {
  std::vector<int32_t> ids;
  for (const std::string& w : words) ids.push_back(a.WordId(w));
  return ids;
}

TEST(WordAutomaton, FindsOverlappingPhrasesThroughFailureLinks) {
  WordAutomaton a;
  a.Add({"banco", "mundial"}, 1);
  a.Add({"grupo", "banco", "mundial"}, 2);
  a.Add({"mundial"}, 3);
  a.Add({}, 4);  // ignored
  a.Build();
  EXPECT_EQ(a.WordId("otro"), -1);
  std::vector<WordAutomaton::Match> m =
      a.FindAll(Ids(a, {"el", "grupo", "banco", "mundial", "y", "banco", "mundial"}));
  ASSERT_EQ(m.size(), 5u);
  // Ordered by last word, longest first.
  EXPECT_EQ(m[0].value, 2);
  EXPECT_EQ(m[0].first, 1u);
  EXPECT_EQ(m[0].last, 3u);
  EXPECT_EQ(m[1].value, 1);
  EXPECT_EQ(m[2].value, 3);
  EXPECT_EQ(m[3].value, 1);
  EXPECT_EQ(m[3].first, 5u);
  EXPECT_EQ(m[4].value, 3);
}

TEST(WordAutomaton, AnUnknownWordResetsTheMatch) {
  WordAutomaton a;
  a.Add({"naciones", "unidas"}, 1);
  a.Build();
  EXPECT_TRUE(a.FindAll(Ids(a, {"naciones", "no", "unidas"})).empty());
  EXPECT_TRUE(a.FindAll({}).empty());
}

}  // namespace
}  // namespace acervo::institution
