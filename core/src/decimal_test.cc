#include "acervo/decimal.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

Decimal D(const char* s) { return *Decimal::Parse(s); }

TEST(DecimalTest, KeepsTheFractionAsWritten) {
  EXPECT_EQ(Decimal::FromDigits("2690952000", "00").ToString(), "2690952000.00");
  EXPECT_EQ(Decimal::FromDigits("0", "00").ToString(), "0.00");
  EXPECT_EQ(Decimal::FromDigits("007", "").ToString(), "7");
  EXPECT_EQ(Decimal::FromDigits("", "5").ToString(), "0.5");
  EXPECT_EQ(D("0012.50").ToString(), "12.50");
}

TEST(DecimalTest, ParsesPlainDecimalsOnly) {
  EXPECT_EQ(D("-12.5").ToString(), "-12.5");
  EXPECT_EQ(D(".5").ToString(), "0.5");
  EXPECT_EQ(D("-0.0").ToString(), "0.0");
  EXPECT_FALSE(D("-0.0").negative());
  EXPECT_FALSE(Decimal::Parse("12,5").has_value());
  EXPECT_FALSE(Decimal::Parse("").has_value());
  EXPECT_FALSE(Decimal::Parse("-").has_value());
  EXPECT_FALSE(Decimal::Parse("1e6").has_value());
}

TEST(DecimalTest, CanonicalDropsTrailingZeros) {
  EXPECT_EQ(D("2690952000.00").Canonical().ToString(), "2690952000");
  EXPECT_EQ(D("0012.50").Canonical().ToString(), "12.5");
  EXPECT_EQ(D("-0.0").Canonical().ToString(), "0");
  EXPECT_EQ(D("0.005").Canonical().ToString(), "0.005");
  EXPECT_EQ(D("-3.10").Canonical().ToString(), "-3.1");
}

TEST(DecimalTest, ScalesExactly) {
  EXPECT_EQ(Decimal::FromDigits("1", "5").Scaled(6).ToString(), "1500000");
  EXPECT_EQ(Decimal::FromDigits("34055", "").Scaled(6).ToString(), "34055000000");
  EXPECT_EQ(Decimal::FromDigits("1", "2345678").Scaled(6).ToString(), "1234567.8");
  EXPECT_EQ(Decimal::FromDigits("34055", "00").Scaled(6).ToString(), "34055000000");
  EXPECT_EQ(Decimal::FromDigits("0", "5").Scaled(6).ToString(), "500000");
  // Beyond what a double holds exactly.
  EXPECT_EQ(Decimal::FromDigits("9007199254740993", "").Scaled(12).ToString(),
            "9007199254740993000000000000");
}

TEST(DecimalTest, AddsExactlyKeepingTheWiderFraction) {
  Decimal a = Decimal::FromInteger(22000).Scaled(6);
  Decimal b = Decimal::FromInteger(312).Scaled(6);
  EXPECT_EQ((a + b).ToString(), "22312000000");
  EXPECT_EQ((Decimal::FromDigits("15", "") + Decimal::FromDigits("0", "15")).ToString(), "15.15");
  EXPECT_EQ((Decimal::FromDigits("999", "9") + Decimal::FromDigits("0", "1")).ToString(), "1000.0");
  Decimal sum;
  sum += D("0.1");
  sum += D("0.2");
  EXPECT_EQ(sum, D("0.3"));  // what a double gets wrong
  sum += D("999999999999.70");
  EXPECT_EQ(sum.ToString(), "1000000000000.00");
  EXPECT_EQ(sum.Canonical().ToString(), "1000000000000");
}

TEST(DecimalTest, SubtractsAndKeepsSign) {
  EXPECT_EQ((D("100") - D("250.5")).ToString(), "-150.5");
  EXPECT_EQ((D("250.5") - D("100")).ToString(), "150.5");
  EXPECT_TRUE((D("7.10") - D("7.1")).IsZero());
  Decimal x = D("-5");
  x += D("5");
  EXPECT_EQ(x.ToString(), "0");
  EXPECT_FALSE(x.negative());
}

TEST(DecimalTest, ComparesByValue) {
  EXPECT_EQ(D("7.10"), D("7.1"));
  EXPECT_EQ(D("-0"), D("0.00"));
  EXPECT_FALSE(D("7.1") == D("-7.1"));
  EXPECT_FALSE(D("7.1") == D("7.01"));
}

TEST(DecimalTest, IntegerBelowPowerOfTen) {
  EXPECT_TRUE(Decimal::FromInteger(312).IntegerBelowPowerOfTen(3));
  EXPECT_FALSE(Decimal::FromInteger(1000).IntegerBelowPowerOfTen(3));
  EXPECT_FALSE(Decimal::FromDigits("1", "5").IntegerBelowPowerOfTen(3));
  EXPECT_TRUE(Decimal::FromDigits("15", "00").IntegerBelowPowerOfTen(2));
  EXPECT_TRUE(Decimal::FromDigits("007", "").IntegerBelowPowerOfTen(1));
  EXPECT_TRUE(Decimal().IntegerBelowPowerOfTen(1));
  EXPECT_FALSE(D("-5").IntegerBelowPowerOfTen(3));
}

TEST(DecimalTest, NegatedKeepsDigitsAndNeverSignsZero) {
  EXPECT_EQ(Decimal::FromDigits("1234", "00").Negated().ToString(), "-1234.00");
  EXPECT_EQ(Decimal::Parse("-7.5")->Negated().ToString(), "7.5");
  EXPECT_EQ(Decimal::FromDigits("0", "00").Negated().ToString(), "0.00");
  EXPECT_EQ((Decimal::FromInteger(10) + Decimal::FromInteger(3).Negated()).ToString(), "7");
}

TEST(CanonicalAmountTest, DropsTrailingZerosOnly) {
  EXPECT_EQ(CanonicalAmount("100000.00"), "100000");
  EXPECT_EQ(CanonicalAmount("100000"), "100000");
  EXPECT_EQ(CanonicalAmount("2,50"), "2.5");
  EXPECT_EQ(CanonicalAmount("0.00"), "0");
  EXPECT_EQ(CanonicalAmount("0.05"), "0.05");
  EXPECT_EQ(CanonicalAmount("1000"), "1000");
  EXPECT_EQ(CanonicalAmount("-1250000.50"), "-1250000.5");
  EXPECT_EQ(CanonicalAmount("-0.00"), "0");
}

}  // namespace
}  // namespace acervo
