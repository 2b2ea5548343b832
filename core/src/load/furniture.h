// furniture.h — running headers, footers and page numbers.
//
// Two kinds of line are furniture, both in the top or bottom margin of the page (outside the
// middle 80% of its height); body text is never furniture:
// - among the first or last three lines, a line that has the form of furniture (a page
//   number "Página 3 de 16", "Hoja: 2 de 3", a print timestamp: the patterns of
//   data/loader/furniture.tsv) or that repeats in the margins of at least a third of the
//   pages (two at least);
// - the block of lines from the page's top or bottom edge inwards that have that form or
//   recur at the same height on a third of the pages, however many lines and whatever
//   their layout: a letterhead read as a row of cells ("CONCEJO ⇥ CONCEJO DISTRITAL DE … ⇥
//   2"), an address footer of two lines. The block stops at a line that does not recur.
// A row of a table of two rows or more (a header repeated on each page) is never furniture.
// Lines are compared by their letters, digits aside, case and accents folded, allowing one
// letter in five to differ (OCR reads the same header differently on each page). A title
// repeated on each page below the margin stays text: the project's gold keeps it.
//
// Threads: FurnitureForms may be shared once loaded (each pattern compiles once, when a line
// first needs it: pattern_rows.h); Default() loads once, thread-safely.
#ifndef ACERVO_CORE_LOAD_FURNITURE_H_
#define ACERVO_CORE_LOAD_FURNITURE_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "acervo/status.h"
#include "load/layout.h"

namespace acervo {

class PatternRows;

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
  std::unique_ptr<const PatternRows> rows_;  // each compiled when first needed
};

// Whether two lines read the same by their letters (digits aside, case and accents folded),
// allowing one letter in five to differ: a running header, or a table's header row, as OCR
// reads it on two pages.
bool SameLineText(const std::string& a, const std::string& b);

// result[p][i] is true when line i of page p is furniture. With no `forms`, only repetition
// tells furniture.
std::vector<std::vector<bool>> FindFurniture(
    const std::vector<PageLines>& pages, const FurnitureForms* forms = FurnitureForms::Default());

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_FURNITURE_H_
