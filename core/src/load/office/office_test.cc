// The DOCX, ODT and HTML readers on small hand-written files: structure, merged cells,
// notes, furniture, text boxes, page breaks, boilerplate, encodings and bad input.
#include "load/office/office.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "load/office/zip_package.h"

namespace acervo {
namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

// A ZIP holding `parts` (stored in order), as bytes.
std::string MakeZip(const Parts& parts) {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("office_test_" + std::to_string(::getpid()) + ".zip");
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, data] : parts) {
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    zip_int64_t index = zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE);
    if (name == "mimetype") zip_set_file_compression(z, index, ZIP_CM_STORE, 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::filesystem::remove(path);
  return ss.str();
}

constexpr const char* kW =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006")";

std::string Docx(const std::string& body, Parts extra = {}) {
  Parts parts = {{"[Content_Types].xml", "<Types/>"},
                 {"word/document.xml", std::string("<w:document ") + kW + "><w:body>" + body +
                                           "</w:body></w:document>"}};
  for (auto& p : extra) parts.push_back(std::move(p));
  return MakeZip(parts);
}

std::string P(const std::string& text, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + "<w:r><w:t>" + text +
         "</w:t></w:r></w:p>";
}

std::string BlockText(const Page& page, const Block& b) {
  return page.text.substr(b.begin, b.end - b.begin);
}

// "kind:text" for every block of every page, pages separated by "|".
std::string Outline(const Document& doc) {
  std::string out;
  for (const Page& page : doc.pages) {
    if (!out.empty()) out += "|";
    for (const Block& b : page.blocks) {
      std::string kind = b.kind == SegmentKind::kHeading    ? "h" + std::to_string(b.heading_level)
                         : b.kind == SegmentKind::kBullet   ? "li"
                         : b.kind == SegmentKind::kTableRow ? (b.header_row ? "th" : "tr")
                         : b.kind == SegmentKind::kCaption  ? "cap"
                                                            : "p";
      out += "[" + kind + ":" + BlockText(page, b) + "]";
    }
  }
  return out;
}

TEST(Docx, HeadingsParagraphsListsByStyleAndNumbering) {
  std::string styles =
      std::string("<w:styles ") + kW + ">" +
      R"(<w:style w:type="paragraph" w:styleId="Ttulo1"><w:name w:val="heading 1"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="Mio"><w:name w:val="Título 2"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="TDC1"><w:name w:val="toc 1"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="Esquema"><w:name w:val="Esquema"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>)"
      "</w:styles>";
  std::string numbering =
      std::string("<w:numbering ") + kW + ">" +
      R"(<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl>)"
      R"(<w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>)"
      R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>)";
  std::string numpr0 = R"(<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>)";
  std::string numpr1 = R"(<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>)";
  std::string toc = R"(<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>)"
                    "</w:docPartObj></w:sdtPr><w:sdtContent>" +
                    P("Informe anual 1") + "</w:sdtContent></w:sdt>";
  std::string body =
      toc + P("Contexto 2", R"(<w:pStyle w:val="TDC1"/>)") +
      P("Informe anual", R"(<w:pStyle w:val="Ttulo1"/>)") +
      P("Contexto", R"(<w:pStyle w:val="Mio"/>)") + P("Detalle", R"(<w:pStyle w:val="Esquema"/>)") +
      P("Primer párrafo.") + P("Segundo párrafo.") + P("uno", numpr0) + P("dos", numpr1) +
      P("tres", numpr1) + "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Negrita</w:t></w:r></w:p>";
  Result<Document> doc = ReadDocx(
      Docx(body, {{"word/styles.xml", styles}, {"word/numbering.xml", numbering}}), "x.docx");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(Outline(*doc),
            "[h1:Informe anual][h2:Contexto][h3:Detalle][p:Primer párrafo.][p:Segundo párrafo.]"
            "[li:uno][li:dos][li:tres][h3:Negrita]");
  EXPECT_NE(doc->pages[0].text.find("  1. dos\n  2. tres"), std::string::npos)
      << doc->pages[0].text;
}

