#include "load/ocr_figures.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

std::vector<Word> Words(std::vector<std::string> texts) {
  std::vector<Word> words;
  for (std::string& t : texts) {
    Word w;
    w.text = std::move(t);
    words.push_back(std::move(w));
  }
  return words;
}

std::vector<std::string> Texts(const std::vector<Word>& words) {
  std::vector<std::string> out;
  for (const Word& w : words) out.push_back(w.text);
  return out;
}

TEST(OcrFigures, MisreadSeparatorsTakeThePagesStyle) {
  std::vector<Word> words =
      Words({"Total", "1.164.042.350,41", "812.202.544,69", "757.802.504,85", "495,584,288,33",
             "1.109.642,290,57", "495.584.288.33", "(847,424.074,05)", "-82.140,424,14"});
  RepairFigureSeparators(&words);
  EXPECT_EQ(Texts(words),
            (std::vector<std::string>{"Total", "1.164.042.350,41", "812.202.544,69",
                                      "757.802.504,85", "495.584.288,33", "1.109.642.290,57",
                                      "495.584.288,33", "(847.424.074,05)", "-82.140.424,14"}));
}

TEST(OcrFigures, APageThatWritesTheDecimalPointKeepsIt) {
  std::vector<Word> words =
      Words({"1,250,000.00", "37,400.50", "980,000.00", "4.500,000.00", "2,300.000,00"});
  RepairFigureSeparators(&words);
  EXPECT_EQ(words[3].text, "4,500,000.00");
  EXPECT_EQ(words[4].text, "2,300,000.00");
}

// Without a clear style, or for what is no figure with decimals (a date, a count, a
// reference), nothing changes.
TEST(OcrFigures, NoClearStyleOrNoFigureChangesNothing) {
  std::vector<Word> mixed = Words({"1.250.000,00", "1,250,000.00", "37,400,50"});
  RepairFigureSeparators(&mixed);
  EXPECT_EQ(mixed[2].text, "37,400,50");
  std::vector<Word> other = Words({"1.000,00", "2.000,00", "3.000,00", "21.03.2023", "1.234.567",
                                   "3,5", "12.345,6", "1234.567,89", "v1.2.3,45"});
  std::vector<std::string> before = Texts(other);
  RepairFigureSeparators(&other);
  EXPECT_EQ(Texts(other), before);
}

}  // namespace
}  // namespace acervo
