#include "records/decimal.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

Decimal D(const char* s) { return *Decimal::Parse(s); }

TEST(DecimalTest, ParsesToCanonicalForm) {
  EXPECT_EQ(D("2690952000.00").ToString(), "2690952000");
  EXPECT_EQ(D("0012.50").ToString(), "12.5");
  EXPECT_EQ(D("-0.0").ToString(), "0");
  EXPECT_FALSE(Decimal::Parse("12,5").has_value());
  EXPECT_FALSE(Decimal::Parse("").has_value());
  EXPECT_FALSE(Decimal::Parse("1e6").has_value());
}

TEST(DecimalTest, AddsExactlyAcrossFractionWidths) {
  Decimal sum;
  sum += D("0.1");
  sum += D("0.2");
  EXPECT_EQ(sum, D("0.3"));  // what a double gets wrong
  sum += D("999999999999.70");
  EXPECT_EQ(sum.ToString(), "1000000000000");
}

TEST(DecimalTest, SubtractsAndKeepsSign) {
  EXPECT_EQ((D("100") - D("250.5")).ToString(), "-150.5");
  EXPECT_EQ((D("250.5") - D("100")).ToString(), "150.5");
  EXPECT_TRUE((D("7.10") - D("7.1")).is_zero());
  Decimal x = D("-5");
  x += D("5");
  EXPECT_EQ(x.ToString(), "0");
}

}  // namespace
}  // namespace acervo
