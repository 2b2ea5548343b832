// es-date/grammar.h — finds Spanish date expressions in folded text.
//
// The grammar is the table of shapes (shape.h), their patterns compiled once with RE2 from
// the Vocabulary (month words, ordinals, parts of a year) and run over acervo::FoldedText, so
// "ENERO", "Enero" and "enero" are one word and spans map back to the original text. Scan returns
// every date, range and list item, left to right and not overlapping (the longest expression wins
// where two start at the same place), with years still missing where the text leaves them out. A
// Grammar is immutable after Compile and safe to share between threads.
#ifndef ACERVO_PLUGINS_ES_DATE_GRAMMAR_H_
#define ACERVO_PLUGINS_ES_DATE_GRAMMAR_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "acervo/status.h"
#include "acervo/text.h"
#include "calendar.h"
#include "vocabulary.h"

namespace re2 {
class RE2;
class StringPiece;
}  // namespace re2

namespace acervo::es_date {

struct Shape;
class AnchorWords;

// One date or range the text states, before its year is settled.
struct Expression {
  size_t begin = 0;  // byte span in the folded text
  size_t end = 0;
  DatePoint first;  // a single date has first == last
  DatePoint last;
  bool numeric = false;      // written in digits (29/02/2024)
  bool ambiguous = false;    // digits whose day/month order is a guess (03/04/2024)
  bool bare_month = false;   // a month name alone ("en octubre")
  bool shared_year = false;  // year taken from another item of the same list or range
  bool list_item = false;    // one date of a list ("13", "20" in "13, 20 y 27 de febrero")
  bool year_back = false;    // the year is a word pointing back: "14 de junio de ese año"
  int year_shift = 0;        // years to add to the year pointed to: "del año siguiente" 1
  bool year_now = false;     // it points to the document's time: "del presente año"
  bool month_back = false;   // so is the month: "el 20 de ese mismo mes" (month 0 until settled)
  int direction = 0;         // -1 after "pasado" (before the document's time), +1 after "próximo"
  bool year_ends = false;    // an end is a bare year: "de 2014 hasta mayo de 2018" (year_ends.h)
  bool HasYears() const { return first.year != 0 && last.year != 0; }
};

// A four-digit year the text states outside a date ("ejercicio 2023", "año 2020").
struct YearMention {
  size_t begin = 0;  // byte offset in the folded text
  int year = 0;
};

// The named groups of the shapes' matches one document has shown, so that a span that comes
// again ("31 de diciembre de 2023") is not read by RE2's NFA once more: the groups of a match
// depend only on its rule, its bytes and the byte on either side, and of these only on what
// the rule's pattern tells apart (digits by class; a side byte by being a word byte or not,
// for a pattern whose only edge is \b). Belongs to one Run, so to one thread; Grammar::Scan
// works without one.
class GroupCache {
 private:
  friend class Grammar;
  // rule, edges and span -> each group's (offset from the span's start, size); -1: absent
  std::unordered_map<std::string, std::vector<std::pair<int, int>>> groups_;
};

class Grammar {
 public:
  static Result<std::unique_ptr<Grammar>> Compile(Vocabulary vocabulary);
  ~Grammar();

  // The vocabulary the grammar was built from.
  const Vocabulary& words() const { return vocabulary_; }
  // The date expressions of text, in order.
  void Scan(const FoldedText& text, std::vector<Expression>* out,
            GroupCache* cache = nullptr) const;
  // Years stated as such ("del ejercicio 2023", "en el año 2020") in folded text.
  void FindYearMentions(std::string_view folded, std::vector<YearMention>* out) const;
  // Every plausible year (1600-2099, a whole word, not "Agenda 2030", not an identifier's
  // "210/2011") in folded text, dates' own years included.
  void FindYears(std::string_view folded, std::vector<YearMention>* out) const;
  // Whether the year at folded[offset] is a time ("en 2019", "el 4 de mayo de 2018"), not
  // the year of a law or a title ("Ley 80 de 1993", "Lima 2035").
  bool IsTimeYear(std::string_view folded, size_t offset) const;
  // The first plausible year in a folded heading, or 0; *only_year tells whether the
  // heading says nothing else ("2019", "Año 2019:").
  int HeadingYear(std::string_view folded, bool* only_year) const;

 private:
  struct Rule;
  struct ShapeSet;
  struct Candidate;
  struct ReadScratch;
  explicit Grammar(Vocabulary vocabulary);
  Status Add(const Shape& shape, int preference, const std::string& pattern);
  // Where the search for each anchor's shapes starts in folded text (a little before the
  // anchor's first occurrence; text.size() when it has none), into starts[kAnchorCount].
  // False when the text holds no anchor at all.
  bool AnchorStarts(std::string_view text, size_t* starts) const;
  // The groups of the match of `rule` spanning exactly text[b, e) into groups[0, n), from
  // the cache when it has them. False when RE2 finds no such match (it always should).
  static bool ReadGroups(const Rule& rule, const re2::StringPiece& text, size_t b, size_t e, int n,
                         GroupCache* cache, re2::StringPiece* groups);
  // Reads c's groups and runs its rule's action on them: whether the action takes c (also
  // kept in c->state, with the action's expressions).
  bool Read(const FoldedText& text, GroupCache* cache, ReadScratch* scratch, Candidate* c) const;
  // Appends the candidates of one rule from folded offset `pos` on, as a search that resumes
  // after each match the rule's action takes (else one byte after the match's start) finds
  // them: whole words outside URLs, most of them not yet read.
  void FindSpans(const Rule& rule, const FoldedText& text, size_t pos,
                 const std::vector<std::pair<size_t, size_t>>& urls, GroupCache* cache,
                 ReadScratch* scratch, std::vector<Candidate>* out) const;
  // The byte spans of the URLs in folded text, where no date is read.
  std::vector<std::pair<size_t, size_t>> Urls(std::string_view text) const;
  // Joins two dates that a connector makes one range ("de 1-10-2018 a 7-10-2018", "desde 12
  // ene. 2016 hasta 22-ene-2016"), for shapes the patterns do not spell out.
  void MergeRanges(std::string_view folded, size_t first, std::vector<Expression>* out) const;
  // Gives a year-less date of a list ("20 de julio, 14 de septiembre y 1 de octubre de
  // 2020") the year of its neighbour.
  static void ShareListYears(std::string_view folded, std::vector<Expression>::iterator begin,
                             std::vector<Expression>::iterator end);

  Vocabulary vocabulary_;
  std::vector<std::unique_ptr<Rule>> rules_;
  std::vector<std::unique_ptr<re2::RE2>> anchors_;  // indexed by Anchor (shape.h)
  std::unique_ptr<AnchorWords> anchor_words_;       // the anchors' first places; null: any_anchor_
  std::unique_ptr<ShapeSet> any_anchor_;  // the anchors, to skip a passage that holds none
  std::unique_ptr<ShapeSet> any_shape_;   // every shape's pattern, to skip the absent ones
  std::unique_ptr<re2::RE2> url_;
};

}  // namespace acervo::es_date

#endif  // ACERVO_PLUGINS_ES_DATE_GRAMMAR_H_
