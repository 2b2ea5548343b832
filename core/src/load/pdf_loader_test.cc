#include "load/pdf_loader.h"

#include <gtest/gtest.h>

#include "load/loader.h"
#include "load/test_pdf.h"

namespace acervo {
namespace {

using testing_pdf::MakePdf;
using testing_pdf::Run;

LoadOptions Ocr(OcrMode mode) {
  LoadOptions o;
  o.ocr = mode;
  return o;
}

// A body page of a report with a running header and a page number, like most PDFs here.
std::vector<Run> ReportPage(int number, const std::vector<Run>& body) {
  std::vector<Run> runs = {{150, 30, "Secretaría de Cultura · Informe trimestral", 8}};
  runs.insert(runs.end(), body.begin(), body.end());
  runs.push_back({540, 750, std::to_string(number), 9});
  return runs;
}

TEST(PdfLoader, ReadsTheTextLayerAndDropsRunningHeadersAndPageNumbers) {
  std::string pdf = MakePdf({
      ReportPage(1, {{72, 100, "Durante el trimestre se entregaron apoyos a 40 escuelas"},
                     {72, 114, "rurales del estado."}}),
      ReportPage(2, {{72, 100, "La biblioteca municipal abrió en marzo de 2023."}}),
      ReportPage(3, {{72, 100, "Se firmaron dos convenios con universidades."}}),
  });
  Result<Document> doc = LoadBytes(pdf, "informe.pdf", Ocr(OcrMode::kNever));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->pages.size(), 3u);
  EXPECT_EQ(doc->pages[0].text,
            "Durante el trimestre se entregaron apoyos a 40 escuelas rurales del estado.");
  EXPECT_EQ(doc->pages[1].text, "La biblioteca municipal abrió en marzo de 2023.");
  ASSERT_EQ(doc->pages[2].furniture.size(), 2u);
  EXPECT_EQ(doc->pages[2].furniture[0], "Secretaría de Cultura · Informe trimestral");
  EXPECT_EQ(doc->pages[2].furniture[1], "3");
  EXPECT_FALSE(doc->pages[0].ocr);
  EXPECT_EQ(doc->info.media_type, "application/pdf");
}

TEST(PdfLoader, EachBlockKnowsWhereItSitsOnThePage) {
  std::string pdf = MakePdf({{{72, 100, "Apoyos a escuelas rurales", 14, true},
                              {72, 300, "Durante el trimestre se entregaron apoyos a cuarenta"},
                              {72, 314, "escuelas de la sierra y de la costa."}}});
  Result<Document> doc = LoadBytes(pdf, "informe.pdf", Ocr(OcrMode::kNever));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const Page& page = doc->pages[0];
  EXPECT_EQ(page.width, 612);
  EXPECT_EQ(page.height, 792);
  ASSERT_EQ(page.blocks.size(), 2u) << page.text;
  const Box& heading = page.blocks[0].box;
  const Box& body = page.blocks[1].box;
  EXPECT_NEAR(heading.x0, 72, 1);
  EXPECT_GE(heading.y0, 100);  // runs are placed by their top
  EXPECT_LT(heading.y1, 120);
  EXPECT_GE(body.y0, 300);
  EXPECT_GT(body.y1, 320);  // both lines, unioned
  EXPECT_LT(body.y1, 330);
}

Run Square(double x, double y) {
  Run r{x, y, "", 4};
  r.square = true;
  return r;
}

TEST(PdfLoader, DrawnBulletsBecomeListItems) {
  std::string pdf = MakePdf({{
      {72, 100, "Actividades del trimestre:"},
      Square(80, 122),
      {92, 118, "El 9 de enero se firmó un convenio con la UNAM."},
      Square(80, 138),
      {92, 134, "a) El 12 de enero hubo un taller de archivos."},
      // Indented like an item, but with nothing drawn before it: not an item.
      {92, 160, "Nota: sin viáticos."},
      {72, 180, "Conclusiones"},
  }});
  Result<Document> doc = LoadBytes(pdf, "lista.pdf", Ocr(OcrMode::kNever));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->pages[0].text,
            "Actividades del trimestre:\n"
            "- El 9 de enero se firmó un convenio con la UNAM.\n"
            "- a) El 12 de enero hubo un taller de archivos.\n"
            "Nota: sin viáticos.\n"
            "Conclusiones");
  int bullets = 0;
  for (const Block& b : doc->pages[0].blocks) bullets += b.kind == SegmentKind::kBullet;
  EXPECT_EQ(bullets, 2);
}

