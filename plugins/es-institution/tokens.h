// tokens.h — the words and punctuation marks of a passage, as es-institution reads them.
//
// Tokenize splits a passage into words (letters and digits, with inner hyphens:
// "Coparmex-CDMX", and across a hyphen that ends a line: "Aseso-\nres") and single
// punctuation marks; spaces and line breaks separate tokens and
// are dropped, tabs (table cell separators) are tokens. Each token keeps its byte span, its
// folded form (acervo::Fold) and its case. The folded forms are views into one buffer the
// caller owns, so tokenizing allocates nothing per token. Pure functions; thread-safe.
#ifndef ACERVO_PLUGINS_ES_INSTITUTION_TOKENS_H_
#define ACERVO_PLUGINS_ES_INSTITUTION_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace acervo::institution {

// A word or a punctuation mark of a passage.
struct Token {
  size_t begin = 0;  // byte span in the text
  size_t end = 0;
  std::string_view folded;  // acervo::Fold of the token (in Tokenize's buffer or the text)
  bool word = false;        // letters/digits (with inner hyphens: "Coparmex-CDMX")
  bool capital = false;     // starts with an upper-case letter or a digit
  bool all_caps = false;    // has letters, none lower-case
  bool number = false;      // starts with a digit ("2024", "10")
  // Its folded form holds a '-' or a byte 0xE2 (which starts U+2010 and U+2011): a word
  // with inner hyphens ("Coparmex-CDMX"), which the gazetteer reads part by part.
  bool hyphenated = false;
  // The word an abbreviation stands for ("Dirección" for "DIR."), or "" for other tokens;
  // set by NamePatterns::ExpandAbbreviations, which also makes the token cover the dot.
  std::string_view expansion;
  // Where NamePatterns keeps what its word lists say about this word (heads, connectors,
  // ...), so that each word is looked up once: set by NamePatterns::ExpandAbbreviations;
  // -1 when no list has the word, kNotLookedUp until then (a lookup on demand).
  static constexpr int32_t kNotLookedUp = -2;
  int32_t listed = kNotLookedUp;
  // The id the gazetteer's automaton gives the folded form (WordAutomaton::WordId), -1 when
  // no phrase has it, kNotLookedUp until Vocabulary::Annotate looked it up (or when an
  // abbreviation's expansion replaced the form): then the gazetteer looks it up itself.
  int32_t phrase_word = kNotLookedUp;
};

// The tokens of `text`. Their folded forms point into `text` and into *folded, which
// Tokenize overwrites: both must outlive the tokens, and *folded must not change meanwhile.
std::vector<Token> Tokenize(std::string_view text, std::string* folded);
// The same into *tokens, replacing what it held (a caller that keeps the vector and the
// buffer from one text to the next allocates nothing once they have grown).
void Tokenize(std::string_view text, std::string* folded, std::vector<Token>* tokens);
// The folded forms of the tokens of `text`, as strings of their own (for data files).
std::vector<std::string> FoldedTokens(std::string_view text);

// `s` without the hyphen-and-line-break of words hyphenated at the end of a line
// ("Aseso-\nres", or "Aseso- res" once the lines were joined -> "Asesores"); other text
// unchanged.
std::string JoinLineBreaks(std::string_view s);

// True for the hyphens that join two words into one token ('-', U+2010, U+2011).
bool IsHyphen(char32_t cp);

}  // namespace acervo::institution

#endif  // ACERVO_PLUGINS_ES_INSTITUTION_TOKENS_H_
