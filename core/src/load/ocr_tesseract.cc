// ocr_tesseract.cc — the OCR module (load/ocr.h): OcrEngine through the Tesseract C++ API with
// the Spanish LSTM model. Built as ocr-tesseract.so, loaded by OcrEngine::Create on first use.
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "acervo/plugin_export.h"
#include "load/image_rulings.h"
#include "load/ink.h"
#include "load/ocr.h"
#include "load/pix.h"

namespace acervo {
namespace {

// The median slope (dy/dx, image coordinates) of the baselines of lines wider than 100 px.
double MedianBaselineSlope(tesseract::ResultIterator* it) {
  std::vector<double> slopes;
  it->Begin();
  do {
    int x1, y1, x2, y2;
    if (it->Empty(tesseract::RIL_TEXTLINE) ||
        !it->Baseline(tesseract::RIL_TEXTLINE, &x1, &y1, &x2, &y2) || x2 - x1 < 100) {
      continue;
    }
    slopes.push_back(static_cast<double>(y2 - y1) / (x2 - x1));
  } while (it->Next(tesseract::RIL_TEXTLINE));
  it->Begin();
  if (slopes.empty()) return 0;
  std::nth_element(slopes.begin(), slopes.begin() + slopes.size() / 2, slopes.end());
  return slopes[slopes.size() / 2];
}

// Table rules read as glyphs ("|", "[", "]") at the edges of a word are dropped: they are
// cell borders, not text. A word made only of them disappears.
// Whitespace, and runs of three or more dashes or equals signs (a horizontal rule), are
// dropped as well: such a "word" can span a whole table and merge its columns.
std::string WithoutRuleGlyphs(std::string_view word) {
  auto rule = [](char c) { return c == '|' || c == '[' || c == ']' || c == '_' || c == ' '; };
  while (!word.empty() && rule(word.front())) word.remove_prefix(1);
  while (!word.empty() && rule(word.back())) word.remove_suffix(1);
  std::string out(word);
  size_t dashes = 0;
  for (std::string_view d : {"-", "=", "\u2014", "\u2013"}) {
    for (size_t at = out.find(d); at != std::string::npos; at = out.find(d, at + d.size())) {
      dashes += d.size();
    }
  }
  if (dashes == out.size() && out.size() >= 3 && out != "\u2014" && out != "\u2013") return "";
  return out;
}

// Tesseract's LSTM model says nothing of font weight, so bold lines are found by their
// strokes: a line is bold when its strokes, relative to its row height, are this much wider
// than the page's usual (the median over its text, by characters).
constexpr double kBoldStroke = 1.35;

// Marks the words of bold lines. `stroke[i]` is word i's stroke width over its row height.
void MarkBoldLines(const std::vector<double>& stroke, std::vector<Word>* words) {
  struct Line {
    size_t begin, end;
    double stroke;
    size_t chars;
  };
  std::vector<Line> lines;
  for (size_t i = 0; i < words->size();) {
    size_t end = i;
    double sum = 0;
    size_t chars = 0;
    while (end < words->size()) {
      const Word& w = (*words)[end];
      sum += stroke[end] * w.text.size();
      chars += w.text.size();
      ++end;
      if (!w.space_after) break;
    }
    lines.push_back(Line{i, end, chars ? sum / chars : 0, chars});
    i = end;
  }
  std::vector<Line> by_stroke = lines;
  std::sort(by_stroke.begin(), by_stroke.end(),
            [](const Line& a, const Line& b) { return a.stroke < b.stroke; });
  size_t total = 0, seen = 0;
  for (const Line& l : lines) total += l.chars;
  double median = 0;
  for (const Line& l : by_stroke) {
    seen += l.chars;
    if (2 * seen >= total) {
      median = l.stroke;
      break;
    }
  }
  if (median <= 0) return;
  for (const Line& l : lines) {
    if (l.stroke < kBoldStroke * median) continue;
    for (size_t i = l.begin; i < l.end; ++i) (*words)[i].bold = true;
  }
}

class TesseractEngine : public OcrEngine {
 public:
  explicit TesseractEngine(std::unique_ptr<tesseract::TessBaseAPI> api) : api_(std::move(api)) {}
  ~TesseractEngine() override {
    if (api_) api_->End();
  }
  Result<OcrReading> Recognize(const GrayImage& image) override;

