#include "load/pdf_text_layer.h"

#include <ErrorCodes.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "acervo/text.h"
#include "load/normalize.h"

namespace acervo {
namespace {

void DropPopplerError(ErrorCategory, Goffset, const char*) {}

// Poppler's global parameters (font and encoding tables) live while any user holds an
// initer; this one is held for the life of the process, like the plugin. The first initer
// installs the error callback: poppler-cpp's, when it was first, drops the errors as well
// (pdf_loader.cc silences it).
void InitPoppler() {
  static GlobalParamsIniter* initer = new GlobalParamsIniter(&DropPopplerError);
  (void)initer;
}

bool IsBoldFont(const GooString* name) {
  if (name == nullptr) return false;
  std::string folded = Fold(name->toStr());
  return folded.find("bold") != std::string::npos || folded.find("black") != std::string::npos ||
         folded.find("heavy") != std::string::npos || folded.find("semibold") != std::string::npos;
}

// Poppler's text device that also keeps the paths the page's content paints, in the same
// device space as the words. Annotations are drawn after the content: the display's
// annotation callback marks the moment, and their paths (form field frames, link borders)
// are left out.
class PageDevice : public TextOutputDev {
 public:
  explicit PageDevice(PageGraphics* graphics)
      : TextOutputDev(nullptr, false, 0, false, false), graphics_(graphics) {}

  void stroke(GfxState* state) override {
    Keep(state, false, true);
    TextOutputDev::stroke(state);
  }
  void fill(GfxState* state) override {
    Keep(state, true, false);
    TextOutputDev::fill(state);
  }
  void eoFill(GfxState* state) override {
    Keep(state, true, false);
    TextOutputDev::eoFill(state);
  }

  static bool AnnotationsBegin(Annot*, void* self) {
    static_cast<PageDevice*>(self)->in_annotations_ = true;
    return true;  // drawn all the same: their text belongs to the page
  }

 private:
  void Keep(GfxState* state, bool fill, bool stroke) {
    if (graphics_ == nullptr || in_annotations_ || state->getPath() == nullptr) return;
    const GfxPath* path = state->getPath();
    for (int i = 0; i < path->getNumSubpaths(); ++i) {
      const GfxSubpath* sub = path->getSubpath(i);
      int n = sub->getNumPoints();
      Subpath s;
      s.points.resize(n);
      for (int j = 0; j < n; ++j) {
        state->transform(sub->getX(j), sub->getY(j), &s.points[j].x, &s.points[j].y);
      }
      // Poppler marks the control points of a curve; a piece touching one is curved. A
      // closed subpath already ends on its first point (GfxSubpath::close).
      for (int j = 0; j + 1 < n; ++j) s.curved.push_back(sub->getCurve(j) || sub->getCurve(j + 1));
      AddPaintedSubpath(s, fill, stroke, graphics_);
    }
  }

