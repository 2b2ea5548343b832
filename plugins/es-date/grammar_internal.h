// es-date/grammar_internal.h — what the parts of Grammar (grammar.cc, grammar_scan.cc,
// grammar_years.cc) share and nobody else needs: the compiled rules, immutable after Compile
// as Grammar is, and the candidates and scratch of one Scan, which belong to its thread.
#ifndef ACERVO_PLUGINS_ES_DATE_GRAMMAR_INTERNAL_H_
#define ACERVO_PLUGINS_ES_DATE_GRAMMAR_INTERNAL_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string_view>
#include <vector>

#include "grammar.h"
#include "shape.h"

namespace acervo::es_date {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Whether a match at folded[begin, end) stands on its own: whole words, and digits that are
// not part of a larger number, identifier ("CT/01/2024") or decimal ("9.1 enero").
bool StandsAlone(std::string_view s, size_t begin, size_t end);

struct Grammar::Rule {
  const Shape* shape;
  int preference;  // the shape's place in the table: lower wins a tie
  std::unique_ptr<RE2> re;
  int group_count;       // the whole match and every capturing group
  bool word_edges_only;  // no ^, $, \A or \z: only \b reads the bytes beside a match
  // Each digit's class: digits the pattern never tells apart share one ('7' and '8' when it
  // only says \d, [6-9] and 1), so spans that differ only within classes share groups.
  char digit_class[10];
  GroupIndex groups;
};

struct Grammar::ShapeSet {
  explicit ShapeSet(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}
  RE2::Set set;  // shape i is pattern i
};

// A match of one rule: its span, found with the DFAs; its groups and action are read only
// when the span may win (Scan), or when where the rule's search resumes depends on it.
struct Grammar::Candidate {
  enum State { kUnread, kAccepted, kRejected };
  size_t begin, end;
  const Rule* rule;
  State state;
  std::vector<Expression> expressions;  // the action's, once accepted
};

struct Grammar::ReadScratch {
  std::vector<re2::StringPiece> groups;
  std::vector<std::string_view> views;
};

}  // namespace acervo::es_date

#endif  // ACERVO_PLUGINS_ES_DATE_GRAMMAR_INTERNAL_H_
