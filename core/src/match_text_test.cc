#include "acervo/match_text.h"

#include <gtest/gtest.h>

#include "acervo/text.h"
#include "acervo/word.h"

namespace acervo {
namespace {

TEST(MatchTextTest, FoldsAndSqueezesSpacesKeepingTheMap) {
  std::string s = "ACCIÓN \t por\n el  Clima";
  MatchText t(s);
  EXPECT_EQ(t.text(), "accion por el clima");
  EXPECT_EQ(t.ToOriginal(t.text().size()), s.size());
  EXPECT_EQ(t.FromOriginal(s.find("por")), t.text().find("por"));
}

// Line breaks and tabs that drop nothing become spaces in place; after the first dropped
// byte the rest moves, with its map.
TEST(MatchTextTest, LineBreaksBecomeSpacesBeforeAndAfterADrop) {
  std::string s = "Foro\nSalud\tAgua\n\nÁrea  ñ\tfin\n";
  MatchText t(s);
  EXPECT_EQ(t.text(), "foro salud agua area n fin ");
  const std::pair<std::string_view, std::string_view> words[] = {
      {"salud", "Salud"}, {"agua", "Agua"}, {"area", "Área"}, {" n ", "ñ"}, {"fin", "fin"}};
  for (const auto& [folded, original] : words) {
    size_t at = t.text().find(folded) + (folded.front() == ' ' ? 1 : 0);
    EXPECT_EQ(t.ToOriginal(at), s.find(original)) << folded;
  }
  EXPECT_EQ(t.ToOriginal(t.text().size()), s.size());
}

TEST(MatchTextTest, NormalizesPhrasesTheSameWay) {
  EXPECT_EQ(NormalizePhrase("  Acción \n por  "), "accion por");
  EXPECT_EQ(NormalizePhrase(" \t "), "");
}

TEST(MatchTextTest, FoldsARunOfNonAsciiBytesAsFoldDoes) {
  std::string out = "left over";
  for (std::string_view run : {"Ó", "ÁÉÍÓÚÑÜ", "ŞĞİΑΒΓЖж", "“”—", "\xC3", "\xFF\xC3\xA1",
                               "\xE2\x82", "ﬁ", "\u00a0\u0301", "ẞ"}) {
    match_text_internal::FoldRun(run, &out);
    EXPECT_EQ(out, Fold(run)) << run;
    match_text_internal::FoldRun(run, &out);  // the second time from the table
    EXPECT_EQ(out, Fold(run)) << run;
  }
}

TEST(WordTest, SeesWordCharactersOnEitherSideOfAByte) {
  std::string s = "año 12.";
  EXPECT_TRUE(IsWordAt(s, 0));
  EXPECT_TRUE(IsWordBefore(s, 4));  // "año" ends with a two-byte letter
  EXPECT_FALSE(IsWordAt(s, 4));     // the space
  EXPECT_FALSE(IsWordBefore(s, 0));
  EXPECT_FALSE(IsWordAt(s, s.size()));
  EXPECT_TRUE(IsDigitAt(s, 5));
  EXPECT_FALSE(IsDigitAt(s, s.size() - 1));
}

}  // namespace
}  // namespace acervo
