// acervo/phrase_matcher.h — finds many fixed phrases in a text in one pass (Aho-Corasick).
//
// Add every phrase with a value, call Build() once, then FindAll() or LongestAt() from any
// number of threads. Build() turns the trie into a table of transitions (one row per node,
// one column per byte that occurs in the phrases), so FindAll reads each byte of the text
// once. Matching is byte-exact: prepare both sides the same way first (fold
// them with acervo::Fold, or use acervo::MatchText and NormalizePhrase to also ignore
// spacing). Only occurrences with a word boundary at their edges are reported, as Options
// says; by default neither side may touch a word character (acervo::IsWholeWord), so "onu"
// does not match inside "donu".
#ifndef ACERVO_PHRASE_MATCHER_H_
#define ACERVO_PHRASE_MATCHER_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace acervo {

class PhraseMatcher {
 public:
  struct Options {
    // Off: no word character may touch either side of a match. On: only an edge of the
    // phrase that is itself a word character needs a boundary, so "no." matches in "no.13".
    bool boundary_only_at_word_edges = false;
    // A phrase ending in a letter may be followed by a digit ("ods" in "ods11").
    bool digit_may_follow = false;
    // A phrase ending in '*' matches any ending of its last word ("migra*": "migrantes").
    bool stems = false;
  };

  struct Match {
    size_t begin = 0;  // byte span in the searched text
    size_t end = 0;
    int value = 0;  // what Add() was given
  };

  PhraseMatcher() = default;
  explicit PhraseMatcher(Options options) : options_(options) {}

  // Adds a phrase; returns false (and adds nothing) for an empty one. A phrase added twice
  // keeps both values.
  bool Add(std::string_view phrase, int value);
  // Computes the failure links. Call once, after the last Add and before FindAll.
  void Build();
  size_t size() const { return phrases_.size(); }

  // Every occurrence; ordered by begin, then longest first, then in the order of Add.
  std::vector<Match> FindAll(std::string_view text) const;
  // False when FindAll(MatchText(original).text()) finds nothing because no phrase ends
  // anywhere in that text (true says one may: its boundaries are not checked). Reads the
  // original once, folded and squeezed on the way as MatchText prepares it, so that a caller
  // that finds nothing in most passages need not prepare them.
  bool MayOccurInMatchText(std::string_view original) const;
  // What FindAll of a matcher given `phrases` in this order (each with its index as value)
  // returns, found phrase by phrase without building the automaton: cheaper for a handful of
  // phrases searched once (the names of one record).
  static std::vector<Match> FindEach(Options options, const std::vector<std::string>& phrases,
                                     std::string_view text);
  // The longest occurrence starting exactly at byte `pos` (the first added among equals).
  std::optional<Match> LongestAt(std::string_view text, size_t pos) const;

 private:
  struct Phrase {
    int value = 0;
    uint32_t length = 0;
    bool stem = false;
    bool word_first = false;  // the phrase starts with a word character
    bool word_last = false;   // ... ends with one
    bool digit_last = false;  // ... ends with a digit
  };
  struct Node {
    std::vector<std::pair<unsigned char, int32_t>> next;  // sorted by byte
    int32_t fail = 0;
    int32_t output = -1;           // first node on the fail chain (self included) with phrases
    std::vector<int32_t> phrases;  // indices into phrases_ ending here
  };
  struct Found {
    Match match;
    int32_t phrase;  // index into phrases_, the last tie-breaker
  };
  int32_t Child(int32_t node, unsigned char c) const;
  // The facts of a phrase Add or FindEach needs; strips a stem's '*' from *phrase. False for
  // an empty phrase.
  bool Describe(std::string_view* phrase, int value, Phrase* p) const;
  // Found matches in FindAll's order, without their phrase indices.
  static std::vector<Match> Ordered(std::vector<Found>* found);
  // Whether phrase `p` found at `begin` has its boundaries; sets *end (a stem runs on).
  bool Fits(const Phrase& p, std::string_view text, size_t begin, size_t* end) const;

  Options options_;
  std::vector<Node> nodes_{1};
  std::vector<Phrase> phrases_;
  // The automaton as a table, filled by Build(): the next state of state n on a byte of class
  // k is delta_[n * classes_ + k] >> 1, the start of its own row (so n' * classes_), where
  // state n is the n-th node breadth first; the low bit says whether that state has an output.
  // Bytes that occur in no phrase share class 0, which leads back to the root; so FindAll takes
  // one lookup per byte of text, whatever the failures.
  std::vector<uint16_t> class_of_ = std::vector<uint16_t>(256, 0);
  uint32_t classes_ = 1;
  std::vector<uint32_t> delta_;
  // Filled by Build() too, apart from the nodes so that FindAll's loop stays in cache: the
  // output node of each row of delta_ (rows are the nodes in breadth-first order), and, for a
  // node with phrases, the next output on its fail chain (nodes_[fail].output). -1 ends a chain.
  std::vector<int32_t> output_;
  std::vector<int32_t> next_output_;
  // For MayOccurInMatchText, filled by Build() too: the class of each byte of an original
  // text as MatchText prepares it (an ASCII letter's lower case's), or one of these two.
  static constexpr uint16_t kSqueezed = 0xFFFF;  // whitespace MatchText squeezes
  static constexpr uint16_t kFolded = 0xFFFE;    // a byte of 0x80 and above: its run is folded
  // (An array, not a vector: a matcher built for its boundary rules alone, as FindEach makes
  // one per call, allocates nothing for it.)
  std::array<uint16_t, 256> raw_class_{};
};

}  // namespace acervo

#endif  // ACERVO_PHRASE_MATCHER_H_
