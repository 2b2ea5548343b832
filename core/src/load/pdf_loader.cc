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

std::string Utf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

bool IsBoldFont(const std::string& name) {
  std::string folded = Fold(name);
  return folded.find("bold") != std::string::npos || folded.find("black") != std::string::npos ||
         folded.find("heavy") != std::string::npos || folded.find("semibold") != std::string::npos;
}

std::vector<Word> TextLayerWords(poppler::page& page) {
  std::vector<Word> words;
  for (const poppler::text_box& t : page.text_list(poppler::page::text_list_include_font)) {
    std::string text = NormalizeText(Utf8(t.text()));
    // Words keep no inner whitespace: a normalized no-break space would split the box.
    std::replace(text.begin(), text.end(), '\n', ' ');
    if (text.find_first_not_of(' ') == std::string::npos) continue;
    poppler::rectf b = t.bbox();
    Word w;
    w.text = std::move(text);
    w.box = Box{b.x(), b.y(), b.x() + b.width(), b.y() + b.height()};
    w.font_size = t.get_font_size();
    w.bold = IsBoldFont(t.get_font_name());
    w.space_after = t.has_space_after();
    words.push_back(std::move(w));
  }
  return words;
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

// The same password in Latin-1, for PDFs (security revisions 2-4) whose creator encoded a
// non-ASCII password in PDFDocEncoding rather than UTF-8; "" when it has no such form.
std::string Latin1(const std::string& utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if ((c == 0xC2 || c == 0xC3) && i + 1 < utf8.size()) {
      out.push_back(static_cast<char>(((c & 0x03) << 6) | (utf8[++i] & 0x3F)));
    } else {
      return "";
    }
  }
  return out == utf8 ? "" : out;
}

std::unique_ptr<poppler::document> LoadRaw(std::string_view bytes, const std::string& password) {
  return std::unique_ptr<poppler::document>(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(std::min<size_t>(bytes.size(), INT32_MAX)), password,
      password));
}

// Opens the PDF, unlocking it with the first password that works (each tried as owner and
// as user password, also in Latin-1). An encrypted PDF fails with "encrypted: needs a
// password" when none was given, "encrypted: wrong password" when none fits.
Result<std::unique_ptr<poppler::document>> OpenPdf(std::string_view bytes,
                                                   const std::vector<std::string>& passwords) {
  std::unique_ptr<poppler::document> pdf = LoadRaw(bytes, "");
  if (!pdf) {
    if (bytes.find("/Encrypt") == std::string_view::npos) {
      return Corrupt("corrupt or truncated PDF (it cannot be parsed)");
    }
    if (passwords.empty()) return Unsupported("encrypted: needs a password");
  } else if (!pdf->is_locked()) {
    if (pdf->pages() <= 0) return Corrupt("the PDF has no pages");
    return pdf;
  } else if (passwords.empty()) {
    return Unsupported("encrypted: needs a password (give it with --password or --password-file)");
  }
  for (const std::string& password : passwords) {
    std::vector<std::string> forms = {password};
    if (std::string latin1 = Latin1(password); !latin1.empty()) forms.push_back(latin1);
    for (const std::string& form : forms) {
      std::unique_ptr<poppler::document> unlocked = LoadRaw(bytes, form);
      if (unlocked && !unlocked->is_locked()) {
        if (unlocked->pages() <= 0) return Corrupt("the PDF has no pages");
        return unlocked;
      }
    }
  }
  return Unsupported("encrypted: wrong password (none of the " + std::to_string(passwords.size()) +
                     " given opens it)");
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

}  // namespace

Result<OcrReading> OcrPdfPage(std::string_view bytes, int index, std::unique_ptr<OcrEngine>* engine,
                              const std::vector<std::string>& passwords) {
  SilencePoppler();
  Result<std::unique_ptr<poppler::document>> pdf = OpenPdf(bytes, passwords);
  if (!pdf.ok()) return pdf.status();
  if (index < 0 || index >= (*pdf)->pages()) {
    return InvalidArgument("page " + std::to_string(index + 1) + " is not in the PDF");
  }
  std::unique_ptr<poppler::page> p((*pdf)->create_page(index));
  if (!p) return Corrupt("page " + std::to_string(index + 1) + " cannot be read");
  return OcrPage(*p, engine);
}

