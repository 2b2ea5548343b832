#include "load/furniture.h"

#include <re2/re2.h>

#include <map>
#include <mutex>
#include <string>

#include "acervo/text.h"
#include "load/loader_data.h"

namespace acervo {
namespace {

constexpr int kEdgeLines = 3;    // how many lines from the top or bottom may be furniture
constexpr double kMargin = 0.1;  // the top and bottom tenth of the page

// The line's letters, case and accents folded, with each run of digits made '#': spaces
// and punctuation are left out, which OCR often gets wrong ("·" read as "-").
std::string Key(const std::string& text) {
  std::string folded = Fold(text);
  std::string key;
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t start = pos;
    char32_t cp = NextCodePoint(folded, &pos);
    if (cp >= '0' && cp <= '9') {
      if (key.empty() || key.back() != '#') key.push_back('#');
    } else if (IsWordCodePoint(cp)) {
      key.append(folded, start, pos - start);
    }
  }
  return key;
}

bool InMargin(const PageLines& page, size_t i) {
  const LaidLine& line = page.lines[i];
  bool edge = i < kEdgeLines || i + kEdgeLines >= page.lines.size();
  if (!edge || page.height <= 0) return false;
  return line.box.y1 < kMargin * page.height || line.box.y0 > (1 - kMargin) * page.height;
}

}  // namespace

FurnitureForms::~FurnitureForms() = default;

Result<std::shared_ptr<const FurnitureForms>> FurnitureForms::Load(
    const std::filesystem::path& file) {
  Result<std::unique_ptr<RE2>> any = LoadPatterns(file, "\\s*", "\\s*");
  if (!any.ok()) return any.status();
  std::shared_ptr<FurnitureForms> forms(new FurnitureForms());
  forms->any_ = std::move(any.value());
  return std::shared_ptr<const FurnitureForms>(std::move(forms));
}

const FurnitureForms* FurnitureForms::Default() {
  static std::once_flag once;
  static std::shared_ptr<const FurnitureForms> forms;
  std::call_once(once, [] {
    std::filesystem::path file = FindLoaderData("furniture.tsv");
    if (file.empty()) return;
    Result<std::shared_ptr<const FurnitureForms>> loaded = Load(file);
    if (loaded.ok()) forms = loaded.value();
  });
  return forms.get();
}

bool FurnitureForms::Matches(const std::string& line) const { return RE2::FullMatch(line, *any_); }

std::vector<std::vector<bool>> FindFurniture(const std::vector<PageLines>& pages,
                                             const FurnitureForms* forms) {
  std::map<std::string, int> pages_with_key;
  for (const PageLines& page : pages) {
    std::map<std::string, bool> seen;
    for (size_t i = 0; i < page.lines.size(); ++i) {
      if (InMargin(page, i)) seen[Key(page.lines[i].text)] = true;
    }
    for (const auto& [key, unused] : seen) ++pages_with_key[key];
  }
  int needed = std::max<int>(2, static_cast<int>((pages.size() + 2) / 3));
  std::vector<std::vector<bool>> result(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) {
    const PageLines& page = pages[p];
    result[p].assign(page.lines.size(), false);
    for (size_t i = 0; i < page.lines.size(); ++i) {
      if (!InMargin(page, i)) continue;
      const std::string& text = page.lines[i].text;
      result[p][i] =
          (forms != nullptr && forms->Matches(text)) || pages_with_key[Key(text)] >= needed;
    }
  }
  return result;
}

}  // namespace acervo
