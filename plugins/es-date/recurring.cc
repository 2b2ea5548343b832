#include "recurring.h"

#include <algorithm>
#include <string>

namespace acervo::es_date {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r'; }
bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }

// Whether folded[.., end) ends with `words` (single spaces standing for any run of them), as
// whole words.
bool EndsWithWords(std::string_view s, size_t end, std::string_view words) {
  size_t i = end, j = words.size();
  while (j > 0) {
    if (i == 0) return false;
    if (words[j - 1] == ' ') {
      if (!IsSpace(s[i - 1])) return false;
      while (i > 0 && IsSpace(s[i - 1])) --i;
    } else {
      if (s[i - 1] != words[j - 1]) return false;
      --i;
    }
    --j;
  }
  return i == 0 || !IsLetter(s[i - 1]);
}

// Whether folded[begin, ..) starts with `words` likewise, as whole words.
bool StartsWithWords(std::string_view s, size_t begin, std::string_view words) {
  size_t i = begin;
  for (char w : words) {
    if (w == ' ') {
      if (i >= s.size() || !IsSpace(s[i])) return false;
      while (i < s.size() && IsSpace(s[i])) ++i;
    } else {
      if (i >= s.size() || s[i] != w) return false;
      ++i;
    }
  }
  return i == s.size() || !IsLetter(s[i]);
}

bool Recurs(const Vocabulary& words, std::string_view s, const Expression& e) {
  size_t before = e.begin;
  while (before > 0 && IsSpace(s[before - 1])) --before;
  // "todos los días 8 de marzo"
  if (EndsWithWords(s, before, "dias") || EndsWithWords(s, before, "dia")) {
    before -= s[before - 1] == 's' ? 4 : 3;
    while (before > 0 && IsSpace(s[before - 1])) --before;
  }
  for (const std::string& w : words.RecurringBefore()) {
    if (EndsWithWords(s, before, w)) return true;
  }
  size_t after = e.end;
  while (after < s.size() && IsSpace(s[after])) ++after;
  for (std::string_view de : {"del ", "de "}) {
    if (!StartsWithWords(s, after, de.substr(0, de.size() - 1))) continue;
    size_t at = after + de.size() - 1;
    while (at < s.size() && IsSpace(s[at])) ++at;
    for (const std::string& w : words.RecurringAfter()) {
      if (StartsWithWords(s, at, w)) return true;
    }
  }
  return false;
}

}  // namespace

void DropRecurring(const Vocabulary& words, std::string_view folded,
                   std::vector<Expression>* expressions) {
  std::erase_if(*expressions, [&](const Expression& e) { return Recurs(words, folded, e); });
}

}  // namespace acervo::es_date
