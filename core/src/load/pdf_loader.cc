#include "load/pdf_loader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "acervo/text.h"
#include "load/bullets.h"
#include "load/furniture.h"
#include "load/lattice.h"
#include "load/layout.h"
#include "load/normalize.h"
#include "load/ocr.h"
#include "load/page_assembly.h"
#include "load/page_break.h"
#include "load/page_ocr.h"
#include "load/pdf_text_layer.h"
#include "load/text_loader.h"
#include "load/vector_graphics.h"

namespace acervo {
namespace {

// A text layer with fewer visible characters than this is treated as absent.
constexpr int kMinUsableChars = 20;
// ... and one where fewer than this share of the characters are letters, digits, common
// punctuation or spaces is garbage (a broken font encoding).
constexpr double kMinCleanShare = 0.85;
// The largest page side PDF allows, in default user units (ISO 32000-1, Annex C).
constexpr double kMaxPageSide = 14400;
// Resolution of the probe that tells a blank page before the full OCR render.
constexpr double kProbeDpi = 24;

// Poppler reports problems on stderr; keep them out of the user's output.
void SilencePoppler() {
  static std::once_flag once;
  std::call_once(
      once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

// Whether the words make a text layer worth reading (else the page is OCR'd in auto mode).
bool IsUsableTextLayer(const std::vector<Word>& words) {
  int total = 0, clean = 0;
  for (const Word& w : words) {
    size_t pos = 0;
    while (pos < w.text.size()) {
      char32_t cp = NextCodePoint(w.text, &pos);
      if (cp == ' ') continue;
      ++total;
      UChar32 c = static_cast<UChar32>(cp);
      bool odd = cp == 0xFFFD || u_charType(c) == U_PRIVATE_USE_CHAR ||
                 u_charType(c) == U_CONTROL_CHAR || u_charType(c) == U_UNASSIGNED;
      if (!odd && (u_isalnum(c) || u_ispunct(c) || u_charType(c) == U_CURRENCY_SYMBOL ||
                   u_charType(c) == U_MATH_SYMBOL || u_charType(c) == U_OTHER_SYMBOL)) {
        ++clean;
      }
    }
  }
  return total >= kMinUsableChars && clean >= kMinCleanShare * total;
}

// Renders the page and reads it with Tesseract; the engine is created on first use.
// True when a gray render has no ink at all (every pixel pure white).
bool IsBlank(const poppler::image& image) {
  if (!image.is_valid()) return false;
  const char* data = image.const_data();
  for (int y = 0; y < image.height(); ++y) {
    const unsigned char* row = reinterpret_cast<const unsigned char*>(data) +
                               static_cast<size_t>(y) * image.bytes_per_row();
    for (int x = 0; x < image.width(); ++x) {
      if (row[x] != 255) return false;
    }
  }
  return true;
}

bool TooLargeToRender(poppler::page& page) {
  poppler::rectf box = page.page_rect();
  return box.width() > kMaxPageSide || box.height() > kMaxPageSide;
}

void UseGray(poppler::page_renderer* renderer) {
  renderer->set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer->set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer->set_image_format(poppler::image::format_gray8);
}

// True when a coarse render of the page has no ink: there is nothing for OCR to read.
bool RendersBlank(poppler::page& page) {
  if (TooLargeToRender(page)) return false;
  poppler::page_renderer renderer;
  UseGray(&renderer);
  return IsBlank(renderer.render_page(&page, kProbeDpi, kProbeDpi));
}

// Renders the page and reads it with Tesseract. A page larger than PDF allows is refused
// (at OCR resolution it would take terabytes), and a page whose coarse render is blank is
// not read, so a file of thousands of empty pages stays quick.
Result<OcrReading> OcrPage(poppler::page& page, std::unique_ptr<OcrEngine>* engine) {
  if (!*engine) {
    Result<std::unique_ptr<OcrEngine>> created = OcrEngine::Create("spa");
    if (!created.ok()) return created.status();
    *engine = std::move(created.value());
  }
  if (TooLargeToRender(page)) {
    poppler::rectf box = page.page_rect();
    return Unsupported("the page is " + std::to_string(static_cast<long long>(box.width())) +
                       " x " + std::to_string(static_cast<long long>(box.height())) +
                       " points, larger than PDF allows; it is not rendered for OCR");
  }
  if (RendersBlank(page)) return NotFound("blank page: nothing to read");
  poppler::page_renderer renderer;
  UseGray(&renderer);
  poppler::image image = renderer.render_page(&page, kOcrDpi, kOcrDpi);
  if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) {
    return Corrupt("the page could not be rendered for OCR");
  }
  GrayImage gray{reinterpret_cast<const unsigned char*>(image.const_data()), image.width(),
                 image.height(), image.bytes_per_row(), kOcrDpi};
  return (*engine)->Recognize(gray);
}

std::unique_ptr<poppler::document> LoadRaw(std::string_view bytes, const std::string& password) {
  return std::unique_ptr<poppler::document>(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(std::min<size_t>(bytes.size(), INT32_MAX)), password,
      password));
}

// The PDF as poppler-cpp reads it, for rendering pages (OCR): opened with the password that
// opened `layer`.
Result<std::unique_ptr<poppler::document>> OpenForRendering(std::string_view bytes,
                                                            const PdfTextLayer& layer) {
  std::unique_ptr<poppler::document> pdf = LoadRaw(bytes, layer.password());
  if (!pdf || pdf->is_locked()) return Corrupt("the PDF cannot be opened for rendering");
  return pdf;
}

// The page's words and rulings from OCR done elsewhere (options.page_ocr) when there are
// some, else read here.
Result<OcrReading> ReadPageOcr(poppler::page& page, int index, const LoadOptions& options,
                               std::unique_ptr<OcrEngine>* engine) {
  if (options.page_ocr != nullptr) {
    auto done = options.page_ocr->pages.find(index);
    if (done != options.page_ocr->pages.end()) {
      if (!done->second.error.empty()) return Internal(done->second.error);
      return OcrReading{std::move(done->second.words), std::move(done->second.rulings)};
    }
  }
  return OcrPage(page, engine);
}

// Pages rendered by poppler-cpp, for the pages that need OCR: the file is opened again on
// the first such page (a born-digital PDF never pays for it).
class PageRenderer {
 public:
  PageRenderer(std::string_view bytes, const PdfTextLayer& layer) : bytes_(bytes), layer_(layer) {}

