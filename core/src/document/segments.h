// segments.h — a document's blocks as the Segments extractors see, in reading order, each
// with its enclosing headings and, for table rows, its table's caption and header.
#ifndef ACERVO_CORE_DOCUMENT_SEGMENTS_H_
#define ACERVO_CORE_DOCUMENT_SEGMENTS_H_

#include <string_view>
#include <vector>

#include "acervo/document.h"
#include "acervo/plugin.h"

namespace acervo {

struct SegmentEntry {
  Segment segment;
  size_t page_index = 0;  // index into Document::pages
  size_t block_index = 0;
  size_t page_offset = 0;  // byte offset of segment.text in the page text
};

// Owns the views the segments point into; the document must outlive it.
class SegmentList {
 public:
  explicit SegmentList(const Document& document);
  SegmentList(const SegmentList&) = delete;
  SegmentList& operator=(const SegmentList&) = delete;

  const std::vector<SegmentEntry>& entries() const { return entries_; }

 private:
  std::vector<SegmentEntry> entries_;
  std::vector<std::vector<std::string_view>> heading_stacks_;
  std::vector<std::vector<std::string_view>> captions_;  // per table
  std::vector<std::vector<std::string_view>> headers_;   // per table
};

}  // namespace acervo

#endif  // ACERVO_CORE_DOCUMENT_SEGMENTS_H_
