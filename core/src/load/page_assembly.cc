#include "load/page_assembly.h"

#include <cstdlib>
#include <map>
#include <string>

#include "acervo/text.h"
#include "load/bullets.h"
#include "load/lattice.h"
#include "load/normalize.h"
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

}  // namespace

std::vector<LaidLine> LayOutOcrPage(OcrReading reading) {
  LayoutOptions layout;
  layout.size_tolerance = kOcrSizeTolerance;
  layout.geometric_stacks = true;
  std::vector<Box> marks = TakeOcrMarks(&reading.words);
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
