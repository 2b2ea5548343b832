// tsv.h — the plugin's data files: tab-separated rows, "#" comments, blank lines skipped.
#ifndef ACERVO_PLUGINS_ES_INSTITUTION_TSV_H_
#define ACERVO_PLUGINS_ES_INSTITUTION_TSV_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/status.h"

namespace acervo::institution {

struct TsvRow {
  int line = 0;                     // 1-based line in the file, for error messages
  std::vector<std::string> cells;   // trimmed of spaces and '\r'
};

// Splits `text` into rows. Returns Corrupt naming `origin` when the text is not UTF-8.
Result<std::vector<TsvRow>> ParseTsv(std::string_view text, const std::string& origin);
// Reads and parses a file; NotFound naming the file when it cannot be opened.
Result<std::vector<TsvRow>> ReadTsv(const std::filesystem::path& path);

std::vector<std::string> Split(std::string_view s, char separator);

}  // namespace acervo::institution

#endif  // ACERVO_PLUGINS_ES_INSTITUTION_TSV_H_
