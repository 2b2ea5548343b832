#include "tsv.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace acervo::ods {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<TsvRow> ParseTsv(std::string_view content) {
  std::vector<TsvRow> rows;
  int line = 0;
  while (!content.empty()) {
    size_t nl = content.find('\n');
    std::string_view text = content.substr(0, nl);
    content.remove_prefix(nl == std::string_view::npos ? content.size() : nl + 1);
    ++line;
    std::string_view trimmed = Trim(text);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    TsvRow row;
    row.line = line;
    while (true) {
      size_t tab = text.find('\t');
      row.fields.emplace_back(Trim(text.substr(0, tab)));
      if (tab == std::string_view::npos) break;
      text.remove_prefix(tab + 1);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<TsvRow>> ReadTsv(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path.string() + ": cannot open");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return IoError(path.string() + ": read failed");
  return ParseTsv(content.str());
}

bool ParseWeight(std::string_view text, double* out) {
  // std::from_chars for double is locale-independent and exact about what it consumed.
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return ec == std::errc() && ptr == end;
}

bool ParseInt(std::string_view text, int lo, int hi, int* out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return ec == std::errc() && ptr == end && *out >= lo && *out <= hi;
}

}  // namespace acervo::ods
