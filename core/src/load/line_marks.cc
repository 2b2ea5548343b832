#include "load/line_marks.h"

#include <re2/re2.h>

#include <memory>

#include "load/loader_data.h"

namespace acervo {

bool IsListMarker(const std::string& word) {
  static const RE2 kListMarker(
      R"(^(?:[-•●▪◦·–*+]|\(?[0-9]{1,2}(?:\.[0-9]{1,2})*[.)]|[a-zA-Z][)])$)");
  return RE2::FullMatch(word, kListMarker);
}

bool IsSectionLabel(std::string_view text) {
  static const std::unique_ptr<RE2> labels = DataPatternsOrNone("section_labels.tsv", "", "");
  return labels != nullptr && RE2::FullMatch(text, *labels);
}

}  // namespace acervo