TEST(Docx, MergedCellsKeepTheColumns) {
  auto cell = [&](const std::string& text, const std::string& pr = "") {
    return "<w:tc>" + (pr.empty() ? "" : "<w:tcPr>" + pr + "</w:tcPr>") + "<w:p><w:r><w:t>" + text +
           "</w:t></w:r></w:p></w:tc>";
  };
  std::string body =
      "<w:tbl><w:tr>" + cell("Área") + cell("Proyecto") + cell("Monto") + "</w:tr>" + "<w:tr>" +
      cell("Agua", R"(<w:vMerge w:val="restart"/>)") + cell("Pozos") + cell("USD 10") +
      "</w:tr><w:tr>" + cell("", "<w:vMerge/>") + cell("Redes") + cell("USD 20") + "</w:tr>" +
      "<w:tr>" + cell("Total", R"(<w:gridSpan w:val="2"/>)") + cell("USD 30") + "</w:tr></w:tbl>";
  Result<Document> doc = ReadDocx(Docx(body), "x.docx");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(Outline(*doc),
            "[th:Área\tProyecto\tMonto][tr:Agua\tPozos\tUSD 10][tr:\tRedes\tUSD 20]"
            "[tr:Total\t\tUSD 30]");
  ASSERT_EQ(doc->tables.size(), 1u);
  EXPECT_EQ(doc->tables[0].header, (std::vector<std::string>{"Área", "Proyecto", "Monto"}));
}

TEST(Docx, NotesFurnitureTextBoxesAndPageBreaks) {
  std::string notes =
      std::string("<w:footnotes ") + kW + ">" +
      R"(<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>)"
      R"(<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Cifras provisionales.</w:t></w:r></w:p></w:footnote>)"
      "</w:footnotes>";
  std::string header = std::string("<w:hdr ") + kW + ">" + P("Municipio de Ejemplo") + "</w:hdr>";
  std::string footer =
      std::string("<w:ftr ") + kW +
      R"(><w:p><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>Página 1</w:t></w:r></w:p></w:ftr>)";
  std::string box =
      "<w:p><w:r><w:t>Con recuadro.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice "
      "Requires=\"wps\">"
      "<w:drawing><w:txbxContent>" +
      P("Dentro del recuadro.") +
      "</w:txbxContent></w:drawing>"
      "</mc:Choice><mc:Fallback><w:pict><w:txbxContent>" +
      P("Dentro del recuadro.") +
      "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>";
  std::string body =
      "<w:p><w:r><w:t>Monto total</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>" +
      box + R"(<w:p><w:r><w:br w:type="page"/></w:r></w:p>)" + P("Segunda página.");
  Result<Document> doc = ReadDocx(Docx(body, {{"word/footnotes.xml", notes},
                                              {"word/header1.xml", header},
                                              {"word/footer1.xml", footer}}),
                                  "x.docx");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(Outline(*doc),
            "[p:Monto total][p:Con recuadro.][p:Dentro del recuadro.]|[p:Segunda página.]"
            "[p:Cifras provisionales.]");
  EXPECT_EQ(doc->pages[1].furniture,
            (std::vector<std::string>{"Municipio de Ejemplo", "Página 1"}));
}

TEST(Docx, BadInputIsAClearError) {
  std::string cfb("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  cfb += std::string(1000, '\0');
  for (char c : std::string("EncryptionInfo")) cfb += std::string{c, '\0'};
  Result<Document> encrypted = ReadDocx(cfb, "x.docx");
  ASSERT_FALSE(encrypted.ok());
  EXPECT_EQ(encrypted.status().message(),
            "encrypted: needs a password (an encrypted Office document)");

  std::string zip = Docx(P("hola"));
  Result<Document> cut = ReadDocx(zip.substr(0, zip.size() / 2), "x.docx");
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.status().message().find("ZIP"), std::string::npos) << cut.status().message();

  Result<Document> truncated = ReadDocx(
      MakeZip(
          {{"word/document.xml", std::string("<w:document ") + kW + "><w:body><w:p><w:r><w:t>ho"}}),
      "x.docx");
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("word/document.xml is not well-formed"),
            std::string::npos)
      << truncated.status().message();

  std::string bomb(kMaxPartBytes + 1, ' ');
  Result<Document> big = ReadDocx(MakeZip({{"word/document.xml", bomb}}), "x.docx");
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.status().message().find("zip bomb"), std::string::npos) << big.status().message();

  Result<Document> no_doc = ReadDocx(MakeZip({{"a.txt", "x"}}), "x.docx");
  EXPECT_FALSE(no_doc.ok());
}

constexpr const char* kOdtNs =
    R"(xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
    R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
    R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" )"
    R"(xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" )"
    R"(xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" )"
    R"(xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0")";

