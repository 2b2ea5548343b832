#include "calendar.h"
#include <gtest/gtest.h>
namespace acervo::es_date {
TEST(Calendar, Leap) { EXPECT_TRUE(IsLeapYear(2024)); }
}
