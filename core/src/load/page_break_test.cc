#include "load/page_break.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

LaidLine Prose(std::string text, double x0 = 72) {
  LaidLine l;
  l.text = std::move(text);
  l.box = Box{x0, 100, 520, 200};
  l.font_size = 11;
  return l;
}

// Page 1 ends with `last` (then a page number), page 2 starts (after a running header) with
// `first`; returns the two pages after joining.
std::vector<PageLines> Join(LaidLine last, LaidLine first) {
  std::vector<PageLines> pages(2);
  pages[0].lines = {Prose("Un párrafo entero."), std::move(last), Prose("3")};
  pages[1].lines = {Prose("Informe anual"), std::move(first), Prose("Otro párrafo.")};
  std::vector<std::vector<bool>> furniture = {{false, false, true}, {true, false, false}};
  JoinParagraphsOverPageBreaks(&pages, &furniture);
  EXPECT_EQ(furniture[1].size(), pages[1].lines.size());
  return pages;
}

TEST(PageBreak, AParagraphCutByTheBreakIsJoinedOnItsFirstPage) {
  LaidLine first = Prose("euros, destinados a la rehabilitación.");
  first.words = {PlacedWord{0, 6, 0.9}};
  std::vector<PageLines> pages = Join(Prose("la agencia aportó 450 000"), first);
  EXPECT_EQ(pages[0].lines[1].text,
            "la agencia aportó 450 000 euros, destinados a la rehabilitación.");
  ASSERT_EQ(pages[0].lines[1].words.size(), 1u);
  EXPECT_EQ(pages[0].lines[1].words[0].begin, 27u);
  ASSERT_EQ(pages[1].lines.size(), 2u);
  EXPECT_EQ(pages[1].lines[1].text, "Otro párrafo.");
}

TEST(PageBreak, AWordHyphenatedOverTheBreakIsRejoined) {
  std::vector<PageLines> pages = Join(Prose("la coope-"), Prose("ración técnica."));
  EXPECT_EQ(pages[0].lines[1].text, "la cooperación técnica.");
}

TEST(PageBreak, FullStopsListsStylesAndColumnsKeepTheBreak) {
  EXPECT_EQ(Join(Prose("Fin del párrafo."), Prose("y más")).at(1).lines.size(), 3u);
  EXPECT_EQ(Join(Prose("Las metas son"), Prose("- Abrir salas")).at(1).lines.size(), 3u);
  LaidLine bold = Prose("Título siguiente");
  bold.bold = true;
  EXPECT_EQ(Join(Prose("sin punto final"), bold).at(1).lines.size(), 3u);
  EXPECT_EQ(Join(Prose("sin punto final"), Prose("otra columna", 300)).at(1).lines.size(), 3u);
}

}  // namespace
}  // namespace acervo
