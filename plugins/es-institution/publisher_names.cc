// publisher_names.cc — NamePatterns::PublisherName: the publisher of a bibliography entry.
//
// A reference in the author-date style ends with the place of publication, a colon and the
// publisher: "Barber, B. R. (2013). If Mayors Ruled the World. New Haven: Yale University
// Press." The publisher is a company whatever its words ("Routledge", "Gedisa", "Siglo XXI
// Editores"), so it needs no head word; the slot alone names it. Pure; thread-safe.
#include <cctype>

#include "name_patterns.h"

namespace acervo::institution {
namespace {

constexpr size_t kMaxPlaceTokens = 5;       // "Ciudad de México", "Ann Arbor"
constexpr size_t kMaxPublisherTokens = 12;  // "Observatorio de Cooperación Descentralizada ..."

// The line holding byte `at` has "(" and a four-digit year before `at`: "Acuto, M. (2013)."
bool DatedReferenceLine(std::string_view text, size_t at) {
  size_t line = text.rfind('\n', at);
  line = line == std::string_view::npos ? 0 : line + 1;
  for (size_t p = text.find('(', line); p != std::string_view::npos && p + 5 <= at;
       p = text.find('(', p + 1)) {
    bool year = true;
    for (size_t k = p + 1; k < p + 5; ++k)
      year &= std::isdigit(static_cast<unsigned char>(text[k]));
    if (year) return true;
  }
  return false;
}

bool SameLine(std::string_view text, size_t from, size_t to) {
  return text.substr(from, to - from).find('\n') == std::string_view::npos;
}

}  // namespace

size_t NamePatterns::PublisherName(const std::vector<Token>& tokens, std::string_view text,
                                   size_t i, std::vector<PatternName>* out) const {
  if (tokens[i].folded != ":" || i < 2 || !DatedReferenceLine(text, tokens[i].begin)) return i;
  // The place: capitalised words (and connectors) after the dot that ends the title.
  size_t k = i;
  while (k > 0 && i - k < kMaxPlaceTokens &&
         (IsContent(tokens[k - 1]) || (tokens[k - 1].word && IsConnector(tokens[k - 1].folded)))) {
    --k;
  }
  if (k == i || k == 0 || !IsContent(tokens[k])) return i;
  std::string_view before = tokens[k - 1].folded;
  if (before != "." && before != "*" && before != "_") return i;
  // The publisher: capitalised words, connectors, "&" and hyphens up to the entry's last dot.
  size_t last = i;
  size_t j = i + 1;
  for (; j < tokens.size() && j - i <= kMaxPublisherTokens; ++j) {
    const Token& t = tokens[j];
    if (!SameLine(text, tokens[i].end, t.begin)) return i;
    if (IsContent(t)) {
      last = j;
    } else if (!(t.word && IsConnector(t.folded)) && t.folded != "&" && t.folded != "-") {
      break;
    }
  }
  if (last == i || last + 1 != j || j >= tokens.size() || tokens[j].folded != ".") return i;
  size_t after = tokens[j].end;
  while (after < text.size() && (text[after] == ' ' || text[after] == '\r')) ++after;
  if (after < text.size() && text[after] != '\n') return i;
  // "Barcelona: CIDOB.": an acronym alone is the gazetteer's or one the text defined.
  if (last == i + 1 && tokens[last].all_caps) return i;
  size_t begin = tokens[i + 1].begin, end = tokens[last].end;
  if (!Rejected(text, begin, end)) out->push_back({begin, end, "media", false, ""});
  return last;
}

}  // namespace acervo::institution
