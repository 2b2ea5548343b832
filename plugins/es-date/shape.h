// es-date/shape.h — the shapes of a Spanish date expression, one table entry each.
//
// Shapes() is the grammar as data: every entry names a shape, the cheap anchor a passage
// must contain for the shape to match, its pattern (with placeholders that Grammar::Compile
// expands from the Vocabulary, listed below) and the action that turns one match into
// Expressions. The order of the table is the preference when two shapes match the same
// text. A Match is the read-only view an action gets of one regular-expression match.
// The table is built once and immutable; actions keep no state, so all of it is safe to
// share between threads.
//
// Placeholders: {S} space, {_} optional space, {PRE} "del"/"desde"/"entre" before a date,
// {M:x} a month word, {E:x} an English month word, {D:x} a day (digits or words, with an optional
// "º"), {Y:x} an optional year after a date (digits, words, or "de ese año"; {YH:x} also a year
// before 1600 after "de", for single days and months), {C:x} a range or list
// connector, {YD} four year digits, {MK} an optional mark after a day number ("1º", "1ro."),
// {MONTHS} month words, {DAYWORDS} day words, {ORD} ordinals, {PART} parts of a year, {MA} words
// that point back to a month ("ese mes").
#ifndef ACERVO_PLUGINS_ES_DATE_SHAPE_H_
#define ACERVO_PLUGINS_ES_DATE_SHAPE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "acervo/text.h"
#include "grammar.h"
#include "vocabulary.h"

namespace acervo::es_date {

// What a match of a shape must contain; a passage without it skips the shape, and the
// search starts a little before its first occurrence.
enum Anchor {
  kMonthWord,
  kDigitsSeparated,
  kYearPartWord,
  kMonthBack,
  kEnglishMonth,
  kAnchorCount
};

// A pattern's named groups with their capture indices: a handful, looked at in turn, which
// costs less than a tree's walk for every group an action asks about.
class GroupIndex {
 public:
  void Add(std::string name, int index) { groups_.emplace_back(std::move(name), index); }
  // The capture index of `name`, or -1 when the pattern has no such group.
  int Find(std::string_view name) const {
    for (const auto& [n, index] : groups_) {
      if (n == name) return index;
    }
    return -1;
  }

 private:
  std::vector<std::pair<std::string, int>> groups_;
};

// One match of a shape's pattern, with its named groups.
class Match {
 public:
  Match(const Vocabulary& vocabulary, const FoldedText& text, const GroupIndex& groups,
        const std::vector<std::string_view>& values);

  const FoldedText& text() const { return text_; }
  std::string_view folded() const { return text_.text(); }
  const Vocabulary& words() const { return vocabulary_; }

  // A named group's text; a null view when the group did not take part.
  std::string_view Get(const char* name) const;
  bool Has(const char* name) const { return Get(name).data() != nullptr; }
  // Where a piece of the match starts in the folded text.
  size_t Offset(std::string_view part) const;
  size_t End(std::string_view part) const { return Offset(part) + part.size(); }
  const MonthWord* Month(const char* name) const;
  // The year of a {Y:x} group: digits ("95" is 1995), words, or 0 when absent or anaphoric.
  int Year(const char* name) const;
  int Day(const char* name) const;
  // The connector of a {C:c} group: "-", "a", "al", "hasta" or "y".
  std::string_view Connector() const { return Has("cd") ? Get("cd") : Get("cw"); }
  // A connector word has a space before it, or digits the OCR glued it to ("2022a").
  bool ConnectorStandsAlone() const;
  std::string_view Prefix() const { return Get("pre"); }
  // "entre ... y ...": "y" closes a range, not a list ("durante julio y agosto" is two).
  bool Between() const;

  // An expression spanning the whole match, with its direction ("pasado 11 de noviembre")
  // and whether a year word points back ("de ese año").
  Expression Whole() const;
  // Sets e's year_back, year_shift and year_now from the phrase of `group` ("y1x": "del
  // año siguiente"); leaves e pointing nowhere when the group did not match.
  void PointYear(const char* group, Expression* e) const;
  // Two dates joined by "y": one list item each, the first ending at a_end, the second
  // starting at `second`; a missing year comes from the other. False when either is invalid.
  bool EmitPair(DatePoint a, DatePoint b, size_t a_end, size_t second,
                std::vector<Expression>* out) const;
  // One range from a to b on e's span; an end lacking its year takes the other's, a year
  // apart when the range crosses New Year. False when it is not a forward range.
  bool EmitRange(Expression e, DatePoint a, DatePoint b, std::vector<Expression>* out) const;

 private:
  const Vocabulary& vocabulary_;
  const FoldedText& text_;
  const GroupIndex& groups_;
  const std::vector<std::string_view>& values_;
};

using Action = bool (*)(const Match&, std::vector<Expression>*);

struct Shape {
  const char* name;  // for tests and messages: "day", "month-range"
  Anchor anchor;
  std::string pattern;  // with the placeholders above
  Action action;        // appends the match's expressions; false rejects the match
};

const std::vector<Shape>& Shapes();

}  // namespace acervo::es_date

#endif  // ACERVO_PLUGINS_ES_DATE_SHAPE_H_
