#include "acervo/text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

TEST(FoldTest, AsciiBeforeAnotherByteAtEveryPlaceOfAnEightByteRun) {
  // The ASCII bytes of a run up to its first other byte are folded together: whatever the
  // place of that byte, the text folds as its code points do one by one, and maps back.
  for (size_t prefix = 0; prefix <= 17; ++prefix) {
    const std::string text = std::string(prefix, 'Q') + "ÉxYz ñABCDEFGHIJ Ω" + "KLM";
    std::string expected;
    std::vector<size_t> starts;  // the original start of every expected byte
    for (size_t pos = 0; pos < text.size();) {
      const size_t start = pos;
      NextCodePoint(text, &pos);
      const std::string one = Fold(text.substr(start, pos - start));
      expected += one;
      starts.insert(starts.end(), one.size(), start);
    }
    EXPECT_EQ(Fold(text), expected) << prefix;
    FoldedText folded(text);
    ASSERT_EQ(folded.text(), expected) << prefix;
    for (size_t i = 0; i < expected.size(); ++i) {
      ASSERT_EQ(folded.ToOriginal(i), starts[i]) << prefix << " byte " << i;
    }
  }
}

TEST(LowerAsciiTest, LowersOnlyAsciiCapitalsOfEveryByteAtEveryPlace) {
  for (int b = 0; b < 256; ++b) {
    for (size_t at = 0; at < 11; ++at) {
      std::string text = "AbZ@[`{xyQ\xC3\x81";
      text.insert(at, 1, static_cast<char>(b));
      std::string expected = text;
      for (char& c : expected) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      }
      LowerAsciiInPlace(text.data(), text.size());
      ASSERT_EQ(text, expected) << "byte " << b << " at " << at;
    }
  }
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

// Texts of every length up to a few words of eight bytes, mixing ASCII runs with two-, three-
// and four-byte code points and bytes that are no UTF-8: what the bulk loops must agree on.
std::vector<std::string> MixedTexts() {
  const std::string pieces[] = {"ACCIÓN por el Clima ",
                                "año",
                                "€ 2.000 ",
                                "𝔸 ",
                                "\xF1",
                                "\xC3",
                                "ÑANDÚ ",
                                "Ωμέγα ",
                                "ß",
                                "x"};
  std::vector<std::string> out = {""};
  std::string text;
  for (int round = 0; round < 6; ++round) {
    for (const std::string& p : pieces) {
      text += p;
      out.push_back(text);
    }
  }
  return out;
}

TEST(Utf8Test, CountsCodePointsLikeOneByteAtATime) {
  for (const std::string& text : MixedTexts()) {
    for (size_t offset = 0; offset <= text.size() + 1; ++offset) {
      size_t expected = 0;
      for (size_t i = 0; i < offset && i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++expected;
      }
      ASSERT_EQ(CodePointCount(text, offset), expected) << text << " @" << offset;
    }
  }
}

TEST(Utf8Test, CountsCodePointsOfLongTextsInBlocks) {
  // Longer than one block of 255 eight-byte words, with a continuation byte in every lane.
  std::string text;
  for (int i = 0; i < 1500; ++i) text += (i % 3 == 0) ? "año " : (i % 3 == 1 ? "€x" : "ñ");
  for (size_t offset : {size_t{2039}, size_t{2040}, size_t{2041}, size_t{4087}, text.size()}) {
    size_t expected = 0;
    for (size_t i = 0; i < offset; ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++expected;
    }
    EXPECT_EQ(CodePointCount(text, offset), expected) << offset;
  }
}

TEST(FoldTest, IsFoldedTextsText) {
  for (const std::string& text : MixedTexts()) {
    EXPECT_EQ(Fold(text), FoldedText(text).text()) << text;
    EXPECT_EQ(Fold(text), FoldedText(text).text()) << text;  // again, from the filled table
  }
}

}  // namespace
}  // namespace acervo
