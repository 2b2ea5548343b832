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
