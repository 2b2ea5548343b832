// passage.h — the segments of a document with the mentions that fall in each, and the
// small questions the record assembler asks about one segment (does it carry a date? is
// this row a TOTAL row? which cell is this mention in?).
#ifndef ACERVO_CORE_RECORDS_PASSAGE_H_
#define ACERVO_CORE_RECORDS_PASSAGE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "acervo/document.h"
#include "acervo/extraction.h"
#include "document/segments.h"
#include "records/rules.h"

namespace acervo {

class Passages {
 public:
  // `mentions` must be sorted by (page, byte_start), as the engine leaves them.
  Passages(const Document& document, const SegmentList& segments,
           const std::vector<PlacedMention>& mentions);

  size_t size() const { return entries_.size(); }
  const SegmentEntry& entry(size_t i) const { return entries_[i]; }
  const Segment& segment(size_t i) const { return entries_[i].segment; }
  const Block& block(size_t i) const;
  int page(size_t i) const;  // the page number
  const std::vector<const PlacedMention*>& mentions(size_t i) const { return mentions_[i]; }
  const Document& document() const { return document_; }

  // A date of at least month precision (bare years are context, not an activity's date).
  static bool IsActivityDate(const PlacedMention& m);
  bool HasDate(size_t i) const;
  bool HasAmount(size_t i) const;
  // Bytes of the segment outside its date mentions that still hold words: a bullet that is
  // nothing but "11 de junio de 2021" is a field of something else, not an activity. Counted
  // once per segment (the segmenter asks again for every heading and section).
  int WordsOutsideDates(size_t i) const;
  // The mention's offset in bytes from the start of its segment.
  size_t OffsetIn(size_t i, const PlacedMention& m) const;

  // For table rows: the table index (-1 otherwise), and whether the row states a sum
  // ("total" or "subtotal", from the total-row lexicon; "" when it does not).
  int table(size_t i) const { return block(i).table; }
  std::string TotalScope(size_t i, const RecordRules& rules) const;

  // Fold(text), the hits of a lexicon in an already folded text, and HeadingWords(heading),
  // each made once per distinct text and kept while these Passages live: the segmenter and
  // the assembler ask about the same headings, table headers, captions and paragraphs for
  // every section, row and record under them. The references stay valid as long as this
  // object. Not thread-safe: a Passages belongs to one document's assembly, on one thread.
  const std::string& Folded(std::string_view text) const;
  const std::vector<LexiconHit>& FoldedHits(const Lexicon& lexicon, std::string_view folded) const;
  std::string_view HeadingWordsOf(std::string_view heading) const;
  // FoldedHits(lexicon, Folded(text)); nothing to look up or fold when the lexicon is empty
  // (a pipeline without record rules).
  const std::vector<LexiconHit>& HitsIn(const Lexicon& lexicon, std::string_view text) const;

 private:
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename V>
  using TextMap = std::unordered_map<std::string, V, TextHash, std::equal_to<>>;
  int CountWordsOutsideDates(size_t i) const;

  const Document& document_;
  const std::vector<SegmentEntry>& entries_;
  std::vector<std::vector<const PlacedMention*>> mentions_;
  mutable std::vector<int> words_outside_dates_;  // -1: not counted yet
  mutable TextMap<std::string> folded_;
  mutable std::unordered_map<const Lexicon*, TextMap<std::vector<LexiconHit>>> hits_;
};

// The cells of a table row (split on '\t', trimmed) and the cell holding byte `offset`.
std::vector<std::string_view> CellsOf(std::string_view row);
size_t CellIndexAt(std::string_view row, size_t offset);

// "3.1.2 Acciones de …" -> "acciones de …": a heading's folded words without its number.
std::string HeadingWords(std::string_view heading);

// The first `max_bytes` bytes of `text` or fewer, cut at a code point boundary.
std::string_view LeadOf(std::string_view text, size_t max_bytes);

// True when most letters are capitals ("REUNIONES BILATERALES", "EJE 1. …").
bool IsMostlyUpperCase(std::string_view text);

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_PASSAGE_H_
