// phrase_matcher.h — finds many fixed phrases in a text in one pass (Aho-Corasick).
//
// Add every phrase with a value, call Build() once, then FindAll() from any number of
// threads. Matching is byte-exact: fold both the phrases and the text first (acervo::Fold)
// for case- and accent-insensitive matching. Only whole-word occurrences are reported
// (acervo::IsWholeWord), so "onu" does not match inside "donu".
#ifndef ACERVO_PLUGINS_ES_INSTITUTION_PHRASE_MATCHER_H_
#define ACERVO_PLUGINS_ES_INSTITUTION_PHRASE_MATCHER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace acervo::institution {

class PhraseMatcher {
 public:
  struct Match {
    size_t begin = 0;  // byte span in the searched text
    size_t end = 0;
    int value = 0;
  };

  // Adds a phrase; an empty phrase is ignored. A phrase added twice keeps both values.
  void Add(std::string_view phrase, int value);
  // Computes the failure links. Call once, after the last Add and before FindAll.
  void Build();
  // Every whole-word occurrence of every phrase, ordered by begin, then longest first.
  std::vector<Match> FindAll(std::string_view text) const;
  size_t size() const { return phrases_; }

 private:
  struct Node {
    std::vector<std::pair<unsigned char, int32_t>> next;  // sorted by byte
    int32_t fail = 0;
    int32_t output = -1;       // first node on the fail chain (self included) with values
    std::vector<std::pair<int, uint32_t>> values;  // (value, phrase length)
  };
  int32_t Child(int32_t node, unsigned char c) const;

  std::vector<Node> nodes_{1};
  size_t phrases_ = 0;
};

}  // namespace acervo::institution

#endif  // ACERVO_PLUGINS_ES_INSTITUTION_PHRASE_MATCHER_H_
