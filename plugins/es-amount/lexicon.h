// lexicon.h — the language data of es-amount, loaded from the plugin's data folder.
//
// Every phrase is stored folded (lower case, no accents) and matched against folded text
// with PhraseTrie::Longest, so "Dólares" and "DOLARES" both find "dolares". A space in a
// phrase matches any run of spaces in the text. Immutable after Load(), so it is safe to
// share between threads.
#ifndef ACERVO_PLUGINS_ES_AMOUNT_LEXICON_H_
#define ACERVO_PLUGINS_ES_AMOUNT_LEXICON_H_

#include <array>
#include <bitset>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/decimal.h"
#include "acervo/status.h"

namespace acervo::amount {

// The first two bytes of a set of phrases, as a table: whether one of them may start at a
// position of a text, in one lookup. False means PhraseTrie::Longest finds none there; true
// means it may (a space stands for each byte Longest takes as one: ' ', '\n', '\r').
class PhraseStarts {
 public:
  void AddOneByte(unsigned char c) { one_byte_.set(c); }
  void AddPair(unsigned char first, unsigned char second) { pairs_.set(first * 256u + second); }
  bool At(std::string_view text, size_t pos) const {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (one_byte_[c]) return true;
    return pos + 1 < text.size() && pairs_[c * 256u + static_cast<unsigned char>(text[pos + 1])];
  }

 private:
  std::bitset<256> one_byte_;  // a phrase of one byte ("$")
  std::bitset<256 * 256> pairs_;
};

// A set of phrases, each with an integer payload, matched at a position of a folded text.
class PhraseTrie {
 public:
  void Add(std::string_view folded_phrase, int payload);
  // For a trie of flags: or-s `flags` (> 0) into the phrase's payload, so that a phrase added
  // from two sets keeps both flags.
  void AddFlags(std::string_view folded_phrase, int flags);
  // The longest phrase that starts at text[pos] and ends at a word boundary (when it ends
  // in a letter or digit; with `digit_ends_word`, a digit right after a letter ends the word
  // too: "USD1,23"). Returns its payload and sets *end, or returns -1.
  int Longest(std::string_view text, size_t pos, size_t* end, bool digit_ends_word = false) const;
  // Whether Longest would find a phrase at text[pos], in a trie of flags: a phrase whose flags
  // hold `digit_ends_word_flags` is taken as Longest takes it with digit_ends_word. One walk
  // answers for the several sets whose phrases the trie holds.
  bool Any(std::string_view text, size_t pos, int digit_ends_word_flags) const;
  // Adds the first bytes of the phrases to `starts` (below).
  void MarkStarts(PhraseStarts* starts) const;

 private:
  struct Node;
  // The node of a phrase (not empty), made with its path where missing.
  Node* Insert(std::string_view folded_phrase);
  // Walks the phrases that start at text[pos] and calls at(node, end) for each that ends at
  // `end` where Longest may take it: at a word boundary, or a letter before a digit (which only
  // digit_ends_word accepts: `at` decides). Stops when `at` returns true, and returns whether
  // it did.
  template <class At>
  bool Walk(std::string_view text, size_t pos, At&& at) const;

  struct Node {
    // A node has a handful of children: a scan of them beats a tree's walk.
    std::vector<std::pair<char, std::unique_ptr<Node>>> next;
    int payload = -1;
    const Node* Child(char c) const {
      for (const auto& [byte, child] : next) {
        if (byte == c) return child.get();
      }
      return nullptr;
    }
  };
  // The first byte is looked up in a table: most positions of a text start no phrase, and
  // the scanner asks at every word (MayStartAt).
  std::array<std::unique_ptr<Node>, 256> roots_;
};

struct Currency {
  enum Kind { kSymbol, kCode, kName };
  std::string iso;  // ISO 4217; kCountry: the document country's; "" money of no settled currency
  Kind kind = kName;
  int power = 0;         // the scale an abbreviation carries: "mdp" (millones de pesos) is 6
  bool acronym = false;  // a code that is also a common acronym ("COP 26", a climate summit)
  bool word = false;     // a name that is also a common word ("un peso creciente")
  static constexpr const char* kCountry = "$country";
};

// What a table header word says of its column (see data/table_headers.tsv): kTotal is money
// unless another word says otherwise; kPercent wins over every other word.
enum class HeaderMeaning { kNone, kMoney, kCount, kTotal, kPercent };

class Lexicon {
 public:
  Status Load(const std::filesystem::path& data_dir);

