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

TEST(LexiconTest, FindAllReportsEveryPhraseAtEveryWordStart) {
  // Overlapping phrases, one inside another, and one phrase under two labels.
  Lexicon l = Lexicon::FromText(
      "reunion\treunion\nreunion\treunion de trabajo\nmesa\tmesa de trabajo\n"
      "taller\treunion\n");
  std::vector<LexiconHit> hits = l.FindAll(Fold("Reunión de trabajo y reunión, mesa de trabajo"));
  ASSERT_EQ(hits.size(), 6u);
  EXPECT_EQ(hits[0].begin, 0u);
  EXPECT_EQ(hits[5].end, hits[5].begin + std::string("mesa de trabajo").size());
  for (size_t k = 1; k < hits.size(); ++k) EXPECT_LE(hits[k - 1].begin, hits[k].begin);
  EXPECT_TRUE(l.FindAll("").empty());
  EXPECT_TRUE(l.FindAll(Fold("prereunión")).empty());
}

TEST(LexiconTest, TiesGoToTheFirstPhraseOfTheFile) {
  Lexicon l = Lexicon::FromText("a\tforo\nb\tforo\nc\tforo abierto\nd\ttaller libre\n");
  EXPECT_EQ(*l.Prefix(Fold("Foro regional")), "a");
  EXPECT_EQ(*l.Longest(Fold("un foro")), "a");
  // Two phrases as long: the earlier line wins, wherever each is found in the text.
  EXPECT_EQ(*l.Longest(Fold("taller libre y foro abierto")), "c");
  EXPECT_EQ(*l.Longest(Fold("foro"), {"b"}), "b");
}

// FindAll reads eight bytes at a time where it can: every word start must still be found,
// wherever it falls in those eight-byte blocks, and no start inside a word (ASCII or not).
TEST(LexiconTest, WordStartsAreFoundAtEveryOffset) {
  Lexicon l = Lexicon::FromText("x\tab\ny\t(nota\nz\t2024\n");
  for (size_t pad = 0; pad < 17; ++pad) {
    std::string text = std::string(pad, 'q') + " ab,ab ñab ab (nota) xab 2024 3ab\tab";
    std::vector<size_t> begins;
    for (const LexiconHit& h : l.FindAll(text)) begins.push_back(h.begin);
    // "ab" after ' ', ',', ' ' and '\t', "(nota", "2024"; not "ñab", "xab" nor "3ab".
    std::vector<size_t> expected = {pad + 1, pad + 4, pad + 12, pad + 15, pad + 26, pad + 35};
    EXPECT_EQ(begins, expected) << "pad " << pad;
  }
}

// A word start is ruled out by the first three bytes of the phrases; phrases of one or two
// bytes, and phrases at the very end of the text, are still found.
TEST(LexiconTest, ShortPhrasesAndPhrasesAtTheEndAreFound) {
  Lexicon l = Lexicon::FromText("a\tx\nb\tye\nc\tforo\nd\tfo\n");
  std::vector<std::string_view> labels;
  for (const LexiconHit& h : l.FindAll("x ye foro fo fx y")) labels.push_back(*h.label);
  EXPECT_EQ(labels, (std::vector<std::string_view>{"a", "b", "c", "d", "d"}));
  EXPECT_EQ(l.FindAll("for").size(), 1u);  // "fo" only
  EXPECT_EQ(*l.Longest("un foro"), "c");
  EXPECT_TRUE(Lexicon::FromText("c\tforo\n").FindAll("fo for fore").empty());
}

}  // namespace
}  // namespace acervo
