#include "acervo/tsv.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "acervo/text.h"

namespace acervo {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<std::vector<TsvRow>> ParseTsv(std::string_view text, std::string_view origin) {
  std::vector<TsvRow> rows;
  int line = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view content = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line;
    std::string_view trimmed = Trim(content);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    if (!IsValidUtf8(content)) {
      return Corrupt(std::string(origin) + ":" + std::to_string(line) + ": not valid UTF-8");
    }
    TsvRow row;
    row.line = line;
    for (const std::string& field : SplitField(content, '\t')) {
      row.fields.emplace_back(Trim(field));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<TsvRow>> ReadTsv(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path.string() + ": cannot open data file");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return IoError(path.string() + ": read failed");
  return ParseTsv(content.str(), path.string());
}

std::vector<std::string> SplitField(std::string_view field, char separator) {
  std::vector<std::string> out;
  while (true) {
    size_t pos = field.find(separator);
    out.emplace_back(field.substr(0, pos));
    if (pos == std::string_view::npos) break;
    field.remove_prefix(pos + 1);
  }
  return out;
}

bool ParseIntField(std::string_view field, int lo, int hi, int* out) {
  const char* end = field.data() + field.size();
  auto [ptr, ec] = std::from_chars(field.data(), end, *out);
  return ec == std::errc() && ptr == end && *out >= lo && *out <= hi;
}

bool ParseDoubleField(std::string_view field, double* out) {
  // std::from_chars for double is locale-independent and exact about what it consumed.
  const char* end = field.data() + field.size();
  auto [ptr, ec] = std::from_chars(field.data(), end, *out);
  return ec == std::errc() && ptr == end;
}

}  // namespace acervo
