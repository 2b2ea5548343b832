// tsv.h — reads the plugin's tab-separated data files.
//
// A data file holds one entry a line, its fields separated by tabs. Blank lines and lines
// whose first non-space character is '#' are comments. Fields are trimmed of spaces.
#ifndef ACERVO_PLUGINS_ES_ODS_TSV_H_
#define ACERVO_PLUGINS_ES_ODS_TSV_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/status.h"

namespace acervo::ods {

struct TsvRow {
  int line = 0;  // 1-based, for error messages
  std::vector<std::string> fields;
};

// Splits `content` into rows. Never fails: shape checks belong to the caller.
std::vector<TsvRow> ParseTsv(std::string_view content);

// Reads and parses `path`; kNotFound or kIo when it cannot be read.
Result<std::vector<TsvRow>> ReadTsv(const std::filesystem::path& path);

// Parses a decimal like "1.5" in the C locale; false when `text` is not entirely a number.
bool ParseWeight(std::string_view text, double* out);
// Parses an integer in [lo, hi]; false otherwise.
bool ParseInt(std::string_view text, int lo, int hi, int* out);

}  // namespace acervo::ods

#endif  // ACERVO_PLUGINS_ES_ODS_TSV_H_
