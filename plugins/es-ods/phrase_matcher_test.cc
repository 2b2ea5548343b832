#include "phrase_matcher.h"

#include <gtest/gtest.h>

namespace acervo::ods {
namespace {

std::string Covered(const MatchText& t, const PhraseMatch& m) {
  size_t b = t.ToOriginal(m.begin), e = t.ToOriginal(m.end);
  return std::string(t.original().substr(b, e - b));
}

TEST(MatchTextTest, FoldsAndSqueezesSpacesKeepingTheMap) {
  std::string s = "ACCIÓN \t por\n el  Clima";
  MatchText t(s);
  EXPECT_EQ(t.text(), "accion por el clima");
  EXPECT_EQ(t.ToOriginal(t.text().size()), s.size());
  EXPECT_EQ(t.FromOriginal(s.find("por")), t.text().find("por"));
}

TEST(PhraseMatcherTest, FindsWholeWordsIgnoringCaseAccentsAndSpacing) {
  PhraseMatcher m;
  m.Add("Acción por el clima", 13);
  m.Add("paz", 16);
  std::string s = "Es capaz de ACCION  POR EL CLIMA y de paz.";
  MatchText t(s);
  auto found = m.FindAll(t);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(Covered(t, found[0]), "ACCION  POR EL CLIMA");
  EXPECT_EQ(found[0].id, 13);
  EXPECT_EQ(Covered(t, found[1]), "paz");
}

TEST(PhraseMatcherTest, StemMatchesAnyEndingOfTheLastWord) {
  PhraseMatcher m;
  m.Add("migra*", 10);
  std::string s = "personas migrantes y la migración; no inmigra";
  MatchText t(s);
  auto found = m.FindAll(t);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(Covered(t, found[0]), "migrantes");
  EXPECT_EQ(Covered(t, found[1]), "migración");
}

TEST(PhraseMatcherTest, PunctuationEdgesNeedNoBoundary) {
  PhraseMatcher signs;
  signs.Add("No.", 1);
  std::string s = "No.13";
  MatchText t(s);
  auto m = signs.LongestAt(t, 0);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->end, 3u);
}

TEST(PhraseMatcherTest, DigitMayFollowOnlyWhenAllowed) {
  PhraseMatcher strict, loose(/*digit_may_follow=*/true);
  strict.Add("ODS", 1);
  loose.Add("ODS", 1);
  MatchText t("ODS11");
  EXPECT_FALSE(strict.LongestAt(t, 0).has_value());
  EXPECT_TRUE(loose.LongestAt(t, 0).has_value());
  EXPECT_FALSE(loose.LongestAt(MatchText("ODSX"), 0).has_value());
}

TEST(PhraseMatcherTest, LongestAtPrefersTheLongerPhrase) {
  PhraseMatcher m;
  m.Add("Objetivo", 1);
  m.Add("Objetivo de Desarrollo Sostenible", 2);
  MatchText t("Objetivo de Desarrollo Sostenible 16");
  auto at = m.LongestAt(t, 0);
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->id, 2);
}

}  // namespace
}  // namespace acervo::ods
