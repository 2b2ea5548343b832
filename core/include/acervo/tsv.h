// acervo/tsv.h — reads a plugin's tab-separated data files.
//
// A data file holds one entry a line, its fields separated by tabs. Blank lines and lines
// whose first non-space character is '#' are comments. Fields are trimmed of spaces and
// '\r'. Every non-comment line must be UTF-8. Shape checks (how many fields, what they hold)
// belong to the caller, which names the file and TsvRow::line in its errors.
#ifndef ACERVO_TSV_H_
#define ACERVO_TSV_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/status.h"

namespace acervo {

struct TsvRow {
  int line = 0;                     // 1-based line in the file, for error messages
  std::vector<std::string> fields;  // trimmed
};

// Splits `text` into rows; Corrupt naming `origin` and the line when a line is not UTF-8.
Result<std::vector<TsvRow>> ParseTsv(std::string_view text, std::string_view origin);
// Reads and parses a file: NotFound when it cannot be opened, IoError when reading fails.
Result<std::vector<TsvRow>> ReadTsv(const std::filesystem::path& path);

// Splits a field on `separator` ("a|b||c" -> "a", "b", "", "c"); "" gives one empty piece.
std::vector<std::string> SplitField(std::string_view field, char separator);
// A decimal integer in [lo, hi] and nothing else; false otherwise (*out is then unspecified).
bool ParseIntField(std::string_view field, int lo, int hi, int* out);
// A number like "1.5" in the C locale and nothing else ("1,5" and "" fail).
bool ParseDoubleField(std::string_view field, double* out);

}  // namespace acervo

#endif  // ACERVO_TSV_H_
