#include "records/passage.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "acervo/text.h"

namespace acervo {
namespace {

// A folded heading without its number: "3.1.2 acciones de …" -> "acciones de …".
std::string_view WithoutHeadingNumber(std::string_view folded) {
  size_t at = 0;
  while (at < folded.size() && (std::isdigit(static_cast<unsigned char>(folded[at])) ||
                                folded[at] == '.' || folded[at] == ' ' || folded[at] == ')')) {
    ++at;
  }
  return folded.substr(at);
}

}  // namespace

Passages::Passages(const Document& document, const SegmentList& segments,
                   const std::vector<PlacedMention>& mentions)
    : document_(document),
      entries_(segments.entries()),
      mentions_(entries_.size()),
      words_outside_dates_(entries_.size(), -1) {
  for (size_t i = 0; i < entries_.size(); ++i) {
    const SegmentEntry& e = entries_[i];
    int pn = document.pages[e.page_index].number;
    size_t begin = e.page_offset, end = e.page_offset + e.segment.text.size();
    auto it =
        std::lower_bound(mentions.begin(), mentions.end(), std::pair{pn, begin},
                         [](const PlacedMention& m, const std::pair<int, size_t>& key) {
                           return std::tie(m.page, m.byte_start) < std::tie(key.first, key.second);
                         });
    for (; it != mentions.end() && it->page == pn && it->byte_start < end; ++it) {
      if (it->byte_end <= end) mentions_[i].push_back(&*it);
    }
  }
}

const Block& Passages::block(size_t i) const {
  const SegmentEntry& e = entries_[i];
  return document_.pages[e.page_index].blocks[e.block_index];
}

int Passages::page(size_t i) const { return document_.pages[entries_[i].page_index].number; }

bool Passages::IsActivityDate(const PlacedMention& m) {
  return m.type == "date" &&
         !(m.value.is_object() && m.value.contains("precision") && m.value["precision"] == "year");
}

bool Passages::HasDate(size_t i) const {
  return std::any_of(mentions_[i].begin(), mentions_[i].end(),
                     [](const PlacedMention* m) { return IsActivityDate(*m); });
}

bool Passages::HasAmount(size_t i) const {
  return std::any_of(mentions_[i].begin(), mentions_[i].end(),
                     [](const PlacedMention* m) { return m->type == "amount"; });
}

size_t Passages::OffsetIn(size_t i, const PlacedMention& m) const {
  return m.byte_start - entries_[i].page_offset;
}

int Passages::WordsOutsideDates(size_t i) const {
  int& known = words_outside_dates_[i];
  if (known < 0) known = CountWordsOutsideDates(i);
  return known;
}

int Passages::CountWordsOutsideDates(size_t i) const {
  // The words of each stretch between dates, counted apart: a date ends a word as a space
  // does.
  auto words_in = [](std::string_view stretch) {
    int words = 0;
    bool in_word = false;
    size_t pos = 0;
    while (pos < stretch.size()) {
      auto c = static_cast<unsigned char>(stretch[pos]);
      bool letter;
      if (c < 0x80) {  // most: no decoding
        letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        ++pos;
      } else {
        char32_t cp = NextCodePoint(stretch, &pos);
        letter = IsWordCodePoint(cp);
      }
      if (letter && !in_word) ++words;
      in_word = letter;
    }
    return words;
  };
  std::string_view text = segment(i).text;
  int words = 0;
  size_t at = 0;
  for (const PlacedMention* m : mentions_[i]) {
    if (!IsActivityDate(*m)) continue;
    size_t b = OffsetIn(i, *m), e = b + (m->byte_end - m->byte_start);
    if (b >= at) words += words_in(text.substr(at, b - at));
    at = std::max(at, e);
  }
  if (at < text.size()) words += words_in(text.substr(at));
  return words;
}

const std::string& Passages::Folded(std::string_view text) const {
  auto it = folded_.find(text);
  if (it == folded_.end()) it = folded_.emplace(std::string(text), Fold(text)).first;
  return it->second;
}

const std::vector<LexiconHit>& Passages::HitsIn(const Lexicon& lexicon,
                                                std::string_view text) const {
  static const std::vector<LexiconHit> kNone;
  if (lexicon.empty()) return kNone;
  return FoldedHits(lexicon, Folded(text));
}

const std::vector<LexiconHit>& Passages::FoldedHits(const Lexicon& lexicon,
                                                    std::string_view folded) const {
  TextMap<std::vector<LexiconHit>>& hits = hits_[&lexicon];
  auto it = hits.find(folded);
  if (it == hits.end()) it = hits.emplace(std::string(folded), lexicon.FindAll(folded)).first;
  return it->second;
}

std::string_view Passages::HeadingWordsOf(std::string_view heading) const {
  return WithoutHeadingNumber(Folded(heading));
}

std::string Passages::TotalScope(size_t i, const RecordRules& rules) const {
  if (segment(i).kind != SegmentKind::kTableRow) return "";
  for (std::string_view cell : CellsOf(segment(i).text)) {
    if (cell.empty()) continue;
    const std::string* scope = rules.total_rows.Prefix(Folded(cell));
    return scope ? *scope : "";
  }
  return "";
}

std::vector<std::string_view> CellsOf(std::string_view row) {
  std::vector<std::string_view> cells;
  size_t start = 0;
  while (true) {
    size_t tab = row.find('\t', start);
    std::string_view cell = row.substr(start, tab == std::string_view::npos ? tab : tab - start);
    while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
    while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
    cells.push_back(cell);
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cells;
}

size_t CellIndexAt(std::string_view row, size_t offset) {
  offset = std::min(offset, row.size());
  return static_cast<size_t>(std::count(row.begin(), row.begin() + offset, '\t'));
}

bool IsMostlyUpperCase(std::string_view text) {
  int upper = 0, lower = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    if (auto c = static_cast<unsigned char>(text[pos]); c < 0x80) {  // most letters: no ICU
      upper += c >= 'A' && c <= 'Z';
      lower += c >= 'a' && c <= 'z';
      ++pos;
      continue;
    }
    char32_t cp = NextCodePoint(text, &pos);
    if (u_isupper(static_cast<UChar32>(cp)))
      ++upper;
    else if (u_islower(static_cast<UChar32>(cp)))
      ++lower;
  }
  return upper >= 3 && lower * 5 <= upper;
}

std::string HeadingWords(std::string_view heading) {
  return std::string(WithoutHeadingNumber(Fold(heading)));
}

std::string_view LeadOf(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return text.substr(0, n);
}

}  // namespace acervo
