#include "load/ocr.h"

#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace acervo {

OcrEngine::OcrEngine(std::unique_ptr<tesseract::TessBaseAPI> api) : api_(std::move(api)) {}

OcrEngine::~OcrEngine() {
  if (api_) api_->End();
}

Result<std::unique_ptr<OcrEngine>> OcrEngine::Create(const std::string& language) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  if (api->Init(nullptr, language.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    return Unsupported("OCR unavailable: Tesseract could not load the '" + language +
                       "' model (install tesseract-ocr-" + language +
                       " or set TESSDATA_PREFIX)");
  }
  api->SetPageSegMode(tesseract::PSM_AUTO);
  api->SetVariable("debug_file", "/dev/null");
  return std::unique_ptr<OcrEngine>(new OcrEngine(std::move(api)));
}

Result<std::vector<Word>> OcrEngine::Recognize(const GrayImage& image) {
  if (image.pixels == nullptr || image.width <= 0 || image.height <= 0 || image.dpi <= 0) {
    return InvalidArgument("OCR: empty image");
  }
  api_->SetImage(image.pixels, image.width, image.height, 1, image.bytes_per_row);
  api_->SetSourceResolution(static_cast<int>(image.dpi));
  if (api_->Recognize(nullptr) != 0) return Internal("OCR failed on the page image");

  const double scale = 72.0 / image.dpi;
  std::vector<Word> words;
  std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
  if (it) {
    do {
      if (it->Empty(tesseract::RIL_WORD)) continue;
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!text || text[0] == '\0') continue;
      int l, t, r, b, ll, lt, lr, lb;
      it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b);
      it->BoundingBox(tesseract::RIL_TEXTLINE, &ll, &lt, &lr, &lb);
      Word w;
      w.text = text.get();
      w.box = Box{l * scale, lt * scale, r * scale, lb * scale};
      // The row's height (x-height plus ascenders) stands for the font size: glyph boxes
      // vary with the letters.
      float row_height = 0, descenders = 0, ascenders = 0;
      it->RowAttributes(&row_height, &descenders, &ascenders);
      w.font_size = (row_height > 0 ? row_height : 0.8f * (lb - lt)) * scale;
      w.confidence = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
      w.space_after = !it->IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_WORD);
      words.push_back(std::move(w));
    } while (it->Next(tesseract::RIL_WORD));
  }
  api_->Clear();
  return words;
}

void PinOcrThreads(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv);  // returns only on failure: carry on, just slower
}

}  // namespace acervo
