// layout.h — positioned words of one page in, lines of text in reading order out.
//
// The same code lays out poppler's text layer and Tesseract's OCR words. Words come in the
// engine's order (one text line after another, `space_after` false at each line end). Lines
// stacked under each other form blocks (a paragraph, a table cell; a cell's line read across
// a borderless table goes under the cell line above it with the same left edge); blocks side
// by side at the same height form table rows, parted where the space between lines widens
// (row padding), each written as one line with the cells separated by '\t', each cell's
// lines joined by spaces. Other blocks give one output line per paragraph: a line
// break inside a block is kept only where the paragraph ends (a short line, a wider gap, a
// change of font size, a change of weight with a wider gap, a bullet or number starting the
// next line; a change of weight at the usual line spacing after a full line is emphasis
// wrapping); words hyphenated at a line end are rejoined.
#ifndef ACERVO_CORE_LOAD_LAYOUT_H_
#define ACERVO_CORE_LOAD_LAYOUT_H_

#include <string>
#include <vector>

#include "acervo/document.h"

namespace acervo {

struct Word {
  std::string text;  // UTF-8, no spaces
  Box box;
  double font_size = 0;  // 0: unknown (the box height is used)
  bool bold = false;
  bool space_after = true;  // false at the end of an engine line
  double confidence = 1;    // in [0, 1]; below 1 only for OCR
};

// A word as placed in a laid-out line.
struct PlacedWord {
  size_t begin = 0, end = 0;  // byte span in LaidLine::text
  double confidence = 1;
};

struct LaidLine {
  std::string text;  // no '\n'; '\t' between the cells of a table row
  Box box;
  Box head;  // the box of the line's first engine line (where a list marker sits)
  double font_size = 0;
  bool bold = false;  // every word is bold
  bool table_row = false;
  std::vector<PlacedWord> words;
};

struct LayoutOptions {
  // Lines whose font sizes differ by more than this share are separate paragraphs. OCR sizes
  // are estimates from the row geometry, so OCR pages need a wider tolerance.
  double size_tolerance = 0.1;
  // Lines stack into cells and paragraphs by position alone, not by engine order (for OCR:
  // Tesseract reads a table line by line across its cells, poppler cell by cell).
  bool geometric_stacks = false;
};

std::vector<LaidLine> LayOutPage(const std::vector<Word>& words,
                                 const LayoutOptions& options = LayoutOptions());

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_LAYOUT_H_
