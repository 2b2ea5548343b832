#include "load/metadata.h"

#include <gtest/gtest.h>

#include "acervo/text.h"
#include "load/text_loader.h"

namespace acervo {
namespace {

const MetadataCues& Cues() {
  static std::shared_ptr<const MetadataCues> cues = [] {
    Result<std::shared_ptr<const MetadataCues>> r =
        MetadataCues::Load(ACERVO_SOURCE_DIR "/core/data/loader");
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : nullptr;
  }();
  return *cues;
}

Period PeriodOf(const std::string& text) { return Cues().DetectPeriod(Fold(text)); }

TEST(Metadata, PeriodsAsCoversStateThem) {
  EXPECT_EQ(PeriodOf("INFORME BIMESTRAL MARZO-ABRIL 2025").start, "2025-03");
  EXPECT_EQ(PeriodOf("INFORME BIMESTRAL MARZO-ABRIL 2025").end, "2025-04");
  EXPECT_EQ(PeriodOf("Informe de julio a diciembre de 2019").start, "2019-07");
  EXPECT_EQ(PeriodOf("Informe semestral 2021-2").start, "2021-07");
  EXPECT_EQ(PeriodOf("Informe semestral 2021-2").end, "2021-12");
  EXPECT_EQ(PeriodOf("Segundo trimestre de 2022").start, "2022-04");
  EXPECT_EQ(PeriodOf("Segundo trimestre de 2022").end, "2022-06");
  EXPECT_EQ(PeriodOf("Resultados del ejercicio fiscal 2023").start, "2023");
  EXPECT_EQ(PeriodOf("Sin fecha alguna").start, "");
  EXPECT_EQ(PeriodOf("Seminario del 9 de mayo de 2021").start, "2021-05");
  EXPECT_EQ(PeriodOf("Seminario del 9 de mayo de 2021").end, "2021-05");
  // The first statement wins over later ones.
  EXPECT_EQ(PeriodOf("Primer semestre 2020. Compara con enero-marzo 2019").start, "2020-01");
}

TEST(Metadata, CountryFromPlaceNames) {
  EXPECT_EQ(Cues().DetectCountry(Fold("Alcaldía Mayor de Bogotá D.C.")), "CO");
  EXPECT_EQ(Cues().DetectCountry(Fold("Gobierno de la Ciudad de México")), "MX");
  EXPECT_EQ(Cues().DetectCountry(Fold("Informe sin lugar")), "");
}

TEST(Metadata, DetectsTitleCountryAndPeriodWithoutOverwriting) {
  Document doc;
  Page page;
  page.text = "GOBIERNO MUNICIPAL\nINFORME TRIMESTRAL ABRIL-JUNIO 2022\nIntendencia de Montevideo";
  size_t second = page.text.find('\n') + 1, third = page.text.rfind('\n') + 1;
  page.blocks = {Block{SegmentKind::kHeading, 0, second - 1, 1},
                 Block{SegmentKind::kHeading, second, third - 1, 1},
                 Block{SegmentKind::kParagraph, third, page.text.size()}};
  doc.pages.push_back(page);
  Document overridden = doc;
  overridden.info.country = "AR";
  DetectMetadata(&doc, &Cues());
  EXPECT_EQ(doc.info.title, "INFORME TRIMESTRAL ABRIL-JUNIO 2022");
  EXPECT_EQ(doc.info.country, "UY");
  EXPECT_EQ(doc.info.period.start, "2022-04");
  EXPECT_EQ(doc.info.period.end, "2022-06");
  DetectMetadata(&overridden, &Cues());
  EXPECT_EQ(overridden.info.country, "AR");
}

TEST(Metadata, ACoverTitleContinuesOverHeadingsOfItsLevel) {
  Document doc;
  Page page;
  page.text = "Memoria anual 2019:\nRed de Bibliotecas\nde Montevideo\nPresentación";
  page.blocks = {Block{SegmentKind::kHeading, 0, 19, 1}, Block{SegmentKind::kHeading, 20, 38, 1},
                 Block{SegmentKind::kHeading, 39, 52, 1},
                 Block{SegmentKind::kHeading, 53, page.text.size(), 2}};
  doc.pages.push_back(page);
  DetectMetadata(&doc, &Cues());
  EXPECT_EQ(doc.info.title, "Memoria anual 2019: Red de Bibliotecas de Montevideo");
  EXPECT_EQ(doc.info.country, "UY");
  EXPECT_EQ(doc.info.period.start, "2019");
}

TEST(Metadata, WithoutCuesOnlyTheTitleAndAWarning) {
  Document doc;
  Page page;
  page.text = "Memoria anual";
  page.blocks = {Block{SegmentKind::kHeading, 0, page.text.size(), 1}};
  doc.pages.push_back(page);
  DetectMetadata(&doc, nullptr);
  EXPECT_EQ(doc.info.title, "Memoria anual");
  EXPECT_EQ(doc.info.country, "");
  EXPECT_EQ(doc.warnings.size(), 1u);
}

TEST(Metadata, FrontMatterIsMetadataNotContent) {
  Result<Document> doc = LoadText(
      "---\ntitle: \"Informe anual de cooperación\"\nfecha: 3 de marzo de 2024\n---\n\n"
      "# Informe anual de cooperación\n\nEl 5 de junio se firmó el convenio.\n");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  DetectMetadata(&*doc, &Cues());
  EXPECT_EQ(doc->info.title, "Informe anual de cooperación");
  const Page& page = doc->pages.front();
  for (const Block& b : page.blocks) {
    EXPECT_EQ(page.text.substr(b.begin, b.end - b.begin).find("2024"), std::string::npos)
        << "a block of the front matter is still content";
  }
  EXPECT_FALSE(page.blocks.empty());
  EXPECT_EQ(doc->info.date, "") << "'3 de marzo de 2024' is not an ISO date";
}

TEST(Metadata, AFrontMatterDateIsTheDocumentsDate) {
  Result<Document> doc = LoadText(
      "---\ntitle: Nota\ndate: 2024-05-20T10:00:00-06:00\n---\n\nEl 5 de junio abre la feria.\n");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  DetectMetadata(&*doc, &Cues());
  EXPECT_EQ(doc->info.date, "2024-05-20");
}

TEST(Metadata, ARuleThatOpensThePageIsNotFrontMatterWithoutKeys) {
  Result<Document> doc = LoadText("---\n\nEl 5 de junio de 2024 se firmó el convenio.\n\n---\n");
  ASSERT_TRUE(doc.ok());
  const size_t blocks = doc->pages.front().blocks.size();
  DetectMetadata(&*doc, &Cues());
  EXPECT_EQ(doc->pages.front().blocks.size(), blocks);
}

}  // namespace
}  // namespace acervo