std::string Odt(const std::string& text, const std::string& automatic = "",
                const std::string& styles = "") {
  return MakeZip(
      {{"mimetype", "application/vnd.oasis.opendocument.text"},
       {"content.xml", std::string("<office:document-content ") + kOdtNs +
                           "><office:automatic-styles>" + automatic +
                           "</office:automatic-styles><office:body><office:text>" + text +
                           "</office:text></office:body></office:document-content>"},
       {"styles.xml", std::string("<office:document-styles ") + kOdtNs + ">" + styles +
                          "</office:document-styles>"}});
}

TEST(Odt, StructureMergesNotesFurnitureBoxesBreaks) {
  std::string automatic =
      R"(<style:style style:name="P9"><style:paragraph-properties fo:break-before="page"/></style:style>)"
      R"(<text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-format="1"/></text:list-style>)";
  std::string styles =
      R"(<office:master-styles><style:master-page style:name="Standard"><style:header><text:p>Informe 2023</text:p></style:header></style:master-page></office:master-styles>)";
  std::string text =
      R"(<text:h text:outline-level="1">Informe</text:h>)"
      R"(<text:p>Monto<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Nota al pie.</text:p></text:note-body></text:note> total.</text:p>)"
      R"(<text:list><text:list-item><text:p>viñeta</text:p><text:list><text:list-item><text:p>sub</text:p></text:list-item></text:list></text:list-item></text:list>)"
      R"(<text:list text:style-name="L2"><text:list-item><text:p>primero</text:p></text:list-item><text:list-item><text:p>segundo</text:p></text:list-item></text:list>)"
      R"(<table:table><table:table-row><table:table-cell><text:p>A</text:p></table:table-cell><table:table-cell><text:p>B</text:p></table:table-cell><table:table-cell><text:p>C</text:p></table:table-cell></table:table-row>)"
      R"(<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Total</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>9</text:p></table:table-cell></table:table-row></table:table>)"
      R"(<text:p>Con <draw:frame><draw:text-box><text:p>Recuadro.</text:p></draw:text-box></draw:frame>marco.</text:p>)"
      R"(<text:p text:style-name="P9">Otra página.</text:p>)";
  Result<Document> doc = ReadOdt(Odt(text, automatic, styles), "x.odt");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(
      Outline(*doc),
      "[h1:Informe][p:Monto total.][li:viñeta][li:sub][li:primero][li:segundo]"
      "[th:A\tB\tC][tr:Total\t\t9][p:Con marco.][p:Recuadro.]|[p:Otra página.][p:Nota al pie.]");
  EXPECT_NE(doc->pages[0].text.find("  - sub\n"), std::string::npos);
  EXPECT_NE(doc->pages[0].text.find("2. segundo"), std::string::npos);
  EXPECT_EQ(doc->pages[0].furniture, (std::vector<std::string>{"Informe 2023"}));
}

TEST(Odt, EncryptedAndOtherOdfAreRefused) {
  std::string encrypted =
      MakeZip({{"mimetype", "application/vnd.oasis.opendocument.text"},
               {"META-INF/manifest.xml", "<manifest><manifest:encryption-data/></manifest>"},
               {"content.xml", "\x01\x02garbage"}});
  Result<Document> doc = ReadOdt(encrypted, "x.odt");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("needs a password"), std::string::npos);
  Result<Document> sheet =
      ReadOdt(MakeZip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}}), "x.ods");
  EXPECT_FALSE(sheet.ok());
}

