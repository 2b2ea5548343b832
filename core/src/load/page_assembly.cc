#include "load/page_assembly.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <string>

#include "acervo/text.h"
#include "load/bullets.h"
#include "load/lattice.h"
#include "load/normalize.h"
#include "load/ocr_figures.h"
#include "load/page_break.h"
#include "load/table_break.h"
#include "load/text_loader.h"

namespace acervo {
namespace {

// The font size most of the text is set in, by characters, over the lines of `pages` whose
// OCR flag is `ocr` (OCR sizes are line heights, not comparable with font sizes).
double BodySize(const std::vector<PageLines>& pages, const std::vector<Page>& doc_pages, bool ocr) {
  std::map<int, size_t> chars_by_size;  // size in tenths of a point
  for (size_t p = 0; p < pages.size(); ++p) {
    if (doc_pages[p].ocr != ocr) continue;
    for (const LaidLine& line : pages[p].lines) {
      chars_by_size[static_cast<int>(line.font_size * 10 + 0.5)] += line.text.size();
    }
  }
  int best = 0;
  size_t best_chars = 0;
  for (const auto& [size, chars] : chars_by_size) {
    if (chars > best_chars) best = size, best_chars = chars;
  }
  return best / 10.0;
}

LineHint HintFor(const LaidLine& line, double body_size) {
  LineHint hint;
  hint.box = line.box;
  hint.bold = line.bold && !line.table_row;
  if (line.table_row || body_size <= 0 || line.text.size() > 200) return hint;
  if (line.font_size >= 1.6 * body_size) {
    hint.heading_level = 1;
  } else if (line.font_size >= 1.25 * body_size) {
    hint.heading_level = 2;
  }
  return hint;
}

// Where each OCR word ended up in the normalized page text: words are found in order.
void AddConfidence(const std::string& text, const std::vector<std::string>& words,
                   const std::vector<double>& confidence, Page* page) {
  size_t cursor = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string word = NormalizeText(words[i]);
    size_t at = text.find(word, cursor);
    if (word.empty() || at == std::string::npos || at > cursor + 64) continue;
    page->ocr_confidence.push_back(ConfidenceSpan{at, at + word.size(), confidence[i]});
    cursor = at + word.size();
  }
}

// An engine line: words [begin, end).
struct EngineLine {
  size_t begin = 0, end = 0;
};

// The tallest word of engine line `l`: the line's height, ascenders and descenders included.
double LineHeight(const std::vector<Word>& words, const EngineLine& l) {
  double h = 0;
  for (size_t i = l.begin; i < l.end; ++i) h = std::max(h, words[i].box.height());
  return h;
}

// Whether engine line `b` goes on where line `a` ends, on the same baseline: its first word
// starts within half the lines' height of `a`'s last word (a table's cells stand further
// apart); `gap` gets the space between them.
bool GoesOn(const std::vector<Word>& words, const EngineLine& a, const EngineLine& b, double* gap) {
  const Box& left = words[a.end - 1].box;
  const Box& right = words[b.begin].box;
  double h = std::max(LineHeight(words, a), LineHeight(words, b));
  *gap = right.x0 - left.x1;
  double middle = (left.y0 + left.y1 - right.y0 - right.y1) / 2;
  return *gap > -0.2 * h && *gap < 0.5 * h && std::abs(middle) < 0.3 * h;
}

// Tesseract's page layout sometimes cuts a paragraph into two blocks at a vertical river,
// even inside a word ("la Municipalid" | "ad de Rafaela firmó …"), and reads one block after
// the other, so that the halves of each line come out apart. Such halves are joined back
// into one engine line: a line goes on with the line that starts right where it ends on its
// baseline, as one word when no space parts them (a gap under a sixth of the height).
std::vector<Word> JoinCutLines(std::vector<Word> words) {
  std::vector<EngineLine> lines;
  for (size_t i = 0; i < words.size(); ++i) {
    if (lines.empty() || !words[i - 1].space_after) lines.push_back({i, i});
    lines.back().end = i + 1;
  }
  std::vector<int> next(lines.size(), -1);
  std::vector<bool> taken(lines.size(), false);
  for (size_t a = 0; a < lines.size(); ++a) {
    double best = 0, gap = 0;
    for (size_t b = 0; b < lines.size(); ++b) {
      if (b == a || taken[b] || !GoesOn(words, lines[a], lines[b], &gap)) continue;
      if (next[a] < 0 || gap < best) next[a] = static_cast<int>(b), best = gap;
    }
    if (next[a] >= 0) taken[next[a]] = true;
  }
  std::vector<Word> out;
  out.reserve(words.size());
  for (size_t start = 0; start < lines.size(); ++start) {
    if (taken[start]) continue;
    for (int l = static_cast<int>(start); l >= 0; l = next[l]) {
      for (size_t i = lines[l].begin; i < lines[l].end; ++i) {
        Word& w = words[i];
        bool joins = i == lines[l].begin && !out.empty() && l != static_cast<int>(start);
        if (joins && w.box.x0 - out.back().box.x1 < w.box.height() / 6) {
          out.back().text += w.text;  // one word cut in two
          out.back().box = out.back().box.United(w.box);
          out.back().confidence = std::min(out.back().confidence, w.confidence);
          out.back().space_after = w.space_after;
        } else {
          if (joins) out.back().space_after = true;
          out.push_back(std::move(w));
        }
      }
    }
  }
  return out;
}

}  // namespace

