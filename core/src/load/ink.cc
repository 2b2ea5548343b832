#include "load/ink.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace acervo {
namespace {

// The pixel rectangle [x0, x1) x [y0, y1) of `box`, clipped to the image.
struct Rect {
  int x0, y0, x1, y1;
};

Rect Clip(const GrayImage& image, const Box& box) {
  auto clamp = [](double v, int hi) { return std::clamp(static_cast<int>(std::lround(v)), 0, hi); };
  return Rect{clamp(box.x0, image.width), clamp(box.y0, image.height), clamp(box.x1, image.width),
              clamp(box.y1, image.height)};
}

bool Ink(const GrayImage& image, int x, int y) {
  return image.pixels[static_cast<size_t>(y) * image.bytes_per_row + x] < kInkLevel;
}

}  // namespace

double StrokeWidth(const GrayImage& image, const Box& box) {
  Rect r = Clip(image, box);
  long ink = 0, runs = 0;
  for (int y = r.y0; y < r.y1; ++y) {
    bool in_run = false;
    for (int x = r.x0; x < r.x1; ++x) {
      bool on = Ink(image, x, y);
      ink += on;
      runs += on && !in_run;
      in_run = on;
    }
  }
  return runs == 0 ? 0 : static_cast<double>(ink) / runs;
}

std::optional<Box> FindMark(const GrayImage& image, const Box& region, double min_size,
                            double max_size) {
  Rect r = Clip(image, region);
  int w = r.x1 - r.x0, h = r.y1 - r.y0;
  if (w <= 0 || h <= 0) return std::nullopt;
  // Connected components (8-neighbourhood) of the region's ink, by flood fill.
  std::vector<int> label(static_cast<size_t>(w) * h, 0);
  std::optional<Box> mark;
  int next = 0;
  std::vector<std::pair<int, int>> stack;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      if (label[y * w + x] != 0 || !Ink(image, r.x0 + x, r.y0 + y)) continue;
      label[y * w + x] = ++next;
      stack.assign(1, {x, y});
      int count = 0, bx0 = x, by0 = y, bx1 = x, by1 = y;
      while (!stack.empty()) {
        auto [cx, cy] = stack.back();
        stack.pop_back();
        ++count;
        bx0 = std::min(bx0, cx), by0 = std::min(by0, cy);
        bx1 = std::max(bx1, cx), by1 = std::max(by1, cy);
        for (int dy = -1; dy <= 1; ++dy) {
          for (int dx = -1; dx <= 1; ++dx) {
            int nx = cx + dx, ny = cy + dy;
            if (nx < 0 || ny < 0 || nx >= w || ny >= h || label[ny * w + nx] != 0) continue;
            if (!Ink(image, r.x0 + nx, r.y0 + ny)) continue;
            label[ny * w + nx] = next;
            stack.push_back({nx, ny});
          }
        }
      }
      if (count <= 2) continue;  // a speck
      int bw = bx1 - bx0 + 1, bh = by1 - by0 + 1;
      bool solid = bw >= min_size && bh >= min_size && bw <= max_size && bh <= max_size &&
                   2 * count >= bw * bh;
      if (!solid || mark) return std::nullopt;  // something else, or a second mark
      mark = Box{static_cast<double>(r.x0 + bx0), static_cast<double>(r.y0 + by0),
                 static_cast<double>(r.x0 + bx1 + 1), static_cast<double>(r.y0 + by1 + 1)};
    }
  }
  return mark;
}

}  // namespace acervo
