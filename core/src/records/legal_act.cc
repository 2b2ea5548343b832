#include "records/legal_act.h"

#include <algorithm>
#include <cctype>

namespace acervo {

bool NamesLegalAct(std::string_view words, const Lexicon& group_headings) {
  size_t act_end = 0;
  for (const LexiconHit& hit : group_headings.FindAll(words)) {
    if (hit.begin == 0 && *hit.label == "legal_act") act_end = std::max(act_end, hit.end);
  }
  if (act_end == 0) return false;
  std::string_view rest = words.substr(act_end);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest.front()))) return true;
  // A number marker ("n.°", "no.", "nro.", "número") and then the number: "acuerdo no
  // vinculante" is no act.
  for (std::string_view marker : {"numero", "nro", "no", "n"}) {
    if (rest.substr(0, marker.size()) != marker) continue;
    std::string_view number = rest.substr(marker.size());
    if (!number.empty() && std::isalpha(static_cast<unsigned char>(number.front()))) continue;
    while (!number.empty() && !std::isalnum(static_cast<unsigned char>(number.front()))) {
      number.remove_prefix(1);
    }
    return !number.empty() && std::isdigit(static_cast<unsigned char>(number.front()));
  }
  return false;
}

bool OpensWithLegalAct(const Passages& passages, const Lexicon& group_headings) {
  if (NamesLegalAct(HeadingWords(passages.document().info.title), group_headings)) return true;
  int headings = 0;
  for (size_t i = 0; i < passages.size() && headings < 5; ++i) {
    if (passages.segment(i).kind != SegmentKind::kHeading) continue;
    if (NamesLegalAct(HeadingWords(passages.segment(i).text), group_headings)) return true;
    ++headings;
  }
  return false;
}

}  // namespace acervo
