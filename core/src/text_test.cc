#include "acervo/text.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

TEST(FoldTest, LowersAndStripsAccents) {
  EXPECT_EQ(Fold("SECRETARÍA de Acción Ñandú"), "secretaria de accion nandu");
  EXPECT_EQ(Fold("1º de JULIO"), "1º de julio");
}

TEST(FoldedTextTest, MapsBackToOriginalBytes) {
  std::string original = "La SECRETARÍA de Relaciones";
  FoldedText f(original);
  size_t at = f.text().find("secretaria de");
  ASSERT_NE(at, std::string::npos);
  size_t b = f.ToOriginal(at), e = f.ToOriginal(at + std::string("secretaria de").size());
  EXPECT_EQ(original.substr(b, e - b), "SECRETARÍA de");
  EXPECT_EQ(f.ToOriginal(f.text().size()), original.size());
}

TEST(WholeWordTest, UnicodeAware) {
  std::string s = "el área y cooperación";
  size_t a = s.find("área");
  EXPECT_TRUE(IsWholeWord(s, a, a + std::string("área").size()));
  size_t c = s.find("cooperaci");
  EXPECT_FALSE(IsWholeWord(s, c, c + 9));  // "ó" continues the word, unlike RE2's \b
}

TEST(Utf8Test, ValidatesAndCounts) {
  EXPECT_TRUE(IsValidUtf8("año"));
  EXPECT_FALSE(IsValidUtf8("a\xF1o"));  // Latin-1 ñ
  EXPECT_EQ(CodePointCount("año 2024", 4), 3u);
}

}  // namespace
}  // namespace acervo
