// The heading chain each segment carries: nesting by level, and chronology years that outrank
// the months under them even where a PDF set both headings at one size.
#include "document/segments.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace acervo {
namespace {

struct Line {
  SegmentKind kind;
  int level;
  std::string text;
};

Document OnePage(const std::vector<Line>& lines) {
  Document d;
  Page& p = d.pages.emplace_back();
  for (const Line& l : lines) {
    Block b;
    b.kind = l.kind;
    b.heading_level = l.level;
    b.begin = p.text.size();
    p.text += l.text;
    b.end = p.text.size();
    p.text += '\n';
    p.blocks.push_back(b);
  }
  return d;
}

std::vector<std::string> Chain(const SegmentList& list, size_t i) {
  const auto& hs = list.entries()[i].segment.headings;
  return std::vector<std::string>(hs.begin(), hs.end());
}

constexpr SegmentKind kH = SegmentKind::kHeading;
constexpr SegmentKind kP = SegmentKind::kParagraph;

TEST(SegmentListTest, HeadingsNestByLevel) {
  Document d = OnePage({{kH, 1, "Informe"},
                        {kH, 2, "Acuerdos"},
                        {kP, 0, "texto"},
                        {kH, 2, "Eventos"},
                        {kP, 0, "otro"}});
  SegmentList list(d);
  EXPECT_EQ(Chain(list, 2), (std::vector<std::string>{"Informe", "Acuerdos"}));
  EXPECT_EQ(Chain(list, 4), (std::vector<std::string>{"Informe", "Eventos"}));
}

TEST(SegmentListTest, AYearHeadingOutranksMonthHeadingsOfTheSameSize) {
  Document d = OnePage({{kH, 2, "Cronología"},
                        {kH, 3, "2019"},
                        {kH, 3, "ABRIL"},
                        {kP, 0, "El 3 de abril ..."},
                        {kH, 3, "JUNIO"},
                        {kP, 0, "El 3 de junio"},
                        {kH, 3, "2020"},
                        {kH, 3, "MARZO"},
                        {kP, 0, "El 2 de marzo"},
                        {kH, 2, "Discusión"},
                        {kP, 0, "fin"}});
  SegmentList list(d);
  EXPECT_EQ(Chain(list, 3), (std::vector<std::string>{"Cronología", "2019", "ABRIL"}));
  EXPECT_EQ(Chain(list, 5), (std::vector<std::string>{"Cronología", "2019", "JUNIO"}));
  EXPECT_EQ(Chain(list, 8), (std::vector<std::string>{"Cronología", "2020", "MARZO"}));
  EXPECT_EQ(Chain(list, 10), (std::vector<std::string>{"Discusión"}));
}

TEST(SegmentListTest, OnlyABareYearIsAYearHeading) {
  Document d = OnePage({{kH, 3, "Informe 2019"}, {kH, 3, "ABRIL"}, {kP, 0, "x"}});
  SegmentList list(d);
  EXPECT_EQ(Chain(list, 2), (std::vector<std::string>{"ABRIL"}));
}

}  // namespace
}  // namespace acervo
