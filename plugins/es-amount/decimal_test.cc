#include "decimal.h"

#include <gtest/gtest.h>

namespace acervo::amount {
namespace {

TEST(Decimal, KeepsTheFractionAsWritten) {
  EXPECT_EQ(Decimal::FromDigits("2690952000", "00").ToString(), "2690952000.00");
  EXPECT_EQ(Decimal::FromDigits("0", "00").ToString(), "0.00");
  EXPECT_EQ(Decimal::FromDigits("007", "").ToString(), "7");
  EXPECT_EQ(Decimal::FromDigits("", "5").ToString(), "0.5");
}

TEST(Decimal, ScalesExactly) {
  EXPECT_EQ(Decimal::FromDigits("1", "5").Scaled(6).ToString(), "1500000");
  EXPECT_EQ(Decimal::FromDigits("34055", "").Scaled(6).ToString(), "34055000000");
  EXPECT_EQ(Decimal::FromDigits("1", "2345678").Scaled(6).ToString(), "1234567.8");
  EXPECT_EQ(Decimal::FromDigits("34055", "00").Scaled(6).ToString(), "34055000000");
  EXPECT_EQ(Decimal::FromDigits("0", "5").Scaled(6).ToString(), "500000");
  // Beyond what a double holds exactly.
  EXPECT_EQ(Decimal::FromDigits("9007199254740993", "").Scaled(12).ToString(),
            "9007199254740993000000000000");
}

TEST(Decimal, AddsExactly) {
  Decimal a = Decimal::FromInteger(22000).Scaled(6);
  Decimal b = Decimal::FromInteger(312).Scaled(6);
  EXPECT_EQ(a.Plus(b).ToString(), "22312000000");
  EXPECT_EQ(Decimal::FromDigits("15", "").Plus(Decimal::FromDigits("0", "15")).ToString(),
            "15.15");
  EXPECT_EQ(Decimal::FromDigits("999", "9").Plus(Decimal::FromDigits("0", "1")).ToString(),
            "1000.0");
}

TEST(Decimal, IntegerBelowPowerOfTen) {
  EXPECT_TRUE(Decimal::FromInteger(312).IntegerBelowPowerOfTen(3));
  EXPECT_FALSE(Decimal::FromInteger(1000).IntegerBelowPowerOfTen(3));
  EXPECT_FALSE(Decimal::FromDigits("1", "5").IntegerBelowPowerOfTen(3));
  EXPECT_TRUE(Decimal::FromDigits("15", "00").IntegerBelowPowerOfTen(2));
}

TEST(CanonicalAmount, DropsTrailingZerosOnly) {
  EXPECT_EQ(CanonicalAmount("100000.00"), "100000");
  EXPECT_EQ(CanonicalAmount("100000"), "100000");
  EXPECT_EQ(CanonicalAmount("2,50"), "2.5");
  EXPECT_EQ(CanonicalAmount("0.00"), "0");
  EXPECT_EQ(CanonicalAmount("0.05"), "0.05");
  EXPECT_EQ(CanonicalAmount("1000"), "1000");
}

}  // namespace
}  // namespace acervo::amount