TEST(Html, ContentWithoutBoilerplateAndMetadataApart) {
  std::string html = R"(<!DOCTYPE html><html><head><title>Nota de prensa</title>
    <meta property="article:published_time" content="2023-05-22T10:00:00Z">
    <style>p{color:red}</style><script>var x = "no";</script></head><body>
    <header><a href="/">Inicio</a></header><nav><ul><li>Menú</li></ul></nav>
    <div class="cookie-banner">Usamos cookies.</div>
    <main><article><header><h1>Firma de convenio</h1></header>
    <p>El <strong>22 de mayo de 2023</strong> se firmó
       un convenio.</p>
    <p><b>Resumen</b></p>
    <ol><li>uno<ul><li>sub</li></ul></li><li>dos</li></ol>
    <table><caption>Cuadro 1. Montos</caption>
      <tr><th>Área</th><th>Monto</th><th>Año</th></tr>
      <tr><td rowspan="2">Agua</td><td>USD 10</td><td>2023</td></tr>
      <tr><td>USD 20</td><td>2024</td></tr>
      <tr><td colspan="2">Total</td><td>USD 30</td></tr></table>
    </article></main><aside>Relacionados</aside><form>Buscar</form>
    <footer>© Municipio</footer></body></html>)";
  std::string published;
  Result<Document> doc = ReadHtml(html, "x.html", &published);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->info.title, "Nota de prensa");
  EXPECT_EQ(published, "2023-05-22T10:00:00Z");
  EXPECT_EQ(Outline(*doc),
            "[h1:Firma de convenio][p:El 22 de mayo de 2023 se firmó un convenio.][h3:Resumen]"
            "[li:uno][li:sub][li:dos][cap:Cuadro 1. Montos][th:Área\tMonto\tAño]"
            "[tr:Agua\tUSD 10\t2023][tr:\tUSD 20\t2024][tr:Total\t\tUSD 30]");
}

TEST(Html, AHeadingsIdIsItsAnchorNotBoilerplate) {
  Result<Document> doc = ReadHtml(
      "<html><body><h2 id=\"desarrollo-social\">1. Desarrollo social</h2><p>Texto.</p>"
      "<div id=\"share-social\">Compartir</div></body></html>",
      "x.html");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(Outline(*doc), "[h2:1. Desarrollo social][p:Texto.]");
}

TEST(Html, EncodingsDeclaredUndeclaredAndUnknown) {
  std::string latin =
      "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Gesti\xF3n</p></body></html>";
  Result<Document> doc = ReadHtml(latin, "x.html");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->pages[0].text, "Gestión");
  EXPECT_TRUE(doc->warnings.empty());

  std::string undeclared = "<html><body><p>Gesti\xF3n \x80 5</p></body></html>";
  doc = ReadHtml(undeclared, "x.html");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->pages[0].text, "Gestión € 5");
  ASSERT_EQ(doc->warnings.size(), 1u);
  EXPECT_NE(doc->warnings[0].find("x.html: no declared encoding"), std::string::npos);

  std::string unknown =
      "<html><head><meta charset=\"x-klingon\"></head><body><p>Gesti\xF3n</p></body></html>";
  doc = ReadHtml(unknown, "x.html");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->pages[0].text, "Gestión");
  ASSERT_EQ(doc->warnings.size(), 1u);
  EXPECT_NE(doc->warnings[0].find("unknown encoding 'x-klingon'"), std::string::npos);
}

// Damaged files end as a status or a partial document, never a crash (run under ASan by
// -DACERVO_SANITIZE=ON builds).
TEST(Damaged, FlippedBytesAndCutsNeverCrash) {
  std::string docx = Docx(P("Informe") + "<w:tbl><w:tr><w:tc>" + P("a") + "</w:tc></w:tr></w:tbl>");
  std::string odt = Odt("<text:h>Informe</text:h><text:p>uno</text:p>");
  std::string html =
      "<html><body><h1>Informe</h1><table><tr><td rowspan=9 "
      "colspan=9>x</td></tr></table></body></html>";
  unsigned seed = 7;
  for (int i = 0; i < 300; ++i) {
    for (std::string original : {docx, odt, html}) {
      std::string bytes = original;
      seed = seed * 1103515245u + 12345u;
      size_t at = seed % bytes.size();
      if (i % 3 == 0) {
        bytes.resize(at);
      } else {
        bytes[at] = static_cast<char>(bytes[at] ^ (1 + seed % 255));
      }
      (void)ReadDocx(bytes, "x.docx");
      (void)ReadOdt(bytes, "x.odt");
      (void)ReadHtml(bytes, "x.html");
    }
  }
}

TEST(Sniff, TellsTheFormatsApart) {
  EXPECT_EQ(SniffOffice(Docx(P("x"))), "docx");
  EXPECT_EQ(SniffOffice(Odt("<text:p>x</text:p>")), "odt");
  EXPECT_EQ(SniffOffice("\xEF\xBB\xBF  <!DOCTYPE html><html>"), "html");
  EXPECT_EQ(SniffOffice("# Título\n<html> en el texto"), "");
  EXPECT_EQ(SniffOffice(MakeZip({{"a.txt", "x"}})), "");
}

}  // namespace
}  // namespace acervo
