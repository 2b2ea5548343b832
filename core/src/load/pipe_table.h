// pipe_table.h — markdown pipe tables (`| a | b |` over a `|---|:--:|` rule) in text sources.
//
// Promises: FindPipeTables marks, in the lines of one page, each table's header row, its rule
// and its body rows (a GFM table: a header row with as many cells as the rule beneath it, then
// every following line that holds a '|', up to a blank line). PipeRowToTabs turns one row into
// the loader's tab-separated form: the outer pipes dropped, cells split at unescaped '|', `\|`
// unescaped, each cell trimmed, empty cells kept (a row may begin or end with empty cells).
// PipeTablesToTabs applies both to a whole text: rows become tab-separated, each rule an empty
// line (so every line keeps its number), every other line stays as it is. `rows`, if given,
// gets one entry per line: true for the table rows (a row whose cells after the first are
// empty ends in tabs, which alone would not make it a row).
// Pure functions of their input; safe from any thread.
#ifndef ACERVO_CORE_LOAD_PIPE_TABLE_H_
#define ACERVO_CORE_LOAD_PIPE_TABLE_H_

#include <string>
#include <string_view>
#include <vector>

namespace acervo {

enum class PipeLine { kNone, kRow, kRule };

// One entry per line: kRow for header and body rows, kRule for the `|---|` line.
std::vector<PipeLine> FindPipeTables(const std::vector<std::string_view>& lines);

// The cells of a pipe row (or of a rule), joined by '\t'.
std::string PipeRowToTabs(std::string_view row);

std::string PipeTablesToTabs(std::string_view text, std::vector<bool>* rows = nullptr);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_PIPE_TABLE_H_
