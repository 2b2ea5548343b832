#include "records/activity_names.h"

#include <cctype>

namespace acervo {

bool NamesActivities(std::string_view folded, const std::vector<LexiconHit>& kind_hits) {
  for (const LexiconHit& hit : kind_hits) {
    std::string_view rest = folded.substr(hit.end);
    for (std::string_view plural : {"s", "es"}) {
      if (rest.substr(0, plural.size()) == plural &&
          (rest.size() == plural.size() ||
           !std::isalpha(static_cast<unsigned char>(rest[plural.size()])))) {
        return true;
      }
    }
  }
  return false;
}

bool NamesSingleActivity(std::string_view folded, const std::vector<LexiconHit>& kind_hits) {
  for (const LexiconHit& hit : kind_hits) {
    if (hit.end >= folded.size() || !std::isalpha(static_cast<unsigned char>(folded[hit.end]))) {
      return true;
    }
  }
  return false;
}

}  // namespace acervo
