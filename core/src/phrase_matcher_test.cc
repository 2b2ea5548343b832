#include "acervo/phrase_matcher.h"

#include <string>

#include "acervo/match_text.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace acervo {
namespace {

std::vector<std::string> Found(const PhraseMatcher& m, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& match : m.FindAll(text)) {
    out.push_back(std::string(text.substr(match.begin, match.end - match.begin)) + "=" +
                  std::to_string(match.value));
  }
  return out;
}

// The original span of a match in a MatchText.
std::string Covered(const MatchText& t, const PhraseMatcher::Match& m) {
  size_t b = t.ToOriginal(m.begin), e = t.ToOriginal(m.end);
  return std::string(t.original().substr(b, e - b));
}

PhraseMatcher::Options WordEdges() {
  PhraseMatcher::Options o;
  o.boundary_only_at_word_edges = true;
  return o;
}

TEST(PhraseMatcherTest, FindsOverlappingPhrasesLongestFirst) {
  PhraseMatcher m;
  m.Add("banco mundial", 1);
  m.Add("banco", 2);
  m.Add("mundial de la salud", 3);
  m.Build();
  EXPECT_THAT(Found(m, "el banco mundial de la salud"),
              ::testing::ElementsAre("banco mundial=1", "banco=2", "mundial de la salud=3"));
}

TEST(PhraseMatcherTest, OnlyWholeWords) {
  PhraseMatcher m;
  m.Add("onu", 1);
  m.Add("sat", 2);
  m.Build();
  EXPECT_THAT(Found(m, "donuts satelite onu."), ::testing::ElementsAre("onu=1"));
  EXPECT_THAT(Found(m, "área onu"), ::testing::ElementsAre("onu=1"));
}

TEST(PhraseMatcherTest, FollowsFailureLinksIntoShorterPhrases) {
  PhraseMatcher m;
  m.Add("secretaria de salud", 1);
  m.Add("de salud publica", 2);
  m.Build();
  EXPECT_THAT(Found(m, "secretaria de salud publica"),
              ::testing::ElementsAre("secretaria de salud=1", "de salud publica=2"));
}

TEST(PhraseMatcherTest, MayOccurInMatchTextOnlyWhereAPhraseEnds) {
  PhraseMatcher m(PhraseMatcher::Options{.boundary_only_at_word_edges = true});
  m.Add(NormalizePhrase("Acción por el clima"), 13);
  m.Add(NormalizePhrase("ODS"), 0);
  m.Build();
  EXPECT_TRUE(m.MayOccurInMatchText("la ACCIÓN  por\nel Clima"));
  EXPECT_TRUE(m.MayOccurInMatchText("los ods"));
  EXPECT_TRUE(m.MayOccurInMatchText("periods"));  // "ods" ends there: boundaries not checked
  EXPECT_FALSE(m.MayOccurInMatchText("acción por el cambio"));
  EXPECT_FALSE(m.MayOccurInMatchText(""));
  for (std::string_view text :
       {"Acción por el clima", "ODS 13", "nada", "Ámbito", " o d s", "  ACCIÓN\t\tPOR EL\n\nCLIMA",
        "Ñandú ÓDS", "“ODS”", "bad \xC3 ods \xFF", "acción\u00a0por el clima"}) {
    bool found = !m.FindAll(MatchText(text).text()).empty();
    if (found) {
      EXPECT_TRUE(m.MayOccurInMatchText(text)) << text;
    }
  }
}

TEST(PhraseMatcherTest, EmptyMatcherFindsNothing) {
  PhraseMatcher m;
  EXPECT_FALSE(m.Add("", 1));
  m.Build();
  EXPECT_TRUE(m.FindAll("cualquier texto").empty());
  EXPECT_FALSE(m.LongestAt("cualquier texto", 0).has_value());
  EXPECT_EQ(m.size(), 0u);
}

TEST(PhraseMatcherTest, APhraseAddedTwiceKeepsBothValuesInTheOrderAdded) {
  PhraseMatcher m;
  m.Add("onu", 7);
  m.Add("onu", 3);
  m.Build();
  EXPECT_THAT(Found(m, "la onu"), ::testing::ElementsAre("onu=7", "onu=3"));
  EXPECT_EQ(m.LongestAt("onu", 0)->value, 7);
}