  PageGraphics* graphics_;
  bool in_annotations_ = false;
};

std::vector<Word> WordsOf(TextOutputDev* device) {
  std::vector<Word> words;
  std::unique_ptr<TextWordList> list = device->makeWordList();
  if (!list) return words;
  words.reserve(list->getLength());
  // Words in a row mostly share a font: its name is folded once for them (the page's fonts
  // live as long as the list).
  const GooString* font = nullptr;
  bool font_bold = false;
  for (int i = 0; i < list->getLength(); ++i) {
    const TextWord* t = list->get(i);
    std::unique_ptr<GooString> raw(t->getText());
    // Up to a NUL, as poppler-cpp read it.
    std::string text = NormalizeText(raw ? std::string(raw->c_str()) : std::string());
    // Words keep no inner whitespace: a normalized no-break space would split the box.
    std::replace(text.begin(), text.end(), '\n', ' ');
    if (text.find_first_not_of(' ') == std::string::npos) continue;
    Word w;
    w.text = std::move(text);
    t->getBBox(&w.box.x0, &w.box.y0, &w.box.x1, &w.box.y1);
    w.font_size = t->getFontSize();
    if (t->getLength() > 0) {
      const GooString* name = t->getFontName(0);
      if (name != font || font == nullptr) font_bold = IsBoldFont(name);
      font = name;
      w.bold = font_bold;
    }
    w.space_after = t->hasSpaceAfter();
    words.push_back(std::move(w));
  }
  return words;
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

// The PDF opened with `password` as owner and user password; null when it cannot be parsed.
// An encrypted file the password does not open is returned, not ok, with errEncrypted.
std::unique_ptr<PDFDoc> OpenWith(std::string_view bytes, const std::string& password) {
  auto* stream =
      new MemStream(bytes.data(), 0, std::min<size_t>(bytes.size(), INT32_MAX), Object(objNull));
  auto doc =
      std::make_unique<PDFDoc>(stream, GooString(password.c_str()), GooString(password.c_str()));
  if (!doc->isOk() && doc->getErrorCode() != errEncrypted) return nullptr;
  return doc;
}

bool Locked(const PDFDoc& doc) { return !doc.isOk(); }

}  // namespace

struct PdfTextLayer::Impl {
  std::unique_ptr<PDFDoc> doc;
  std::string password;
};

PdfTextLayer::PdfTextLayer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfTextLayer::~PdfTextLayer() = default;

int PdfTextLayer::pages() const { return impl_->doc->getNumPages(); }
const std::string& PdfTextLayer::password() const { return impl_->password; }

Result<std::unique_ptr<PdfTextLayer>> PdfTextLayer::Open(
    std::string_view bytes, const std::vector<std::string>& passwords) {
  InitPoppler();
  auto impl = std::make_unique<Impl>();
  auto opened = [&]() -> Result<std::unique_ptr<PdfTextLayer>> {
    if (impl->doc->getNumPages() <= 0) return Corrupt("the PDF has no pages");
    return std::unique_ptr<PdfTextLayer>(new PdfTextLayer(std::move(impl)));
  };
  impl->doc = OpenWith(bytes, "");
  if (!impl->doc) {
    if (bytes.find("/Encrypt") == std::string_view::npos) {
      return Corrupt("corrupt or truncated PDF (it cannot be parsed)");
    }
    if (passwords.empty()) return Unsupported("encrypted: needs a password");
  } else if (!Locked(*impl->doc)) {
    return opened();
  } else if (passwords.empty()) {
    return Unsupported("encrypted: needs a password (give it with --password or --password-file)");
  }
  for (const std::string& password : passwords) {
    std::vector<std::string> forms = {password};
    if (std::string latin1 = Latin1(password); !latin1.empty()) forms.push_back(latin1);
    for (const std::string& form : forms) {
      std::unique_ptr<PDFDoc> unlocked = OpenWith(bytes, form);
      if (unlocked && !Locked(*unlocked)) {
        impl->doc = std::move(unlocked);
        impl->password = form;
        return opened();
      }
    }
  }
  return Unsupported("encrypted: wrong password (none of the " + std::to_string(passwords.size()) +
                     " given opens it)");
}

Result<PdfPageReading> PdfTextLayer::Read(int index, bool graphics) {
  if (index < 0 || index >= pages()) return NotFound("no such page");
  ::Page* page = impl_->doc->getPage(index + 1);
  if (page == nullptr) return NotFound("the page cannot be read");
  PdfPageReading reading;
  const PDFRectangle* crop = page->getCropBox();
  reading.width = crop->x2 - crop->x1;
  reading.height = crop->y2 - crop->y1;
  PageDevice device(graphics ? &reading.graphics : nullptr);
  // As poppler-cpp's text_list(): 72 dpi, the page's own rotation, the crop box not clipped.
  impl_->doc->displayPageSlice(&device, index + 1, 72, 72, 0, false, false, false, -1, -1, -1, -1,
                               nullptr, nullptr, &PageDevice::AnnotationsBegin, &device);
  reading.words = WordsOf(&device);
  return reading;
}

}  // namespace acervo
