#include "tsv.h"

#include <fstream>
#include <sstream>

#include "acervo/text.h"

namespace acervo::institution {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace

std::vector<std::string> Split(std::string_view s, char separator) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(separator, start);
    out.emplace_back(s.substr(start, pos == std::string_view::npos ? pos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

Result<std::vector<TsvRow>> ParseTsv(std::string_view text, const std::string& origin) {
  std::vector<TsvRow> rows;
  int line_number = 0;
  for (const std::string& line : Split(text, '\n')) {
    ++line_number;
    std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    if (!IsValidUtf8(line)) {
      return Corrupt(origin + ":" + std::to_string(line_number) + ": not valid UTF-8");
    }
    TsvRow row{line_number, {}};
    for (const std::string& cell : Split(line, '\t')) row.cells.push_back(Trim(cell));
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<TsvRow>> ReadTsv(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path.string() + ": cannot open data file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseTsv(buffer.str(), path.string());
}

}  // namespace acervo::institution
