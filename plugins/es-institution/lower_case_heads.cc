// lower_case_heads.cc — NamePatterns::LowerCaseHead: a head written in lower case that still
// names a body because a proper name follows it ("la embajada de Francia", "el gobierno de
// Hidalgo"; lower_case_heads.tsv). Pure; thread-safe.
#include "name_patterns.h"

namespace acervo::institution {
namespace {

bool IsArticle(std::string_view f) { return f == "la" || f == "las" || f == "los" || f == "el"; }

// Territorial words that make "gobierno de/del ..." a government: "del Estado de Jalisco".
bool IsTerritory(std::string_view f) {
  return f == "estado" || f == "ciudad" || f == "provincia" || f == "departamento" ||
         f == "region" || f == "municipio" || f == "distrito" || f == "republica";
}

}  // namespace

const NamePatterns::Head* NamePatterns::LowerCaseHead(const std::vector<Token>& tokens,
                                                      std::string_view text, size_t i) const {
  const Token& t = tokens[i];
  if (!t.word || t.capital || i + 2 >= tokens.size()) return nullptr;
  const Listing& listing = ListingOf(t);
  if (!listing.lower_case_head) return nullptr;
  auto mode = lower_case_heads_.find(t.folded);
  const Head* head = listing.head;  // Configure checked it is a head
  std::string_view of = tokens[i + 1].folded;
  if (of != "de" && of != "del") return nullptr;
  size_t k = i + 2;
  if (of == "de" && IsArticle(tokens[k].folded) && k + 1 < tokens.size()) ++k;
  if (!IsContent(tokens[k]) || IsHead(tokens[k], text)) return nullptr;
  if (mode->second) {  // a place: "de Corea del Sur", "del Estado de Jalisco", "de Jalisco"
    if (IsTerritory(tokens[k].folded)) return head;
    std::string place;
    for (size_t j = k; j < tokens.size() && j < k + 4; ++j) {
      if (!IsContent(tokens[j]) && !(j > k && IsConnector(tokens[j].folded))) break;
      if (j > k) place += ' ';
      place += tokens[j].folded;
      if (IsCountry(place) || IsRegion(place)) return head;
    }
    return nullptr;
  }
  return head;
}

}  // namespace acervo::institution