Result<Document> LoadPdf(std::string_view bytes, const LoadOptions& options) {
  SilencePoppler();
  Result<std::unique_ptr<poppler::document>> opened = OpenPdf(bytes, options.passwords);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<poppler::document> pdf = std::move(opened.value());
  int page_count = pdf->pages();
  const bool planning =
      options.page_ocr != nullptr && options.page_ocr->mode == PageOcr::Mode::kPlan;
  bool ocr_ran = false;

  Document doc;
  std::vector<PageLines> laid(page_count);
  std::unique_ptr<OcrEngine> engine;
  Status ocr_unavailable;
  // Vector graphics are an aid: a PDF qpdf cannot read still loads, without them.
  Result<std::unique_ptr<PdfGraphics>> graphics = PdfGraphics::Open(bytes);
  for (int i = 0; i < page_count; ++i) {
    Page page;
    page.number = i + 1;
    std::unique_ptr<poppler::page> p(pdf->create_page(i));
    if (!p) {
      page.warnings.push_back("the page cannot be read; it is left empty");
      doc.pages.push_back(std::move(page));
      if (options.progress) options.progress(i + 1, page_count);
      continue;
    }
    laid[i].height = p->page_rect().height();
    page.width = p->page_rect().width();
    page.height = laid[i].height;
    std::vector<Word> words = TextLayerWords(*p);
    std::vector<Ruling> ocr_rulings;
    bool usable = IsUsableTextLayer(words);
    bool want_ocr = options.ocr == OcrMode::kAlways || (options.ocr == OcrMode::kAuto && !usable);
    if (want_ocr && planning) {
      // Read elsewhere; this load is only a plan. A blank page is not handed out: each
      // handed-out page costs a worker a fresh open of the whole PDF, so a file of thousands
      // of empty pages would cost thousands of opens (hostile_test) for no text.
      if (RendersBlank(*p)) {
        page.warnings.push_back("blank page: nothing to read");
      } else {
        options.page_ocr->wanted.push_back(i);
      }
    } else if (want_ocr && ocr_unavailable.ok()) {
      Result<OcrReading> ocr_words = ReadPageOcr(*p, i, options, &engine);
      if (ocr_words.ok()) {
        words = std::move(ocr_words.value().words);
        ocr_rulings = std::move(ocr_words.value().rulings);
        page.ocr = true;
        ocr_ran = true;
      } else {
        // No engine here after trying: Tesseract cannot load, so no other page will read.
        bool read_elsewhere = options.page_ocr && options.page_ocr->pages.count(i) > 0;
        if (!engine && !read_elsewhere) ocr_unavailable = ocr_words.status();
        page.warnings.push_back(ocr_words.status().message() +
                                (usable ? "; the text layer is used" : ""));
      }
    } else if (want_ocr) {
      page.warnings.push_back(ocr_unavailable.message());
    }
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
    } else if (graphics.ok()) {
      PageGraphics drawn = graphics.value()->Page(i);
      laid[i].lines = LayOutWithTables(words, FindLatticeTables(drawn.rulings), LayoutOptions());
      std::vector<size_t> candidates = MarkCandidates(laid[i].lines);
      std::vector<Box> marks;
      if (!candidates.empty()) marks = MarksAmong(drawn.fills, laid[i].lines, candidates);
      AddListMarkers(marks, &laid[i].lines);
    } else {
      laid[i].lines = LayOutPage(words, LayoutOptions());
      AddListMarkers({}, &laid[i].lines);
    }
    doc.pages.push_back(std::move(page));
    if (options.progress) options.progress(i + 1, page_count);
  }

  AssemblePages(std::move(laid), ocr_ran, &doc);
  return doc;
}

}  // namespace acervo
