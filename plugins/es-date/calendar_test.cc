#include "calendar.h"

#include <gtest/gtest.h>

#include "year_context.h"

namespace acervo::es_date {
namespace {

TEST(Calendar, LeapYears) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2023));
}

TEST(Calendar, Validity) {
  EXPECT_TRUE(IsValid({2024, 2, 29}));
  EXPECT_FALSE(IsValid({2023, 2, 29}));
  EXPECT_TRUE(IsValid({0, 2, 29}));  // year not known yet
  EXPECT_FALSE(IsValid({2024, 4, 31}));
  EXPECT_FALSE(IsValid({2024, 13, 1}));
  EXPECT_TRUE(IsValid({2024, 12, 0}));  // month precision
}

TEST(Calendar, OrderAtTheCoarserPrecision) {
  EXPECT_TRUE(Before({2020, 9, 30}, {2020, 10, 2}));
  EXPECT_FALSE(Before({2020, 9, 0}, {2020, 9, 15}));
  EXPECT_TRUE(Before({2020, 12, 0}, {2021, 5, 0}));
}

TEST(Calendar, Iso) {
  EXPECT_EQ(Iso({2024, 2, 8}), "2024-02-08");
  EXPECT_EQ(Iso({2020, 7, 0}), "2020-07");
}

TEST(Calendar, ParseIsoPoint) {
  EXPECT_EQ(ParseIsoPoint("2020-07", false), (DatePoint{2020, 7, 0}));
  EXPECT_EQ(ParseIsoPoint("2020", true), (DatePoint{2020, 12, 0}));
  EXPECT_EQ(ParseIsoPoint("2024-02-01", false), (DatePoint{2024, 2, 1}));
  EXPECT_EQ(ParseIsoPoint("", false).year, 0);
  EXPECT_EQ(ParseIsoPoint("julio", false).year, 0);
}

}  // namespace
}  // namespace acervo::es_date
