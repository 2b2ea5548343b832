#include "load/vector_graphics.h"

// qpdf 11: no PointerHolder in its API (std::shared_ptr throughout).
#define POINTERHOLDER_TRANSITION 4
#include <algorithm>
#include <cmath>
#include <exception>
#include <qpdf/Buffer.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFMatrix.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <string>

#include "load/content_lexer.h"

namespace acervo {
namespace {

// Form XObjects drawing form XObjects deeper than this are not followed (cycles, bombs).
constexpr int kMaxFormDepth = 8;
// A piece of a path is axis-aligned when it leans less than this (points) over its length.
constexpr double kStraight = 0.5;

struct GraphicsState {
  QPDFMatrix ctm;
};

// Follows the content stream's graphics operators; text and images are skipped.
class PathCollector {
 public:
  PathCollector(QPDFObjectHandle resources, const QPDFMatrix& ctm, int depth, PageGraphics* out)
      : resources_(resources), depth_(depth), out_(out) {
    state_.ctm = ctm;
  }

  void Run(std::string_view content) {
    ContentLexer lexer(content);
    std::string_view op;
    while (lexer.Next(&op, &operands_)) Operator(op);
  }

 private:
  // The i-th operand as a number; 0 when missing or not a number.
  double Num(size_t i) const {
    if (i >= operands_.size() || operands_[i].kind != Operand::kNumber) return 0;
    return operands_[i].number;
  }

  Point At(size_t i) const {
    Point p;
    state_.ctm.transform(Num(i), Num(i + 1), p.x, p.y);
    return p;
  }

  void Add(Point p, bool curved) {
    if (path_.empty()) path_.push_back(Subpath{{p}, {}, false});
    Subpath& s = path_.back();
    s.curved.push_back(curved);
    s.points.push_back(p);
  }

