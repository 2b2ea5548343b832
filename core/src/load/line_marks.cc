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
  static const std::unique_ptr<RE2> labels = []() -> std::unique_ptr<RE2> {
    std::filesystem::path file = FindLoaderData("section_labels.tsv");
    if (file.empty()) return nullptr;
    Result<std::unique_ptr<RE2>> loaded = LoadPatterns(file, "", "");
    return loaded.ok() ? std::move(loaded.value()) : nullptr;
  }();
  return labels != nullptr && RE2::FullMatch(text, *labels);
}

}  // namespace acervo
