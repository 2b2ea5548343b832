#include "acervo/text.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

TEST(FoldTest, LowersAndStripsAccents) {
  EXPECT_EQ(Fold("SECRETARÍA de Acción Ñandú"), "secretaria de accion nandu");
  EXPECT_EQ(Fold("1º de JULIO"), "1º de julio");
}

TEST(FoldTest, EveryAsciiByteInLongRunsAsAlone) {
  // Runs of eight ASCII bytes are folded together; each byte must come out as it does alone.
  std::string all, expected;
  for (int round = 0; round < 3; ++round) {
    for (int c = 1; c < 0x80; ++c) {
      all.push_back(static_cast<char>(c));
      expected.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    }
    all += "ÁÉ";  // shifts the eight-byte runs against the bytes
    expected += "ae";
  }
  EXPECT_EQ(Fold(all), expected);
  FoldedText f(all);
  EXPECT_EQ(f.text(), expected);
  for (size_t i = 0; i < expected.size(); ++i) {
    size_t o = f.ToOriginal(i);
    if (static_cast<unsigned char>(all[o]) < 0x80) {
      ASSERT_EQ(Fold(all.substr(o, 1))[0], expected[i]) << "byte " << o;
    }
  }
  // Two-byte letters, and bytes that are no UTF-8 (each read as U+FFFD, as NextCodePoint does).
  EXPECT_EQ(Fold("ÀÉÎÕÜ ÇÑ ΣΑΣ Ж"), "aeiou cn σασ ж");
  EXPECT_EQ(Fold("A\xC3"), "a\xEF\xBF\xBD");
  EXPECT_EQ(Fold("\xC0\x80z"), "\xEF\xBF\xBD\xEF\xBF\xBDz");
  std::string appended = "x";
  AppendFolded("ÑANDÚ Y CÓNDOR", &appended);
  EXPECT_EQ(appended, "xnandu y condor");
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