 private:
  std::unique_ptr<tesseract::TessBaseAPI> api_;
};

Result<std::unique_ptr<OcrEngine>> CreateTesseract(const std::string& language) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  if (api->Init(nullptr, language.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    return Unsupported("OCR unavailable: Tesseract could not load the '" + language +
                       "' model (install tesseract-ocr-" + language + " or set TESSDATA_PREFIX)");
  }
  api->SetPageSegMode(tesseract::PSM_AUTO);
  api->SetVariable("debug_file", "/dev/null");
  return std::unique_ptr<OcrEngine>(new TesseractEngine(std::move(api)));
}

Result<OcrReading> TesseractEngine::Recognize(const GrayImage& image) {
  if (image.pixels == nullptr || image.width <= 0 || image.height <= 0 || image.dpi <= 0) {
    return InvalidArgument("OCR: empty image");
  }
  api_->SetImage(image.pixels, image.width, image.height, 1, image.bytes_per_row);
  api_->SetSourceResolution(static_cast<int>(image.dpi));
  // The ruling lines are looked for on Tesseract's own binarization, copied before it
  // recognizes: its layout analysis erases the lines it finds from that image.
  PixPtr with_lines;
  if (PixPtr binary{api_->GetThresholdedImage()}) with_lines.reset(pixCopy(nullptr, binary.get()));
  if (api_->Recognize(nullptr) != 0) return Internal("OCR failed on the page image");

  const double scale = 72.0 / image.dpi;
  OcrReading reading;
  std::vector<Word>& words = reading.words;
  std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
  // A scan is seldom straight: boxes are turned back by the page's skew (the median slope
  // of the text lines' baselines), so that words of one line share a height again and the
  // layout can line up table rows across the page.
  const double skew = it ? MedianBaselineSlope(it.get()) : 0;
  const double cx = image.width / 2.0, cy = image.height / 2.0;
  std::vector<double> stroke;
  if (it) {
    do {
      if (it->Empty(tesseract::RIL_WORD)) continue;
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!text) continue;
      std::string clean = WithoutRuleGlyphs(text.get());
      if (clean.empty()) continue;
      int l, t, r, b, ll, lt, lr, lb;
      it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b);
      it->BoundingBox(tesseract::RIL_TEXTLINE, &ll, &lt, &lr, &lb);
      double dx = skew * ((t + b) / 2.0 - cy), dy = -skew * ((l + r) / 2.0 - cx);
      Word w;
      w.text = std::move(clean);
      w.box = Box{(l + dx) * scale, (t + dy) * scale, (r + dx) * scale, (b + dy) * scale};
      // The row's height (x-height plus ascenders) stands for the font size: glyph boxes
      // vary with the letters.
      float row_height = 0, descenders = 0, ascenders = 0;
      it->RowAttributes(&row_height, &descenders, &ascenders);
      w.font_size = (row_height > 0 ? row_height : 0.8f * (lb - lt)) * scale;
      w.confidence = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
      w.space_after = !it->IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_WORD);
      double row_px = w.font_size / scale;
      stroke.push_back(
          row_px > 0 ? StrokeWidth(image, Box{double(l), double(t), double(r), double(b)}) / row_px
                     : 0);
      words.push_back(std::move(w));
    } while (it->Next(tesseract::RIL_WORD));
  }
  reading.rulings = FindImageRulings(with_lines.get(), image.dpi, skew);
  api_->Clear();
  MarkBoldLines(stroke, &words);
  return reading;
}

}  // namespace
}  // namespace acervo

ACERVO_PLUGIN_CXX_RETURN_BEGIN_
extern "C" __attribute__((visibility("default"))) acervo::Result<std::unique_ptr<acervo::OcrEngine>>
acervo_ocr_create(const std::string& language) {
  return acervo::CreateTesseract(language);
}
ACERVO_PLUGIN_CXX_RETURN_END_
static_assert(std::is_same_v<decltype(acervo_ocr_create), acervo::OcrEngineFactory>);
