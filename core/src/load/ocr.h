// ocr.h — page images in, positioned words out, through the Tesseract C++ API with the
// Spanish LSTM model, in a module of its own loaded on first use (below).
//
// One OcrEngine per thread: an engine is not thread-safe, but separate engines are. Each word
// keeps Tesseract's confidence (0..1) and its box in PDF points; the page's ruling lines
// (table grids, image_rulings.h) come with the words, in the same coordinates. Tesseract is
// built with
// OpenMP on Debian; its threads fight any page-level parallelism and make one page 4-5x
// slower on a small machine, so the process must start with OMP_THREAD_LIMIT=1 in its
// environment (OpenMP reads it once, at load time): see load/ocr_threads.h.
#ifndef ACERVO_CORE_LOAD_OCR_H_
#define ACERVO_CORE_LOAD_OCR_H_

#include <memory>
#include <string>
#include <vector>

#include "acervo/status.h"
#include "load/layout.h"
#include "load/vector_graphics.h"

namespace acervo {

// An 8-bit gray image; rows are `bytes_per_row` apart (rows may be padded).
struct GrayImage {
  const unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  int bytes_per_row = 0;
  double dpi = 0;  // pixels per inch, to scale boxes to points
};

// What OCR read on one page image: its words in Tesseract's reading order (space_after false
// at line ends) and the ruling lines drawn on it, both straightened by the page's skew.
struct OcrReading {
  std::vector<Word> words;
  std::vector<Ruling> rulings;
};

class OcrEngine {
 public:
  // Loads the OCR module on first use (below), then the language model ("spa");
  // TESSDATA_PREFIX overrides where that is looked for. Unsupported, saying what to install,
  // when either cannot be loaded.
  static Result<std::unique_ptr<OcrEngine>> Create(const std::string& language = "spa");
  virtual ~OcrEngine() = default;
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // The words and ruling lines of the image.
  virtual Result<OcrReading> Recognize(const GrayImage& image) = 0;

 protected:
  OcrEngine() = default;
};

// The OCR module: ocr-tesseract.so (ocr_tesseract.cc), the one file that links Tesseract, so
// that only a process that OCRs maps it and its libraries (a born-digital PDF never does). It
// lives in lib/acervo/modules/, found beside the plugins folder of the code that calls Create
// (a bundled loader plugin), else where every module is (util/modules.h).
// It exports one factory; the module and its callers are built together from this tree.
using OcrEngineFactory = Result<std::unique_ptr<OcrEngine>>(const std::string& language);
inline constexpr const char* kOcrEngineFactorySymbol = "acervo_ocr_create";

// The resolution pages are rendered at for OCR: scans are usually 200-300 ppi, and 200 dpi
// reads them as well as 300 at two thirds of the cost.
constexpr double kOcrDpi = 200;

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_OCR_H_
