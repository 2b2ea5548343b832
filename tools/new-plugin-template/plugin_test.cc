// Tests of @NAME@ through acervo::testing::Harness: a passage in, mentions out.
#include <memory>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "acervo/testing.h"

// The extractor is internal to plugin.cc; the factory ACERVO_PLUGIN exports reaches it.
extern "C" std::unique_ptr<acervo::Extractor> acervo_plugin_create();

namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class CodesTest : public ::testing::Test {
 protected:
  acervo::testing::Harness h_{acervo_plugin_create(), ACERVO_PLUGIN_SOURCE_DATA_DIR};
};

TEST_F(CodesTest, FindsACodeWithItsKindYearAndNumber) {
  std::string text = "La ciudad suscribió el CONV-2024-017 con la agencia de cooperación.";
  auto mentions = h_.Extract(text);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].type, "project_code");
  EXPECT_THAT(h_.Texts(text, mentions), ElementsAre("CONV-2024-017"));
  EXPECT_EQ(mentions[0].value["code"], "CONV-2024-017");
  EXPECT_EQ(mentions[0].value["kind"], "convenio");
  EXPECT_EQ(mentions[0].value["year"], 2024);
  EXPECT_EQ(mentions[0].value["number"], "017");
}

TEST_F(CodesTest, RewritesOtherSeparatorsAsDashes) {
  std::string text = "Se ejecutó el proyecto PROY/2023/5 y el contrato CONT 2022 114.";
  auto mentions = h_.Extract(text);
  EXPECT_THAT(h_.Texts(text, mentions), ElementsAre("PROY/2023/5", "CONT 2022 114"));
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0].value["code"], "PROY-2023-5");
  EXPECT_EQ(mentions[1].value["kind"], "contrato");
}

TEST_F(CodesTest, IgnoresUnknownPrefixesAndCodesInsideWords) {
  EXPECT_THAT(h_.Extract("El folio XYZ-2024-017 no es un convenio."), IsEmpty());
  EXPECT_THAT(h_.Extract("ÑCONV-2024-017 y CONV-2024-0171234567 tampoco."), IsEmpty());
}

}  // namespace