TEST(PhraseMatcherTest, FindsWholeWordsIgnoringCaseAccentsAndSpacing) {
  PhraseMatcher m(WordEdges());
  m.Add(NormalizePhrase("Acción por el clima"), 13);
  m.Add(NormalizePhrase("paz"), 16);
  m.Build();
  std::string s = "Es capaz de ACCION  POR EL CLIMA y de paz.";
  MatchText t(s);
  auto found = m.FindAll(t.text());
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(Covered(t, found[0]), "ACCION  POR EL CLIMA");
  EXPECT_EQ(found[0].value, 13);
  EXPECT_EQ(Covered(t, found[1]), "paz");
}

TEST(PhraseMatcherTest, StemMatchesAnyEndingOfTheLastWord) {
  PhraseMatcher::Options o = WordEdges();
  o.stems = true;
  PhraseMatcher m(o);
  m.Add(NormalizePhrase("migra*"), 10);
  m.Build();
  std::string s = "personas migrantes y la migración; no inmigra";
  MatchText t(s);
  auto found = m.FindAll(t.text());
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(Covered(t, found[0]), "migrantes");
  EXPECT_EQ(Covered(t, found[1]), "migración");
  auto at = m.LongestAt(t.text(), t.text().find("migrantes"));
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->end - at->begin, std::string("migrantes").size());
}

TEST(PhraseMatcherTest, WithoutStemsAStarIsAnOrdinaryByte) {
  PhraseMatcher m;
  m.Add("migra*", 10);
  m.Build();
  EXPECT_TRUE(m.FindAll("migrantes").empty());
  EXPECT_THAT(Found(m, "la migra* nota"), ::testing::ElementsAre("migra*=10"));
}

TEST(PhraseMatcherTest, PunctuationEdgesNeedNoBoundaryOnlyWhenAsked) {
  PhraseMatcher signs(WordEdges()), strict;
  signs.Add("no.", 1);
  strict.Add("no.", 1);
  signs.Build();
  strict.Build();
  auto m = signs.LongestAt("no.13", 0);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->end, 3u);
  EXPECT_FALSE(strict.LongestAt("no.13", 0).has_value());
  EXPECT_TRUE(strict.FindAll("no.13").empty());
  EXPECT_EQ(signs.FindAll("no.13").size(), 1u);
}

TEST(PhraseMatcherTest, DigitMayFollowOnlyWhenAllowed) {
  PhraseMatcher::Options o = WordEdges();
  o.digit_may_follow = true;
  PhraseMatcher strict(WordEdges()), loose(o);
  strict.Add("ods", 1);
  loose.Add("ods", 1);
  strict.Build();
  loose.Build();
  EXPECT_FALSE(strict.LongestAt("ods11", 0).has_value());
  EXPECT_TRUE(loose.LongestAt("ods11", 0).has_value());
  EXPECT_FALSE(loose.LongestAt("odsx", 0).has_value());
  EXPECT_EQ(loose.FindAll("el ods11").size(), 1u);
}

TEST(PhraseMatcherTest, FindEachFindsWhatTheAutomatonFinds) {
  PhraseMatcher::Options options = WordEdges();
  options.stems = true;
  options.digit_may_follow = true;
  const std::vector<std::string> phrases = {"aa", "", "aaa", "migra*", "ods", "no.", "a a"};
  PhraseMatcher m(options);
  for (size_t k = 0; k < phrases.size(); ++k) m.Add(phrases[k], static_cast<int>(k));
  m.Build();
  for (std::string_view text :
       {"aaaa a a aaa", "los migrantes y la migración; ods11, no.13", "xaa aa- aab", ""}) {
    std::vector<PhraseMatcher::Match> all = m.FindAll(text);
    std::vector<PhraseMatcher::Match> each = PhraseMatcher::FindEach(options, phrases, text);
    ASSERT_EQ(all.size(), each.size()) << text;
    for (size_t i = 0; i < all.size(); ++i) {
      EXPECT_EQ(all[i].begin, each[i].begin) << text;
      EXPECT_EQ(all[i].end, each[i].end) << text;
      EXPECT_EQ(all[i].value, each[i].value) << text;
    }
  }
}

TEST(PhraseMatcherTest, LongestAtPrefersTheLongerPhrase) {
  PhraseMatcher m(WordEdges());
  m.Add("objetivo", 1);
  m.Add("objetivo de desarrollo sostenible", 2);
  m.Build();
  auto at = m.LongestAt("objetivo de desarrollo sostenible 16", 0);
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->value, 2);
  EXPECT_FALSE(m.LongestAt("objetivo de desarrollo sostenible 16", 1).has_value());
}

}  // namespace
}  // namespace acervo
