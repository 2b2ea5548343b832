// furniture.h — running headers, footers and page numbers.
//
// A line is furniture when it sits in the top or bottom margin of its page (among the first
// or last lines, outside the middle 80% of the page height) and either has the form of
// furniture (a page number "Página 3 de 16", "Hoja: 2 de 3", a print timestamp: the
// patterns of data/loader/furniture.tsv) or repeats, digits aside and case and accents
// folded, on at least a third of the pages (two at least): a running title, the issuing
// municipality's name. Body text is never furniture.
//
// Threads: FurnitureForms is immutable once loaded; Default() loads once, thread-safely.
#ifndef ACERVO_CORE_LOAD_FURNITURE_H_
#define ACERVO_CORE_LOAD_FURNITURE_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "acervo/status.h"
#include "load/layout.h"

namespace re2 {
class RE2;
}

namespace acervo {

struct PageLines {
  std::vector<LaidLine> lines;
  double height = 0;  // page height in the lines' units
};

// The furniture patterns of a furniture.tsv file.
class FurnitureForms {
 public:
  // Corrupt, naming the file and line, when a pattern does not compile.
  static Result<std::shared_ptr<const FurnitureForms>> Load(const std::filesystem::path& file);
  // Those of the loader's data folder (see loader_data.h); nullptr when it is not found.
  static const FurnitureForms* Default();
  ~FurnitureForms();

  bool Matches(const std::string& line) const;

 private:
  FurnitureForms() = default;
  std::unique_ptr<re2::RE2> any_;  // the patterns as one alternation
};

// result[p][i] is true when line i of page p is furniture. With no `forms`, only repetition
// tells furniture.
std::vector<std::vector<bool>> FindFurniture(
    const std::vector<PageLines>& pages, const FurnitureForms* forms = FurnitureForms::Default());

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_FURNITURE_H_
