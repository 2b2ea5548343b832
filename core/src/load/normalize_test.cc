#include "load/normalize.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

TEST(Normalize, UnifiesWhatConvertersLeaveBehind) {
  EXPECT_EQ(NormalizeText("e\xCC\x81xito"), "\xC3\xA9xito");               // NFC
  EXPECT_EQ(NormalizeText("\xEF\xAC\x81nanciamiento"), "financiamiento");  // ligature
  EXPECT_EQ(NormalizeText("100\xC2\xA0mil"), "100 mil");                   // no-break space
  EXPECT_EQ(NormalizeText("a\r\nb"), "a\nb");
  EXPECT_EQ(NormalizeText("\\$ 1,000 en el fondo\\_A"), "$ 1,000 en el fondo_A");
}

TEST(Normalize, RejoinsWordsHyphenatedAtLineEnds) {
  EXPECT_EQ(NormalizeText("la coope-\nración"), "la cooperación\n");
  EXPECT_EQ(NormalizeText("años 2020-\n2021"), "años 2020-\n2021");
  // A month before the hyphen is a whole word: a range of months, not a broken word.
  EXPECT_EQ(NormalizeText("en febrero-\ndiciembre 2022"), "en febrero-\ndiciembre 2022");
  EXPECT_TRUE(KeepsLineEndHyphen("Febrero"));
  EXPECT_FALSE(KeepsLineEndHyphen("coope"));
}

TEST(Normalize, IsIdempotent) {
  std::string once = NormalizeText("la coope-\nración \xEF\xAC\x81n\\$");
  EXPECT_EQ(NormalizeText(once), once);
}

}  // namespace
}  // namespace acervo
