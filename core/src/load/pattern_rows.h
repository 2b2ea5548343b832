// pattern_rows.h — the rows of a loader pattern file (furniture.tsv) matched against a whole
// line, row by row, so that a document pays to compile only the programs it uses.
//
// A row with a long bounded repetition (`.{0,40}`) compiles into a program many times the
// size of the rest, since RE2 copies the repeated part once per count: such a row is first
// matched by a cheap superset of itself, the same row with the bound lifted (`.{0,}`), and
// compiled as written only when a line passes that. A line matches a PatternRows exactly when
// it matches the alternation of the rows as written (`prefix(?:(?:r1)|(?:r2)|…)suffix`).
//
// Threads: FullMatch may be called from several threads at once (a row's program is
// compiled once, under std::call_once).
#ifndef ACERVO_CORE_LOAD_PATTERN_ROWS_H_
#define ACERVO_CORE_LOAD_PATTERN_ROWS_H_

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/status.h"

namespace acervo {

class PatternRows {
 public:
  // The rows of `file` (first field of each row; '#' lines are comments), each matched
  // case-insensitively between `prefix` and `suffix`. Corrupt, naming the file and line,
  // when a row does not compile.
  static Result<std::unique_ptr<PatternRows>> Load(const std::filesystem::path& file,
                                                   std::string_view prefix,
                                                   std::string_view suffix);
  ~PatternRows();

  // Whether the whole of `line` matches a row.
  bool FullMatch(std::string_view line) const;

 private:
  struct Row;
  PatternRows() = default;
  std::vector<std::unique_ptr<Row>> rows_;
};

// `pattern` with each bounded repetition {m,n} of a long span (n - m >= 8) made unbounded
// ({m,}): a pattern that matches every text `pattern` matches, and compiles much smaller.
// Bounds over 1000 (which RE2 refuses) are left, so that the error stays the row's. Exposed
// for its test.
std::string LiftLongBounds(std::string_view pattern);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_PATTERN_ROWS_H_
