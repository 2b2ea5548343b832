#include "records/folded_slices.h"

#include <algorithm>

namespace acervo {
namespace {

// Byte `at` of `text` starts a code point, or is its end: a continuation byte never does,
// and a decoder never takes any other byte into the code point before it.
bool AtBoundary(std::string_view text, size_t at) {
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

}  // namespace

size_t FoldedSlices::FoldedOffset(size_t offset) const {
  size_t lo = 0, hi = folded_.text().size();  // ToOriginal(size) is the original's end
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (folded_.ToOriginal(mid) < offset) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

std::string_view FoldedSlices::Slice(size_t begin, size_t end, std::string* scratch) const {
  std::string_view original = folded_.original();
  end = std::min(end, original.size());
  begin = std::min(begin, end);
  if (!AtBoundary(original, begin) || !AtBoundary(original, end)) {
    *scratch = Fold(original.substr(begin, end - begin));
    return *scratch;
  }
  size_t from = FoldedOffset(begin);
  return std::string_view(folded_.text()).substr(from, FoldedOffset(end) - from);
}

}  // namespace acervo
