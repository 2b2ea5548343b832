#include "load/bullets.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

Word W(std::string text, double x0, double y0, double x1, bool space_after = true) {
  Word w;
  w.text = std::move(text);
  w.box = Box{x0, y0, x1, y0 + 10};
  w.font_size = 10;
  w.space_after = space_after;
  return w;
}

TEST(Bullets, OcrMarksAreTakenOutOfTheWords) {
  std::vector<Word> words = {
      W("+", 60, 100, 65),
      W("El", 80, 100, 90),
      W("taller.", 92, 100, 120, false),
      W("»", 60, 130, 65, false),  // a mark OCR put on a line of its own
      W("Se", 80, 130, 90),
      W("firmó.", 92, 130, 120, false),
      W("2", 80, 160, 85),
      W("+", 87, 160, 91),
      W("2", 93, 160, 98, false),  // arithmetic
  };
  std::vector<Box> marks = TakeOcrMarks(&words);
  ASSERT_EQ(marks.size(), 2u);
  EXPECT_EQ(marks[0].x0, 60);
  EXPECT_EQ(marks[1].y0, 130);
  ASSERT_EQ(words.size(), 7u);
  EXPECT_EQ(words[0].text, "El");
  EXPECT_EQ(words[4].text, "2");
  EXPECT_EQ(words[5].text, "+");
}

LaidLine Line(std::string text, double x0, double y0) {
  LaidLine line;
  line.text = std::move(text);
  line.head = line.box = Box{x0, y0, x0 + 300, y0 + 10};
  line.font_size = 10;
  line.words.push_back(PlacedWord{0, line.text.find(' '), 0.9});
  return line;
}

TEST(Bullets, IndentedLinesAreCandidates) {
  std::vector<LaidLine> lines = {Line("Actividades:", 72, 100), Line("El taller.", 90, 115),
                                 Line("• Ya marcado.", 90, 130), Line("Cierre.", 72, 145)};
  lines.push_back(Line("Fila\tde tabla", 90, 160));
  lines.back().table_row = true;
  EXPECT_EQ(MarkCandidates(lines), std::vector<size_t>{1});
}

TEST(Bullets, AMarkLeftOfALineMakesItAListItem) {
  std::vector<LaidLine> lines = {Line("Actividades:", 72, 100), Line("El taller.", 90, 115),
                                 Line("Se firmó.", 90, 130), Line("Cierre.", 72, 145)};
  std::vector<Box> marks = {Box{78, 117, 83, 122},   // beside line 1
                            Box{78, 134, 83, 139},   // beside line 2
                            Box{10, 145, 15, 150}};  // far in the margin: nothing
  AddListMarkers(marks, &lines);
  EXPECT_EQ(lines[0].text, "Actividades:");
  EXPECT_EQ(lines[1].text, "- El taller.");
  EXPECT_EQ(lines[2].text, "- Se firmó.");
  EXPECT_EQ(lines[3].text, "Cierre.");
  EXPECT_EQ(lines[1].words[0].begin, 2u);  // word spans follow the text
  EXPECT_EQ(lines[1].words[0].end, 4u);
}

TEST(Bullets, ASmallFilledPathAloneLeftOfACandidateIsAMark) {
  std::vector<LaidLine> lines = {Line("Actividades:", 72, 100), Line("El taller.", 90, 115),
                                 Line("Se firmó.", 90, 130), Line("Otra.", 90, 145)};
  std::vector<Box> fills = {Box{78, 117, 83, 122},   // a disc beside line 1
                            Box{60, 130, 88, 131},   // a rule beside line 2: too long
                            Box{78, 147, 83, 152},   // two paths beside line 3:
                            Box{80, 148, 85, 151}};  // not a lone mark
  std::vector<Box> marks = MarksAmong(fills, lines, {1, 2, 3});
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_EQ(marks[0].y0, 117);
}

}  // namespace
}  // namespace acervo