  // Page `index`, valid while this renderer lives.
  Result<std::unique_ptr<poppler::page>> Page(int index) {
    if (!pdf_) {
      Result<std::unique_ptr<poppler::document>> opened = OpenForRendering(bytes_, layer_);
      if (!opened.ok()) return opened.status();
      pdf_ = std::move(opened.value());
    }
    std::unique_ptr<poppler::page> page(pdf_->create_page(index));
    if (!page) return Corrupt("page " + std::to_string(index + 1) + " cannot be rendered");
    return page;
  }

 private:
  std::string_view bytes_;
  const PdfTextLayer& layer_;
  std::unique_ptr<poppler::document> pdf_;
};

// What one load carries from page to page about OCR.
struct OcrState {
  bool planning = false;  // pages are only listed for OCR elsewhere (PageOcr::Mode::kPlan)
  bool ran = false;
  std::unique_ptr<OcrEngine> engine;
  Status unavailable;  // set once Tesseract cannot load: no other page will read
};

// Reads page `i` by OCR when the options ask for it (or lists it for OCR elsewhere),
// replacing `words`; warnings go to `page`.
void MaybeOcr(int i, bool usable, const LoadOptions& options, PageRenderer* renderer, OcrState* ocr,
              Page* page, std::vector<Word>* words, std::vector<Ruling>* ocr_rulings) {
  bool want_ocr = options.ocr == OcrMode::kAlways || (options.ocr == OcrMode::kAuto && !usable);
  if (!want_ocr) return;
  if (!ocr->planning && !ocr->unavailable.ok()) {
    page->warnings.push_back(ocr->unavailable.message());
    return;
  }
  Result<std::unique_ptr<poppler::page>> p = renderer->Page(i);
  if (!p.ok()) {
    page->warnings.push_back(p.status().message() + (usable ? "; the text layer is used" : ""));
    return;
  }
  if (ocr->planning) {
    // Read elsewhere; this load is only a plan. A blank page is not handed out: each
    // handed-out page costs a worker a fresh open of the whole PDF, so a file of thousands
    // of empty pages would cost thousands of opens (hostile_test) for no text.
    if (RendersBlank(**p)) {
      page->warnings.push_back("blank page: nothing to read");
    } else {
      options.page_ocr->wanted.push_back(i);
    }
    return;
  }
  Result<OcrReading> read = ReadPageOcr(**p, i, options, &ocr->engine);
  if (read.ok()) {
    *words = std::move(read.value().words);
    *ocr_rulings = std::move(read.value().rulings);
    page->ocr = true;
    ocr->ran = true;
  } else {
    bool read_elsewhere = options.page_ocr && options.page_ocr->pages.count(i) > 0;
    if (!ocr->engine && !read_elsewhere) ocr->unavailable = read.status();
    page->warnings.push_back(read.status().message() + (usable ? "; the text layer is used" : ""));
  }
}

}  // namespace

Result<OcrReading> OcrPdfPage(std::string_view bytes, int index, std::unique_ptr<OcrEngine>* engine,
                              const std::vector<std::string>& passwords) {
  SilencePoppler();
  Result<std::unique_ptr<PdfTextLayer>> layer = PdfTextLayer::Open(bytes, passwords);
  if (!layer.ok()) return layer.status();
  if (index < 0 || index >= (*layer)->pages()) {
    return InvalidArgument("page " + std::to_string(index + 1) + " is not in the PDF");
  }
  PageRenderer renderer(bytes, **layer);  // holds the document the page belongs to
  Result<std::unique_ptr<poppler::page>> p = renderer.Page(index);
  if (!p.ok()) return p.status();
  return OcrPage(**p, engine);
}

Result<Document> LoadPdf(std::string_view bytes, const LoadOptions& options) {
  SilencePoppler();
  Result<std::unique_ptr<PdfTextLayer>> opened = PdfTextLayer::Open(bytes, options.passwords);
  if (!opened.ok()) return opened.status();
  PdfTextLayer& pdf = *opened.value();
  PageRenderer renderer(bytes, pdf);
  int page_count = pdf.pages();
  OcrState ocr;
  ocr.planning = options.page_ocr != nullptr && options.page_ocr->mode == PageOcr::Mode::kPlan;

  Document doc;
  std::vector<PageLines> laid(page_count);
  for (int i = 0; i < page_count; ++i) {
    Page page;
    page.number = i + 1;
    Result<PdfPageReading> read = pdf.Read(i, /*graphics=*/true);
    if (!read.ok()) {
      page.warnings.push_back("the page cannot be read; it is left empty");
      doc.pages.push_back(std::move(page));
      if (options.progress) options.progress(i + 1, page_count);
      continue;
    }
    laid[i].height = read->height;
    page.width = read->width;
    page.height = read->height;
    std::vector<Word> words = std::move(read->words);
    std::vector<Ruling> ocr_rulings;
    bool usable = IsUsableTextLayer(words);
    MaybeOcr(i, usable, options, &renderer, &ocr, &page, &words, &ocr_rulings);
    if (!page.ocr && !usable) {
      if (options.ocr == OcrMode::kNever) {
        page.warnings.push_back(words.empty()
                                    ? "no text layer (an image-only page) and OCR is disabled"
                                    : "unusable text layer and OCR is disabled");
      }
      if (words.empty() && page.warnings.empty()) page.warnings.push_back("no text on the page");
    }
    if (page.ocr) {
      laid[i].lines = LayOutOcrPage(OcrReading{std::move(words), std::move(ocr_rulings)});
    } else {
      const PageGraphics& drawn = read->graphics;
      laid[i].lines = LayOutWithTables(words, FindLatticeTables(drawn.rulings), LayoutOptions());
      std::vector<size_t> candidates = MarkCandidates(laid[i].lines);
      std::vector<Box> marks;
      if (!candidates.empty()) marks = MarksAmong(drawn.fills, laid[i].lines, candidates);
      AddListMarkers(marks, &laid[i].lines);
    }
    doc.pages.push_back(std::move(page));
    if (options.progress) options.progress(i + 1, page_count);
  }

  AssemblePages(std::move(laid), ocr.ran, &doc);
  return doc;
}

}  // namespace acervo
