// folded_slices.h — a paragraph folded once (acervo::Fold), and the folding of any of its
// slices read from it.
//
// Folding works code point by code point, so the folding of a slice whose ends fall on
// code point boundaries is a slice of the folded paragraph: the clause finder folds the
// same paragraph's leads, rests and list items many times over, and reads them here
// instead. A slice cut inside a code point is folded on its own, as Fold would. The
// paragraph must outlive this object. Immutable once built; thread-compatible.
#ifndef ACERVO_CORE_RECORDS_FOLDED_SLICES_H_
#define ACERVO_CORE_RECORDS_FOLDED_SLICES_H_

#include <string>
#include <string_view>

#include "acervo/text.h"

namespace acervo {

class FoldedSlices {
 public:
  explicit FoldedSlices(std::string_view paragraph) : folded_(paragraph) {}

  const FoldedText& folded() const { return folded_; }
  // Fold(paragraph.substr(begin, end - begin)): a view of the folded paragraph, or of
  // *scratch, which it overwrites, when an end falls inside a code point.
  std::string_view Slice(size_t begin, size_t end, std::string* scratch) const;

 private:
  // The first folded byte that comes from original byte `offset` or later.
  size_t FoldedOffset(size_t offset) const;

  FoldedText folded_;
};

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_FOLDED_SLICES_H_
