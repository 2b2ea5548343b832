#include "load/content_lexer.h"

#include <gtest/gtest.h>

#include <string>

namespace acervo {
namespace {

// "op(operands)" for each operator: numbers as written, names with '/', others as '?'.
std::string Ops(std::string_view data) {
  ContentLexer lexer(data);
  std::string_view op;
  std::vector<Operand> operands;
  std::string out;
  while (lexer.Next(&op, &operands)) {
    out += std::string(op) + "(";
    for (const Operand& o : operands) {
      if (o.kind == Operand::kNumber) out += std::to_string(static_cast<int>(o.number * 10));
      if (o.kind == Operand::kName) out += "/" + std::string(o.name);
      if (o.kind == Operand::kOther) out += "?";
      out += " ";
    }
    out += ") ";
  }
  return out;
}

TEST(ContentLexer, NumbersNamesAndOperators) {
  EXPECT_EQ(Ops("q 1 0 0 1 72.5 -.5 cm\n10 20 m 30 40 l S Q /Fm1 Do"),
            "q() cm(10 0 0 10 725 -5 ) m(100 200 ) l(300 400 ) S() Q() Do(/Fm1 ) ");
}

TEST(ContentLexer, StringsArraysDictionariesAndCommentsAreSkippedWhole) {
  EXPECT_EQ(Ops("BT /F1 9 Tf (a (nested\\) re) f) Tj [(x) -20 (y)] TJ ET % 1 2 re f\n"
                "/P <</MCID 0 /A [1 2]>> BDC <48656c6c6f> Tj EMC"),
            "BT() Tf(/F1 90 ) Tj(? ) TJ(? ) ET() BDC(/P ? ) Tj(? ) EMC() ");
}

TEST(ContentLexer, InlineImageDataIsJumpedOver) {
  EXPECT_EQ(Ops("BI /W 2 /H 1 /BPC 8 ID \x01 re f EI\x02 EI 5 5 m"), "BI() m(50 50 ) ");
}

TEST(ContentLexer, TruncatedInputEnds) {
  EXPECT_EQ(Ops("1 2 m (unclosed"), "m(10 20 ) ");
  EXPECT_EQ(Ops("[1 2"), "");
}

}  // namespace
}  // namespace acervo
