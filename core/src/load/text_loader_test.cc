#include "load/text_loader.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

std::string BlockText(const Page& page, const Block& b) {
  return page.text.substr(b.begin, b.end - b.begin);
}

TEST(TextLoader, MarkupIsStrippedLineByLine) {
  Result<Document> doc = LoadText(
      "# Informe anual\n"
      "La **Secretaría de Cultura** abrió <b>dos</b> salas&nbsp;nuevas.\n"
      "¹ *Ibídem.* y una nota con *asterisco suelto\n");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->pages[0].text,
            "Informe anual\n"
            "La Secretaría de Cultura abrió dos salas nuevas.\n"
            "¹ Ibídem. y una nota con *asterisco suelto\n");
}

TEST(TextLoader, HeadingsBulletsAndTables) {
  Result<Document> doc = LoadText(
      "## Metas\n"
      "- Abrir dos bibliotecas.\n"
      "CUADRO 3. Metas por año\n"
      "Año\tMeta\n"
      "2023\t4\n");
  ASSERT_TRUE(doc.ok());
  const Page& page = doc->pages[0];
  ASSERT_EQ(page.blocks.size(), 5u);
  EXPECT_EQ(page.blocks[0].kind, SegmentKind::kHeading);
  EXPECT_EQ(page.blocks[0].heading_level, 2);
  EXPECT_EQ(page.blocks[1].kind, SegmentKind::kBullet);
  EXPECT_EQ(BlockText(page, page.blocks[1]), "Abrir dos bibliotecas.");
  EXPECT_EQ(page.blocks[2].kind, SegmentKind::kCaption);
  EXPECT_EQ(page.blocks[3].kind, SegmentKind::kTableRow);
  EXPECT_TRUE(page.blocks[3].header_row);
  EXPECT_EQ(page.blocks[4].line, 5);
  ASSERT_EQ(doc->tables.size(), 1u);
  EXPECT_EQ(doc->tables[0].caption[0], "CUADRO 3. Metas por año");
}

TEST(TextLoader, FormFeedsSplitPagesAndATableContinuesOverThem) {
  Result<Document> doc = LoadText("Año\tMeta\n2023\t4\n\fAño\tMeta\n2024\t6\n");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->pages.size(), 2u);
  EXPECT_EQ(doc->pages[1].first_line, 3);
  EXPECT_EQ(doc->tables.size(), 1u);
}

TEST(TextLoader, MarkdownPipeTablesBecomeTableRows) {
  Result<Document> doc = LoadText(
      "Cuadro 1. Aportes por entidad\n"
      "\n"
      "| Entidad | Proyecto | Monto (USD) |\n"
      "|---|:---|---:|\n"
      "| **BID** | Catastro \\| predial | 1.200,00 |\n"
      "|  | Total | 1.200,00 |\n"
      "| **Área 2** |  |  |\n"
      "\n"
      "Texto después.\n");
  ASSERT_TRUE(doc.ok());
  const Page& page = doc->pages[0];
  ASSERT_EQ(page.blocks.size(), 6u);
  EXPECT_EQ(page.blocks[0].kind, SegmentKind::kCaption);
  EXPECT_EQ(page.blocks[1].kind, SegmentKind::kTableRow);
  EXPECT_TRUE(page.blocks[1].header_row);
  EXPECT_EQ(page.blocks[1].line, 3);
  EXPECT_EQ(BlockText(page, page.blocks[2]), "BID\tCatastro | predial\t1.200,00");
  EXPECT_EQ(page.blocks[2].line, 5);  // the rule keeps its line, empty
  EXPECT_FALSE(page.blocks[2].header_row);
  EXPECT_EQ(BlockText(page, page.blocks[3]), "\tTotal\t1.200,00");
  EXPECT_EQ(page.blocks[4].kind, SegmentKind::kTableRow);  // a group row: one cell, then empty
  EXPECT_EQ(BlockText(page, page.blocks[4]), "Área 2\t\t");
  EXPECT_EQ(page.blocks[5].kind, SegmentKind::kParagraph);
  ASSERT_EQ(doc->tables.size(), 1u);
  EXPECT_EQ(doc->tables[0].caption[0], "Cuadro 1. Aportes por entidad");
  EXPECT_EQ(doc->tables[0].header,
            (std::vector<std::string>{"Entidad", "Proyecto", "Monto (USD)"}));
}