  // Each returns a payload index (>= 0) and sets *end, or -1 when nothing matches at pos.
  int MatchCurrency(std::string_view folded, size_t pos, size_t* end) const {
    return currencies_trie_.Longest(folded, pos, end, /*digit_ends_word=*/true);
  }
  int MatchScale(std::string_view folded, size_t pos, size_t* end) const {
    return scales_trie_.Longest(folded, pos, end);
  }
  int MatchNumberWord(std::string_view folded, size_t pos, size_t* end) const {
    return numbers_trie_.Longest(folded, pos, end);
  }
  bool MatchSubunit(std::string_view folded, size_t pos, size_t* end) const {
    return subunits_trie_.Longest(folded, pos, end) >= 0;
  }
  // Whether a currency, scale or number word may start at folded[pos]: where none does and
  // no figure or sign stands, no expression starts (the scanner skips such words unread).
  // Two bytes are checked: most words start with a letter that some phrase starts with, far
  // fewer with its first two.
  bool MayStartNumberAt(std::string_view folded, size_t pos) const {
    return number_starts_.At(folded, pos);
  }
  // Whether a currency, scale or number word does start at folded[pos]: what an expression
  // that starts with neither a figure nor a sign needs first. The two-byte table, then the
  // tries themselves: a word that passes the table but matches no phrase ("ministerio",
  // "ciudad") costs three short walks instead of an attempted parse.
  bool StartsNumberAt(std::string_view folded, size_t pos) const {
    return number_starts_.At(folded, pos) && number_phrases_.Any(folded, pos, kCurrencyFlag);
  }
  // Whether MatchCurrency finds a currency where a word starts or at a byte that is no
  // letter or digit: where ReadUnits (units.h) looks for one.
  bool NamesCurrency(std::string_view folded) const;
  enum class Role { kOf, kAnd, kCents, kPercent, kRange };
  bool MatchConnector(Role role, std::string_view folded, size_t pos, size_t* end) const {
    return connectors_trie_[static_cast<int>(role)].Longest(folded, pos, end) >= 0;
  }

  const Currency& currency(int i) const { return currencies_[i]; }
  int scale_power(int i) const { return scale_powers_[i]; }
  // Whether the scale word is a number by itself ("mil").
  bool scale_alone(int i) const { return scale_alone_[i]; }
  const Decimal& number_value(int i) const { return number_values_[i]; }
  // Approximation phrases that stand before an amount, and those that may follow it;
  // longest first.
  const std::vector<std::string>& approximate_before() const { return approximate_before_; }
  const std::vector<std::string>& approximate_after() const { return approximate_after_; }
  // The meaning of one folded word of a table header or caption.
  HeaderMeaning Header(std::string_view folded_word) const;
  // The ISO 4217 code of a bare "$" or "pesos" in a document of `country`, "" when unknown.
  std::string CountryCurrency(std::string_view country) const;

 private:
  PhraseTrie currencies_trie_, scales_trie_, numbers_trie_, subunits_trie_;
  PhraseTrie connectors_trie_[5];
  // The phrases of currencies_trie_ (flag kCurrencyFlag), scales_trie_ and numbers_trie_
  // (kWordFlag) in one trie of flags, for StartsNumberAt.
  static constexpr int kCurrencyFlag = 1, kWordFlag = 2;
  PhraseTrie number_phrases_;
  PhraseStarts number_starts_;    // of currencies_trie_, scales_trie_ and numbers_trie_
  PhraseStarts currency_starts_;  // of currencies_trie_
  std::vector<Currency> currencies_;
  std::vector<int> scale_powers_;
  std::vector<bool> scale_alone_;
  std::vector<Decimal> number_values_;
  std::vector<std::string> approximate_before_, approximate_after_;
  std::map<std::string, HeaderMeaning, std::less<>> headers_;
  std::map<std::string, std::string, std::less<>> countries_;
};

}  // namespace acervo::amount

#endif  // ACERVO_PLUGINS_ES_AMOUNT_LEXICON_H_
