#include "scanner.h"

#include <gtest/gtest.h>

namespace acervo::amount {
namespace {

std::string Figure(std::string_view text) {
  Decimal d;
  return ParseFigure(text, &d) ? d.ToString() : "invalid";
}

TEST(ParseFigure, ColombianConvention) {
  EXPECT_EQ(Figure("2.690.952.000,00"), "2690952000.00");
  EXPECT_EQ(Figure("0,00"), "0.00");
  EXPECT_EQ(Figure("1'500.000"), "1500000");
  EXPECT_EQ(Figure("48,2"), "48.2");
}

TEST(ParseFigure, MexicanConvention) {
  EXPECT_EQ(Figure("2,690,952,000.00"), "2690952000.00");
  EXPECT_EQ(Figure("1.5"), "1.5");
  EXPECT_EQ(Figure("5.00"), "5.00");
}

TEST(ParseFigure, ThreeDigitsAfterOneSeparatorGroupThousands) {
  EXPECT_EQ(Figure("34.055"), "34055");
  EXPECT_EQ(Figure("20,000"), "20000");
  EXPECT_EQ(Figure("0,500"), "0.500");  // a leading zero is never grouped
}

TEST(ParseFigure, MalformedGroupsAreNotAmounts) {
  EXPECT_EQ(Figure("1.2.3"), "invalid");
  EXPECT_EQ(Figure("12,34,567"), "invalid");
  EXPECT_EQ(Figure("1234.567,00"), "invalid");
}

TEST(ParseFigure, PlainDigits) {
  EXPECT_EQ(Figure("94000"), "94000");
  EXPECT_EQ(Figure("0"), "0");
}

}  // namespace
}  // namespace acervo::amount

namespace acervo::amount {
namespace {

// The two-byte tables must let through every position where a phrase of the lexicon starts,
// or the scanner would skip money.
TEST(Lexicon, StartTablesMissNoPhrase) {
  Lexicon lex;
  ASSERT_TRUE(lex.Load(ACERVO_PLUGIN_SOURCE_DATA_DIR).ok());
  for (std::string_view text :
       {"$ 5", "us$ 5", "usd 5", "dolares", "mil", "millones", "un", "veinte", "pesos", "eur"}) {
    EXPECT_TRUE(lex.MayStartNumberAt(text, 0)) << text;
  }
  EXPECT_FALSE(lex.MayStartNumberAt("zzz", 0));
  EXPECT_TRUE(lex.NamesCurrency("(cifras en millones de pesos)"));
  EXPECT_TRUE(lex.NamesCurrency("valores en usd"));
  EXPECT_FALSE(lex.NamesCurrency("cifras en millones"));
}

// StartsNumberAt walks one trie of the currencies, scales and number words: it must say
// what the three matches say, at every byte (word starts, mid-word, symbols, a code touching
// its figure).
TEST(Lexicon, StartsNumberAtWhereACurrencyScaleOrNumberWordMatches) {
  Lexicon lex;
  ASSERT_TRUE(lex.Load(ACERVO_PLUGIN_SOURCE_DATA_DIR).ok());
  for (std::string_view text :
       {"usd1,23 y us$ 5 o 3 mil millones de pesos", "un peso, veinte  dolares; medio millon",
        "ministerio de la ciudad, cien mdp", "eur20 cop 26 \\$ 40 € 3", "milagro pesos2 dosis"}) {
    for (size_t pos = 0; pos < text.size(); ++pos) {
      size_t end = 0;
      bool any = lex.MatchCurrency(text, pos, &end) >= 0 || lex.MatchScale(text, pos, &end) >= 0 ||
                 lex.MatchNumberWord(text, pos, &end) >= 0;
      EXPECT_EQ(lex.StartsNumberAt(text, pos), any) << text << " at " << pos;
    }
  }
}

}  // namespace
}  // namespace acervo::amount