TEST(TextLoader, TabRowsKeepTheirLeadingEmptyCells) {
  Result<Document> doc = LoadText("Año\tMeta\tLogro\n\tTotal\t9\n");
  ASSERT_TRUE(doc.ok());
  const Page& page = doc->pages[0];
  ASSERT_EQ(page.blocks.size(), 2u);
  EXPECT_EQ(BlockText(page, page.blocks[1]), "\tTotal\t9");
}

TEST(TextLoader, ABoldNumberedLineIsATitleAPlainOneAListItem) {
  Result<Document> doc = LoadText("**2. Redes de ciudades**\n\n1. Abrir dos salas\n");
  ASSERT_TRUE(doc.ok());
  const Page& page = doc->pages[0];
  ASSERT_EQ(page.blocks.size(), 2u);
  EXPECT_EQ(page.blocks[0].kind, SegmentKind::kHeading);
  EXPECT_EQ(page.blocks[0].heading_level, 2);
  EXPECT_EQ(page.blocks[1].kind, SegmentKind::kBullet);
}

TEST(TextLoader, ATableGoesOnUnderAGroupTitleThatInterruptsIt) {
  Result<Document> doc = LoadText(
      "Código\tPrograma\tPagado\n"
      "**Área 11 – Gestión interna**\n"
      "11.01\tAdministración\t2.000,00\n"
      "**Otro cuadro**\n"
      "Año\tMeta\n");
  ASSERT_TRUE(doc.ok());
  const Page& page = doc->pages[0];
  ASSERT_EQ(page.blocks.size(), 5u);
  EXPECT_EQ(page.blocks[1].kind, SegmentKind::kHeading);
  EXPECT_EQ(page.blocks[2].table, 0);
  EXPECT_FALSE(page.blocks[2].header_row);
  EXPECT_EQ(page.blocks[4].table, 1);  // another width: another table
  EXPECT_EQ(doc->tables.size(), 2u);
}

// A heading line that ends with a preposition or conjunction goes on in the heading line
// below it (a letterhead set over two lines); one that does not end so stands alone.
TEST(TextLoader, AHeadingEndingInDeGoesOnInTheNextHeadingLine) {
  Result<Document> doc = LoadText(
      "SECRETARÍA DE DESARROLLO ECONÓMICO Y\n"
      "TURISMO\n"
      "INFORME DE GESTIÓN\n"
      "El informe resume el año.\n");
  ASSERT_TRUE(doc.ok());
  const Page& page = doc->pages[0];
  ASSERT_EQ(page.blocks.size(), 3u);
  EXPECT_EQ(page.blocks[0].kind, SegmentKind::kHeading);
  EXPECT_EQ(BlockText(page, page.blocks[0]), "SECRETARÍA DE DESARROLLO ECONÓMICO Y\nTURISMO");
  EXPECT_EQ(page.blocks[1].kind, SegmentKind::kHeading);
  EXPECT_EQ(BlockText(page, page.blocks[1]), "INFORME DE GESTIÓN");
  EXPECT_EQ(page.blocks[2].kind, SegmentKind::kParagraph);
}

TEST(TextLoader, RefusesBytesThatAreNotUtf8) {
  EXPECT_FALSE(LoadText("Informe \xE9 2023").ok());
  EXPECT_FALSE(LoadText(std::string("a\0b", 3)).ok());
}

TEST(TextLoader, ABoldNumberedLineIsAHeadingAndAPlainOneAListItem) {
  Document doc;
  Page& page = doc.pages.emplace_back();
  page.text =
      "3. Nuevos financiamientos y otras actividades de cooperación\n"
      "El 14 de septiembre la embajada anunció una donación.\n"
      "1. Taller de gestión de riesgos\n";
  LineHint bold;
  bold.bold = true;
  FindStructure(&doc, {{bold, LineHint{}, LineHint{}}});
  ASSERT_EQ(page.blocks.size(), 3u);
  EXPECT_EQ(page.blocks[0].kind, SegmentKind::kHeading);
  EXPECT_EQ(page.blocks[1].kind, SegmentKind::kParagraph);
  EXPECT_EQ(page.blocks[2].kind, SegmentKind::kBullet);
}

}  // namespace
}  // namespace acervo