std::vector<LaidLine> LayOutOcrPage(OcrReading reading) {
  LayoutOptions layout;
  layout.size_tolerance = kOcrSizeTolerance;
  layout.geometric_stacks = true;
  std::vector<Box> marks = TakeOcrMarks(&reading.words);
  reading.words = JoinCutLines(std::move(reading.words));
  RepairFigureSeparators(&reading.words);
  std::vector<LaidLine> lines =
      LayOutWithTables(reading.words, FindLatticeTables(reading.rulings), layout);
  AddListMarkers(marks, &lines);
  return lines;
}

void AssemblePages(std::vector<PageLines> laid, bool ocr_ran, Document* doc) {
  const size_t page_count = laid.size();
  std::vector<std::vector<bool>> furniture = FindFurniture(laid);
  JoinTablesOverPageBreaks(&laid, &furniture);
  JoinParagraphsOverPageBreaks(&laid, &furniture);
  double body_text = BodySize(laid, doc->pages, false);
  double body_ocr = BodySize(laid, doc->pages, true);
  std::vector<std::vector<LineHint>> hints(page_count);
  for (size_t i = 0; i < page_count; ++i) {
    Page& page = doc->pages[i];
    std::string text;
    std::vector<std::string> ocr_words;
    std::vector<double> ocr_confidence;
    for (size_t l = 0; l < laid[i].lines.size(); ++l) {
      const LaidLine& line = laid[i].lines[l];
      if (furniture[i][l]) {
        page.furniture.push_back(line.text);
        continue;
      }
      if (!hints[i].empty()) text.push_back('\n');
      text += line.text;
      hints[i].push_back(HintFor(line, page.ocr ? body_ocr : body_text));
      if (page.ocr) {
        for (const PlacedWord& w : line.words) {
          ocr_words.push_back(line.text.substr(w.begin, w.end - w.begin));
          ocr_confidence.push_back(w.confidence);
        }
      }
    }
    page.text = NormalizeText(text);
    if (page.ocr) AddConfidence(page.text, ocr_words, ocr_confidence, &page);
  }
  if (ocr_ran && std::getenv("OMP_THREAD_LIMIT") == nullptr) {
    doc->warnings.push_back(
        "OCR ran without OMP_THREAD_LIMIT=1 in the environment: Tesseract's OpenMP threads "
        "make it several times slower (see docs/loaders.md)");
  }
  FindStructure(doc, hints);
}

}  // namespace acervo
