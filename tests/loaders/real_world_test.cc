// Real documents nobody wrote for acervo (../shared/real-world; skips when it is missing):
// what must come out of them. A Word-made municipal ordinance (47 pages, justified text
// whose stretched lines Poppler cuts into one-word lines).
#include <gtest/gtest.h>

#include <filesystem>

#include "load/loader.h"

namespace acervo {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = ACERVO_SOURCE_DIR "/../shared/real-world";

Document Load(const std::string& name) {
  LoadOptions options;
  options.ocr = OcrMode::kNever;
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
}

}  // namespace
}  // namespace acervo
