#include "eval/match_key.h"

#include <gtest/gtest.h>

namespace acervo::eval {
namespace {

TEST(MatchKey, FoldsCaseAccentsAndPunctuation) {
  EXPECT_EQ(MatchKey("SECRETARÍA DE SALUD"), "secretaria de salud");
  EXPECT_EQ(MatchKey("  Foro “Ciudades   Verdes”,\n2023 "), "foro ciudades verdes 2023");
  EXPECT_EQ(MatchKey("Año Ñandú"), "ano nandu");
}

TEST(MatchKey, StripsMarkupLikeTheLoader) {
  EXPECT_EQ(MatchKey("**Taller de movilidad**"), "taller de movilidad");
  EXPECT_EQ(MatchKey("<b>Taller</b> de <span class=\"x\">movilidad</span>"), "taller de movilidad");
  EXPECT_EQ(MatchKey("Agua&nbsp;y&amp;saneamiento"), "agua y saneamiento");
}

TEST(MatchKey, KeepsDigitsAndDistinguishesWords) {
  EXPECT_NE(MatchKey("ODS 11"), MatchKey("ODS 1"));
  EXPECT_EQ(MatchKey(""), "");
  EXPECT_EQ(MatchKey("—"), "");
}

TEST(CanonicalDecimal, DropsInsignificantZeros) {
  EXPECT_EQ(CanonicalDecimal("100000.00"), "100000");
  EXPECT_EQ(CanonicalDecimal("100000"), "100000");
  EXPECT_EQ(CanonicalDecimal("0012.50"), "12.5");
  EXPECT_EQ(CanonicalDecimal("0.00"), "0");
  EXPECT_EQ(CanonicalDecimal("-0.0"), "0");
  EXPECT_EQ(CanonicalDecimal("+7.10"), "7.1");
  EXPECT_EQ(CanonicalDecimal(".5"), "0.5");
}

TEST(CanonicalDecimal, IsExactBeyondDoublePrecision) {
  EXPECT_EQ(CanonicalDecimal("12345678901234567890.120"), "12345678901234567890.12");
  EXPECT_NE(CanonicalDecimal("9007199254740993"), CanonicalDecimal("9007199254740992"));
}

TEST(CanonicalDecimal, LeavesNonNumbersAlone) {
  EXPECT_EQ(CanonicalDecimal("1,000"), "1,000");
  EXPECT_EQ(CanonicalDecimal("abc"), "abc");
  EXPECT_EQ(CanonicalDecimal(""), "");
  EXPECT_EQ(CanonicalDecimal("."), ".");
}

}  // namespace
}  // namespace acervo::eval
