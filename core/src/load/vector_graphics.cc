#include "load/vector_graphics.h"

#include <algorithm>
#include <cmath>

namespace acervo {
namespace {

// A piece of a path is axis-aligned when it leans less than this (points) over its length.
constexpr double kStraight = 0.5;

}  // namespace

void AddPaintedSubpath(const Subpath& s, bool fill, bool stroke, PageGraphics* out) {
  if (s.points.empty()) return;
  const std::vector<Point>& points = s.points;
  const std::vector<bool>& curved = s.curved;
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

}  // namespace acervo
