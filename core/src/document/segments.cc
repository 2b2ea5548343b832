#include "document/segments.h"

namespace acervo {
namespace {

// A heading that is only a year ("2019") heads a chronology: it outranks the month or topic
// headings under it even where the page sets both at one size (a PDF loses markdown's ### and
// ####). Ranks are levels doubled, a year heading's made one smaller, so that "ABRIL" stays
// under "2019" until the next year heading or a heading of a higher level.
bool IsYearHeading(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  if (text.size() != 4) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return text[0] == '1' || text[0] == '2';
}

int Rank(const Block& b, std::string_view text) {
  return 2 * b.heading_level - (IsYearHeading(text) ? 1 : 0);
}

}  // namespace

SegmentList::SegmentList(const Document& document) {
  for (const Table& t : document.tables) {
    captions_.emplace_back(t.caption.begin(), t.caption.end());
    headers_.emplace_back(t.header.begin(), t.header.end());
  }
  // Count first so the heading stacks never reallocate under the spans.
  size_t blocks = 0;
  for (const Page& p : document.pages) blocks += p.blocks.size();
  heading_stacks_.reserve(blocks);
  entries_.reserve(blocks);

  std::vector<std::pair<int, std::string_view>> open;  // (rank, text) of enclosing headings
  for (size_t pi = 0; pi < document.pages.size(); ++pi) {
    const Page& page = document.pages[pi];
    for (size_t bi = 0; bi < page.blocks.size(); ++bi) {
      const Block& b = page.blocks[bi];
      std::string_view text = std::string_view(page.text).substr(b.begin, b.end - b.begin);
      if (b.kind == SegmentKind::kHeading) {
        while (!open.empty() && open.back().first >= Rank(b, text)) open.pop_back();
      }
      auto& stack = heading_stacks_.emplace_back();
      for (const auto& [level, heading] : open) stack.push_back(heading);

      SegmentEntry e;
      e.segment.text = text;
      e.segment.kind = b.kind;
      e.segment.heading_level = b.heading_level;
      e.segment.page = page.number;
      e.segment.headings = stack;
      if (b.table >= 0 && static_cast<size_t>(b.table) < document.tables.size()) {
        e.segment.table_caption = captions_[b.table];
        if (!b.header_row) e.segment.table_header = headers_[b.table];
        e.segment.is_header_row = b.header_row;
      }
      e.page_index = pi;
      e.block_index = bi;
      e.page_offset = b.begin;
      entries_.push_back(e);

      if (b.kind == SegmentKind::kHeading) open.emplace_back(Rank(b, text), text);
    }
  }
}

}  // namespace acervo
