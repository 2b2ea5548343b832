#include <gtest/gtest.h>
TEST(External, Todo) {}
