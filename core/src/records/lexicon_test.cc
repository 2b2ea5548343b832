#include "records/lexicon.h"

#include <gtest/gtest.h>

#include "acervo/text.h"

namespace acervo {
namespace {

TEST(LexiconTest, MatchesAtWordStartsOnly) {
  Lexicon l = Lexicon::FromText("# comment\ncapacitacion\tcurso\nevento\tforo\n");
  EXPECT_EQ(l.FindAll(Fold("Cursos de verano")).size(), 1u);
  EXPECT_TRUE(l.FindAll(Fold("Recursos propios")).empty());
  ASSERT_EQ(l.FindAll(Fold("Foro y curso")).size(), 2u);
  EXPECT_EQ(*l.FindAll(Fold("Foro y curso"))[0].label, "evento");
}

TEST(LexiconTest, LongestPhraseWinsAndLabelsFilter) {
  Lexicon l = Lexicon::FromText(
      "aporte\taporte\ncontrapartida\taporte entidad distrital\ninstitution\tentidad cooperante\n");
  EXPECT_EQ(*l.Longest(Fold("VALOR APORTE ENTIDAD DISTRITAL")), "contrapartida");
  EXPECT_EQ(*l.Longest(Fold("VALOR APORTE ENTIDAD COOPERANTE"), {"aporte", "contrapartida"}),
            "aporte");
  EXPECT_EQ(l.Longest(Fold("Número de horas")), nullptr);
}

TEST(LexiconTest, PrefixNeedsAWholeWord) {
  Lexicon l = Lexicon::FromText("total\ttotal\nsubtotal\tsub total\n");
  EXPECT_EQ(*l.Prefix(Fold("TOTAL GENERAL")), "total");
  EXPECT_EQ(*l.Prefix(Fold("Sub Total")), "subtotal");
  EXPECT_EQ(l.Prefix(Fold("Totalidad de casos")), nullptr);
}

}  // namespace
}  // namespace acervo