  void Operator(std::string_view op) {
    if (op == "q") {
      stack_.push_back(state_);
    } else if (op == "Q") {
      if (!stack_.empty()) state_ = stack_.back(), stack_.pop_back();
    } else if (op == "cm" && operands_.size() == 6) {
      state_.ctm.concat(QPDFMatrix(Num(0), Num(1), Num(2), Num(3), Num(4), Num(5)));
    } else if (op == "m" && operands_.size() == 2) {
      path_.push_back(Subpath{{At(0)}, {}, false});
    } else if (op == "l" && operands_.size() == 2) {
      Add(At(0), false);
    } else if ((op == "c" && operands_.size() == 6) ||
               ((op == "v" || op == "y") && operands_.size() == 4)) {
      for (size_t i = 0; i + 1 < operands_.size(); i += 2) Add(At(i), true);
    } else if (op == "re" && operands_.size() == 4) {
      double x = Num(0), y = Num(1), w = Num(2), h = Num(3);
      Subpath s;
      for (auto [px, py] : {std::pair{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}) {
        Point p;
        state_.ctm.transform(px, py, p.x, p.y);
        s.points.push_back(p);
      }
      s.curved.assign(3, false);
      s.closed = true;
      path_.push_back(std::move(s));
    } else if (op == "h") {
      if (!path_.empty()) path_.back().closed = true;
    } else if (op == "S" || op == "s") {
      Paint(false, true);
    } else if (op == "f" || op == "F" || op == "f*") {
      Paint(true, false);
    } else if (op == "B" || op == "B*" || op == "b" || op == "b*") {
      Paint(true, true);
    } else if (op == "n") {
      path_.clear();
    } else if (op == "Do" && operands_.size() == 1 && operands_[0].kind == Operand::kName) {
      DrawForm("/" + std::string(operands_[0].name));
    }
  }

  void Paint(bool fill, bool stroke) {
    for (const Subpath& s : path_) AddPaintedSubpath(s, fill, stroke, out_);
    path_.clear();
  }

  void DrawForm(const std::string& name) {
    if (depth_ >= kMaxFormDepth || !resources_.isDictionary()) return;
    QPDFObjectHandle xobjects = resources_.getKey("/XObject");
    if (!xobjects.isDictionary()) return;
    QPDFObjectHandle form = xobjects.getKey(name);
    if (!form.isFormXObject()) return;
    QPDFObjectHandle dict = form.getDict();
    QPDFMatrix ctm = state_.ctm;
    QPDFObjectHandle matrix = dict.getKey("/Matrix");
    if (matrix.isMatrix()) ctm.concat(QPDFMatrix(matrix.getArrayAsMatrix()));
    QPDFObjectHandle resources = dict.getKey("/Resources");
    PathCollector inner(resources.isDictionary() ? resources : resources_, ctm, depth_ + 1, out_);
    std::shared_ptr<Buffer> data = form.getStreamData(qpdf_dl_generalized);
    inner.Run(std::string_view(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()));
  }

  QPDFObjectHandle resources_;
  int depth_;
  PageGraphics* out_;
  GraphicsState state_;
  std::vector<GraphicsState> stack_;
  std::vector<Operand> operands_;
  std::vector<Subpath> path_;
};

// From PDF user space (origin bottom left) to the crop box's top-left origin.
void ToTopLeft(const QPDFObjectHandle::Rectangle& crop, PageGraphics* g) {
  for (Box& b : g->fills) {
    b = Box{b.x0 - crop.llx, crop.ury - b.y1, b.x1 - crop.llx, crop.ury - b.y0};
  }
  for (Ruling& r : g->rulings) {
    if (r.horizontal) {
      r = Ruling{true, crop.ury - r.at, r.from - crop.llx, r.to - crop.llx};
    } else {
      r = Ruling{false, r.at - crop.llx, crop.ury - r.to, crop.ury - r.from};
    }
  }
}

}  // namespace

void AddPaintedSubpath(const Subpath& s, bool fill, bool stroke, PageGraphics* out) {
  if (s.points.empty()) return;
  std::vector<Point> points = s.points;
  std::vector<bool> curved = s.curved;
  if (s.closed && points.size() > 1) {
    curved.push_back(false);
    points.push_back(points.front());
  }
  Box box{points[0].x, points[0].y, points[0].x, points[0].y};
  for (const Point& p : points) {
    box.x0 = std::min(box.x0, p.x), box.y0 = std::min(box.y0, p.y);
    box.x1 = std::max(box.x1, p.x), box.y1 = std::max(box.y1, p.y);
  }
  bool straight = std::none_of(curved.begin(), curved.end(), [](bool c) { return c; });
  if (fill) {
    out->fills.push_back(box);
    // A thin filled rectangle is a line drawn as a fill.
    if (straight && box.height() <= kMaxRuleThickness && box.width() > box.height()) {
      out->rulings.push_back(Ruling{true, (box.y0 + box.y1) / 2, box.x0, box.x1});
    } else if (straight && box.width() <= kMaxRuleThickness && box.height() > box.width()) {
      out->rulings.push_back(Ruling{false, (box.x0 + box.x1) / 2, box.y0, box.y1});
    }
  }
  if (!stroke) return;
  for (size_t i = 0; i + 1 < points.size(); ++i) {
    if (i < curved.size() && curved[i]) continue;
    const Point& a = points[i];
    const Point& b = points[i + 1];
    if (std::abs(a.y - b.y) < kStraight && std::abs(a.x - b.x) >= kStraight) {
      out->rulings.push_back(Ruling{true, a.y, std::min(a.x, b.x), std::max(a.x, b.x)});
    } else if (std::abs(a.x - b.x) < kStraight && std::abs(a.y - b.y) >= kStraight) {
      out->rulings.push_back(Ruling{false, a.x, std::min(a.y, b.y), std::max(a.y, b.y)});
    }
  }
}

struct PdfGraphics::Impl {
  QPDF pdf;
  std::vector<QPDFPageObjectHelper> pages;
};

PdfGraphics::PdfGraphics(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfGraphics::~PdfGraphics() = default;

Result<std::unique_ptr<PdfGraphics>> PdfGraphics::Open(std::string_view bytes) {
  auto impl = std::make_unique<Impl>();
  try {
    impl->pdf.setSuppressWarnings(true);
    impl->pdf.processMemoryFile("pdf", bytes.data(), bytes.size());
    impl->pages = QPDFPageDocumentHelper(impl->pdf).getAllPages();
  } catch (const std::exception& e) {
    return Corrupt(std::string("qpdf cannot read the PDF's graphics: ") + e.what());
  }
  return std::unique_ptr<PdfGraphics>(new PdfGraphics(std::move(impl)));
}

PageGraphics PdfGraphics::Page(int index) {
  PageGraphics g;
  if (index < 0 || static_cast<size_t>(index) >= impl_->pages.size()) return g;
  QPDFPageObjectHelper& page = impl_->pages[index];
  try {
    QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
    if (rotate.isInteger() && rotate.getIntValue() % 360 != 0) return g;
    QPDFObjectHandle::Rectangle crop = page.getCropBox().getArrayAsRectangle();
    std::string content;
    Pl_String sink("page contents", nullptr, content);
    page.pipeContents(&sink);
    PathCollector collector(page.getAttribute("/Resources", false), QPDFMatrix(), 0, &g);
    collector.Run(content);
    ToTopLeft(crop, &g);
  } catch (const std::exception&) {
    return PageGraphics();  // a broken content stream: no graphics, the text still loads
  }
  return g;
}

}  // namespace acervo
