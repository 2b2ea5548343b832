// Real documents nobody wrote for acervo (../shared/real-world; skips when it is missing):
// what must come out of them. A Word-made municipal ordinance (47 pages, justified text
// whose stretched lines Poppler cuts into one-word lines); a voting record (a summary table
// and a ruled roll call); two scans (OCR, about 20 s each) whose running headers and footers
// are furniture however OCR lays them out, one of them an accounting statement boxed by
// column only.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "load/loader.h"

namespace acervo {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = ACERVO_SOURCE_DIR "/../shared/real-world";

Document Load(const std::string& name, OcrMode ocr = OcrMode::kNever) {
  LoadOptions options;
  options.ocr = ocr;
  Result<Document> doc = LoadDocument(kDir / name, options);
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  return doc.ok() ? std::move(doc.value()) : Document();
}

TEST(RealWorld, AWordOrdinanceReadsItsJustifiedLinesWhole) {
  const std::string name = "ar_carmen_de_areco__Ordenanza-Fiscal-3057-2021.pdf";
  if (!fs::exists(kDir / name)) GTEST_SKIP() << "no " << (kDir / name);
  Document doc = Load(name);
  ASSERT_EQ(doc.pages.size(), 47u);
  const std::string& first = doc.pages[0].text;
  EXPECT_NE(first.find("Las denominaciones de Tributos, Impuestos, Gravámenes, Prestaciones, u "
                       "otras denominaciones son genéricas"),
            std::string::npos)
      << first;
  EXPECT_EQ(first.find("\nLas\n"), std::string::npos) << first;
  // Justified lines whose one stretched space the text layer breaks are prose, not rows of
  // two cells ("sobre ⇥ las"), and so are a list item's evenly stretched ones.
  std::string all;
  for (const Page& page : doc.pages) all += page.text + "\n";
  EXPECT_NE(all.find("a)A presentar declaraciones juradas y/o información sobre las\n"),
            std::string::npos);
  EXPECT_NE(all.find("- Matafuegos, en cantidad y tipo de acuerdo con las"), std::string::npos);
  EXPECT_NE(all.find("Más de 30 y hasta 60 días de mora\t5%"), std::string::npos);
  EXPECT_NE(all.find("ARTÍCULO 63º: Suspensión por recurso de repetición."), std::string::npos);
}

// The deputies' voting record: a summary whose header row has no first cell comes out row by
// row, under its header.
TEST(RealWorld, AVotingSummaryComesOutRowByRow) {
  const std::string name = "ar_hcdn__argentina_diputados_voting_record.pdf";
  if (!fs::exists(kDir / name)) GTEST_SKIP() << "no " << (kDir / name);
  Document doc = Load(name);
  const std::string& text = doc.pages.at(0).text;
  EXPECT_NE(text.find("\tIdentificados\tSin Identificar\tTotal"), std::string::npos) << text;
  EXPECT_NE(text.find("\nPresentes\t217\t0\t217"), std::string::npos) << text;
  EXPECT_NE(text.find("\nABDALA de MATARAZZO, Norma Amanda\tFrente Cívico por Santiago\t"
                      "Santiago del Estero\tAFIRMATIVO\n"),
            std::string::npos)
      << text;
}

std::string Furniture(const Page& page) {
  std::string all;
  for (const std::string& line : page.furniture) all += line + "\n";
  return all;
}

// A Colombian council act scanned by an office scanner: its letterhead, read by OCR as a row
// of cells ("CONCEJO ⇥ CONCEJO DISTRITAL DE SANTIAGO DE CALI ⇥ 2"), heads every page after
// the first, and an address footer closes each page.
TEST(RealWorld, AScannedActsLetterheadIsFurniture) {
  const std::string name = "co_cali__ACUERDO-0592-DE-2024_SCANNED.pdf";
  if (!fs::exists(kDir / name)) GTEST_SKIP() << "no " << (kDir / name);
  Document doc = Load(name, OcrMode::kAuto);
  ASSERT_EQ(doc.pages.size(), 4u);
  if (!doc.pages[0].ocr) GTEST_SKIP() << "no OCR here";
  int in_furniture = 0;
  for (size_t p = 1; p < doc.pages.size(); ++p) {
    EXPECT_EQ(doc.pages[p].text.find("CONCEJO DISTRITAL DE SANTIAGO DE CALI"), std::string::npos)
        << "page " << p + 1 << ":\n"
        << doc.pages[p].text;
    in_furniture += Furniture(doc.pages[p]).find("SANTIAGO DE CALI") != std::string::npos;
  }
  EXPECT_GE(in_furniture, 2);
  EXPECT_NE(doc.pages[1].text.find("ARTÍCULO"), std::string::npos) << doc.pages[1].text;
}

// An Argentine accounting statement photographed with a phone app: the sheet counter sits in
// a row of cells with the system's name ("R.A.F.A.M. ⇥ Hoja: 1 de 3"), the app stamps each
// page; its figures stay in their rows.
TEST(RealWorld, APhoneScansSheetCounterAndStampAreFurniture) {
  const std::string name =
      "ar_carmen_de_areco__Situacion-Economica-Financiera-al-31-12-22_SCANNED.pdf";
  if (!fs::exists(kDir / name)) GTEST_SKIP() << "no " << (kDir / name);
  Document doc = Load(name, OcrMode::kAuto);
  ASSERT_EQ(doc.pages.size(), 3u);
  if (!doc.pages[0].ocr) GTEST_SKIP() << "no OCR here";
  for (const Page& page : doc.pages) {
    EXPECT_EQ(page.text.find("Hoja:"), std::string::npos) << page.text;
    EXPECT_EQ(page.text.find("Escaneado con"), std::string::npos) << page.text;
  }
  EXPECT_NE(Furniture(doc.pages[0]).find("Hoja: 1 de 3"), std::string::npos)
      << Furniture(doc.pages[0]);
  EXPECT_NE(doc.pages[0].text.find("Gastos en personal\t"), std::string::npos) << doc.pages[0].text;
  // Its tables are boxed by column only: each row comes out with its figures in its own
  // columns (the first and the expenditure statements' six), as the page's lines read.
  for (const char* row : {"\nGastos en personal\t", "\nBienes de consumo\t", "\nTransferencias\t",
                          "\nActivos financieros\t"}) {
    size_t at = doc.pages[0].text.find(row);
    ASSERT_NE(at, std::string::npos) << row << "\n" << doc.pages[0].text;
    std::string line =
        doc.pages[0].text.substr(at + 1, doc.pages[0].text.find('\n', at + 1) - at - 1);
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 5) << line;
  }
}

}  // namespace
}  // namespace acervo
