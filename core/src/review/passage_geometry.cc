// Where a record's passage lies in its stored pages: the passage split at its mentions for
// highlighting, and the region of a page it covers.
#include <algorithm>
#include <cstdio>
#include <map>

#include "review/reviews.h"

namespace acervo::review {

using nlohmann::json;
namespace {

// Byte offset of each code point of `text`, plus its size at the end.
std::vector<size_t> CodePointOffsets(const std::string& text) {
  std::vector<size_t> out;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(text.size());
  return out;
}

struct Highlight {
  size_t begin, end;  // bytes in the passage
  std::string type;
  json value;
};

// A line of the passage found in a page: bytes [page_at, page_at + size) of page `page` are
// bytes [passage_at, passage_at + size) of the passage.
struct LocatedLine {
  int page;
  size_t page_at, passage_at, size;
};

// Where the record's first segment starts, from its id ("r-<hash>-<page>-<block>[-<byte
// offset>]", records/assembler.h): the search for its lines starts there, so a short first
// line is not matched earlier on the page. {0, 0} when the id says nothing usable.
std::pair<int, size_t> StartOf(const std::string& record_id, const std::map<int, Page>& pages) {
  int page = 0;
  size_t block = 0, offset = 0;
  char hash[32];
  int n = std::sscanf(record_id.c_str(), "r-%31[0-9a-f]-%d-%zu-%zu", hash, &page, &block, &offset);
  if (n < 3) return {0, 0};
  auto it = pages.find(page);
  if (it == pages.end() || block >= it->second.blocks.size()) return {0, 0};
  return {page, it->second.blocks[block].begin + (n == 4 ? offset : 0)};
}

// Finds each line of `passage` in `pages`, in order, from `start` (page, byte) on.
std::vector<LocatedLine> LocateLines(const std::map<int, Page>& pages, const std::string& passage,
                                     std::pair<int, size_t> start) {
  std::vector<LocatedLine> out;
  auto page_it = start.first ? pages.find(start.first) : pages.begin();
  size_t page_pos = start.first ? start.second : 0, line_start = 0;
  while (line_start <= passage.size() && page_it != pages.end()) {
    size_t nl = passage.find('\n', line_start);
    if (nl == std::string::npos) nl = passage.size();
    std::string line = passage.substr(line_start, nl - line_start);
    if (!line.empty()) {
      for (auto it = page_it; it != pages.end(); ++it) {
        size_t at = it->second.text.find(line, it == page_it ? page_pos : 0);
        if (at == std::string::npos) continue;
        out.push_back({it->first, at, line_start, line.size()});
        page_it = it;
        page_pos = at + line.size();
        break;
      }
    }
    line_start = nl + 1;
  }
  return out;
}

// The passage's lines, looked for from where the record's id says it starts, and from the
// top of its first page when that finds nothing (an id from an older extraction).
std::vector<LocatedLine> LocatePassage(const ReviewedRecord& record,
                                       const std::map<int, Page>& pages) {
  const std::string passage = record.effective.value("text", "");
  std::pair<int, size_t> start = StartOf(record.id, pages);
  std::vector<LocatedLine> lines = LocateLines(pages, passage, start);
  if (lines.empty() && start.first != 0) lines = LocateLines(pages, passage, {0, 0});
  return lines;
}

std::pair<int, int> PagesOf(const json& record) {
  int first = record.value("page_start", 1);
  return {first, record.value("page_end", first)};
}

}  // namespace

Result<json> Reviews::Passage(const ReviewedRecord& record) {
  const json& e = record.effective;
  auto [first, last] = PagesOf(e);
  std::string passage = e.value("text", "");

  Result<std::map<int, Page>> pages = store_->LoadPages(record.document_id, first, last);
  if (!pages.ok()) return pages.status();
  struct Stored {
    size_t begin, end;  // bytes in the page
    std::string type;
    json value;
  };
  std::map<int, std::vector<Stored>> mentions;
  for (auto& [number, page] : *pages) {
    std::vector<size_t> cps = CodePointOffsets(page.text);
    Result<std::vector<StoredMention>> stored = store_->MentionsOnPage(record.document_id, number);
    if (!stored.ok()) return stored.status();
    for (const StoredMention& m : *stored) {
      if (m.start > m.end || m.end >= cps.size()) continue;
      mentions[number].push_back({cps[m.start], cps[m.end], m.type,
                                  m.json.is_object() ? m.json.value("value", json()) : json()});
    }
  }

  // Carry over the mentions that fall inside each line of the passage found in the pages.
  std::vector<Highlight> marks;
  for (const LocatedLine& l : LocatePassage(record, *pages)) {
    for (const Stored& m : mentions[l.page]) {
      if (m.begin >= l.page_at && m.end <= l.page_at + l.size) {
        marks.push_back({l.passage_at + m.begin - l.page_at, l.passage_at + m.end - l.page_at,
                         m.type, m.value});
      }
    }
  }
  // Mentions a reviewer added are highlighted where their text first occurs.
  if (e.contains("added_mentions") && e["added_mentions"].is_array()) {
    for (const json& m : e["added_mentions"]) {
      std::string text = m.value("text", "");
      size_t at = text.empty() ? std::string::npos : passage.find(text);
      if (at != std::string::npos) {
        marks.push_back({at, at + text.size(), m.value("type", ""), m.value("value", json())});
      }
    }
  }
  std::sort(marks.begin(), marks.end(), [](const Highlight& a, const Highlight& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });

  json spans = json::array();
  size_t pos = 0;
  for (const Highlight& h : marks) {
    if (h.begin < pos) continue;  // overlaps one already shown
    if (h.begin > pos) spans.push_back({{"text", passage.substr(pos, h.begin - pos)}});
    spans.push_back(
        {{"text", passage.substr(h.begin, h.end - h.begin)}, {"type", h.type}, {"value", h.value}});
    pos = h.end;
  }
  if (pos < passage.size()) spans.push_back({{"text", passage.substr(pos)}});
  return json{{"page_start", first}, {"page_end", last}, {"spans", spans}};
}

Result<PassageRegion> Reviews::Region(const ReviewedRecord& record, int page) {
  auto [first, last] = PagesOf(record.effective);
  if (page < first || page > last) return PassageRegion{};
  Result<std::map<int, Page>> pages = store_->LoadPages(record.document_id, first, last);
  if (!pages.ok()) return pages.status();
  auto it = pages->find(page);
  if (it == pages->end()) return PassageRegion{};
  const Page& p = it->second;
  PassageRegion region{Box{}, p.width, p.height};
  for (const LocatedLine& l : LocatePassage(record, *pages)) {
    if (l.page != page) continue;
    for (const Block& b : p.blocks) {
      if (b.box.empty() || b.end <= l.page_at || b.begin >= l.page_at + l.size) continue;
      Box& u = region.box;
      u = u.empty() ? b.box
                    : Box{std::min(u.x0, b.box.x0), std::min(u.y0, b.box.y0),
                          std::max(u.x1, b.box.x1), std::max(u.y1, b.box.y1)};
    }
  }
  return region;
}

}  // namespace acervo::review