TEST(PdfLoader, TableRowsBecomeTabSeparatedLinesWithTheirCaption) {
  std::string pdf = MakePdf({{
      {72, 80, "CUADRO 2. Apoyos entregados", 11, true},
      {72, 100, "Municipio"},
      {250, 100, "Escuelas"},
      {400, 100, "Monto"},
      {72, 116, "Tlalpan"},
      {250, 116, "12"},
      {400, 116, "$1,250,000.00"},
      {72, 132, "Santa María"},
      {250, 132, "8"},
      {400, 132, "$830,000.00"},
      {72, 146, "del Río"},
      {72, 180, "Las cifras son preliminares y pueden cambiar en el siguiente informe."},
  }});
  Result<Document> doc = LoadBytes(pdf, "tabla.pdf", Ocr(OcrMode::kNever));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->pages[0].text,
            "CUADRO 2. Apoyos entregados\n"
            "Municipio\tEscuelas\tMonto\n"
            "Tlalpan\t12\t$1,250,000.00\n"
            "Santa María del Río\t8\t$830,000.00\n"
            "Las cifras son preliminares y pueden cambiar en el siguiente informe.");
  ASSERT_EQ(doc->tables.size(), 1u);
  ASSERT_EQ(doc->tables[0].caption.size(), 1u);
  EXPECT_EQ(doc->tables[0].caption[0], "CUADRO 2. Apoyos entregados");
  EXPECT_EQ(doc->tables[0].header, (std::vector<std::string>{"Municipio", "Escuelas", "Monto"}));
}

TEST(PdfLoader, LargeOrBoldLinesAreHeadings) {
  std::string pdf = MakePdf({{
      {72, 60, "Informe de actividades", 20, true},
      {72, 100, "Programa de lectura", 11, true},
      {72, 120, "Se formaron 25 clubes de lectura en los barrios del oriente de la ciudad."},
  }});
  Result<Document> doc = LoadBytes(pdf, "t.pdf", Ocr(OcrMode::kNever));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const auto& blocks = doc->pages[0].blocks;
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].kind, SegmentKind::kHeading);
  EXPECT_EQ(blocks[0].heading_level, 1);
  EXPECT_EQ(blocks[1].kind, SegmentKind::kHeading);
  EXPECT_EQ(blocks[2].kind, SegmentKind::kParagraph);
  EXPECT_EQ(doc->info.title, "Informe de actividades");
}

TEST(PdfLoader, ImageOnlyPagesWithOcrDisabledWarnPerPage) {
  std::string pdf = MakePdf({{{72, 100, "Primera página con texto suficiente para leerse."}}, {}});
  Result<Document> doc = LoadBytes(pdf, "mixto.pdf", Ocr(OcrMode::kNever));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->pages.size(), 2u);
  EXPECT_TRUE(doc->pages[0].warnings.empty());
  ASSERT_EQ(doc->pages[1].warnings.size(), 1u);
  EXPECT_NE(doc->pages[1].warnings[0].find("OCR is disabled"), std::string::npos);
}

TEST(PdfLoader, AnImageOnlyDocumentWithOcrDisabledIsAnError) {
  Result<Document> doc = LoadBytes(MakePdf({{}, {}}), "scan.pdf", Ocr(OcrMode::kNever));
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("scan.pdf: no text"), std::string::npos);
  EXPECT_NE(doc.status().message().find("--ocr never"), std::string::npos);
}

TEST(PdfLoader, BadInputGivesClearErrors) {
  std::string good = MakePdf({{{72, 100, "Un texto cualquiera de prueba para el cargador."}}});
  struct Case {
    std::string bytes, name, expect;
  } cases[] = {
      {"", "vacio.pdf", "empty file"},
      {"GIF89a no es un PDF", "falso.pdf", "is image/gif, not a PDF"},
      {"%PDF-1.4\n%garbage only\n", "roto.pdf", "corrupt or truncated PDF"},
      {good.substr(0, 60), "cortado.pdf", "corrupt or truncated PDF"},
      {MakePdf({}), "sin-paginas.pdf", "no pages"},
      {"%PDF-1.4\n1 0 obj << /Filter /Standard >> endobj trailer << /Encrypt 1 0 R >>\n",
       "cifrado.pdf", "encrypted: needs a password"},
  };
  for (const Case& c : cases) {
    Result<Document> doc = LoadBytes(c.bytes, c.name, Ocr(OcrMode::kAuto));
    ASSERT_FALSE(doc.ok()) << c.name;
    EXPECT_NE(doc.status().message().find(c.name + ": "), std::string::npos)
        << doc.status().message();
    EXPECT_NE(doc.status().message().find(c.expect), std::string::npos)
        << c.name << ": " << doc.status().message();
  }
}

// One page through Tesseract (about a second): the rendered text layer is read back.
TEST(PdfLoader, OcrAlwaysReadsTheRenderedPageWithConfidences) {
  std::string pdf = MakePdf({{
      {72, 100, "Informe de actividades de la Secretaría", 16},
      {72, 130, "Se entregaron 120 becas durante el año 2023.", 14},
  }});
  Result<Document> doc = LoadBytes(pdf, "ocr.pdf", Ocr(OcrMode::kAlways));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const Page& page = doc->pages[0];
  EXPECT_TRUE(page.ocr);
  EXPECT_NE(page.text.find("120 becas"), std::string::npos) << page.text;
  EXPECT_NE(page.text.find("Secretaría"), std::string::npos) << page.text;
  ASSERT_FALSE(page.ocr_confidence.empty());
  for (const ConfidenceSpan& s : page.ocr_confidence) {
    EXPECT_LT(s.begin, s.end);
    EXPECT_LE(s.end, page.text.size());
    EXPECT_GT(s.confidence, 0.5);
    EXPECT_LE(s.confidence, 1.0);
  }
}

}  // namespace
}  // namespace acervo
