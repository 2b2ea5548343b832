// lexicon.h — a labelled phrase list read from a TSV data file, matched at word starts in
// case- and accent-folded text.
//
// Files hold one "label<TAB>phrase" per line (or a bare phrase, labelled ""); '#' starts a
// comment line. A phrase matches where it begins at a word start: "taller" finds
// "talleres" but "curso" does not find "recursos". The lexicons of the record assembler
// (kinds, group headings, table columns, amount cues, total rows) are all of this shape.
//
// The phrases are kept in a trie, so a search walks the text once from each byte that
// starts some phrase (not once per phrase): the record assembler asks many short questions
// of lexicons with hundreds of phrases. Immutable once loaded; safe to share across threads.
#ifndef ACERVO_CORE_RECORDS_LEXICON_H_
#define ACERVO_CORE_RECORDS_LEXICON_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/status.h"

namespace acervo {

struct LexiconHit {
  const std::string* label;
  size_t begin, end;  // byte span in the folded text
};

class Lexicon {
 public:
  static Result<Lexicon> Load(const std::filesystem::path& file);
  // For tests and built-in defaults: "label\tphrase" lines, as in a file.
  static Lexicon FromText(std::string_view tsv);

  // Every match in `folded` (text already passed through acervo::Fold), in text order.
  std::vector<LexiconHit> FindAll(std::string_view folded) const;
  // The longest phrase matching at a word start anywhere in `folded` whose label is in
  // `labels` (all labels when empty); nullptr when none.
  const std::string* Longest(std::string_view folded,
                             const std::vector<std::string>& labels = {}) const;
  // The label of a phrase that `folded` starts with, followed by a non-word character or
  // the end; nullptr when none.
  const std::string* Prefix(std::string_view folded) const;

  bool empty() const { return entries_.empty(); }

 private:
  struct Entry {
    std::string label, phrase;  // phrase folded
  };
  struct Node {
    std::vector<std::pair<unsigned char, int32_t>> next;  // sorted by byte
    std::vector<int32_t> entries;                         // phrases ending here, in file order
  };
  void Add(Entry entry);
  int32_t Child(int32_t node, unsigned char c) const;
  // Calls fn(at) for every byte `at` of `folded` where a phrase may begin: a phrase's first
  // byte at a word start.
  template <typename Fn>
  void ForEachStart(std::string_view folded, Fn&& fn) const;
  // Calls fn(entry index) for every phrase that `folded` holds at byte `at`, shortest first.
  template <typename Fn>
  void MatchesAt(std::string_view folded, size_t at, Fn&& fn) const;

  // Whether a phrase may open with the three bytes at `at` (false: none does, for sure).
  bool MayOpenAt(const unsigned char* bytes, size_t at, size_t n) const;

  std::vector<Entry> entries_;
  std::vector<Node> nodes_{1};                                 // nodes_[0] is the root
  std::vector<int32_t> root_ = std::vector<int32_t>(256, -1);  // the root's child by byte
  // Most word starts of a text begin some phrase's first letter but no phrase: a bit per
  // hash of the first three bytes of each phrase (a clear bit rules the word start out
  // without walking the trie), and the first bytes of the phrases shorter than three bytes,
  // which the bits cannot speak for.
  static constexpr size_t kOpeningBits = 1 << 16;
  std::vector<uint64_t> openings_ = std::vector<uint64_t>(kOpeningBits / 64, 0);
  std::vector<uint8_t> short_openings_ = std::vector<uint8_t>(256, 0);
};

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_LEXICON_H_
