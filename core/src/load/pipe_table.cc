#include "load/pipe_table.h"

#include <re2/re2.h>

namespace acervo {
namespace {

std::string_view TrimSpaces(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

// The raw cells of a row: split at pipes not escaped by a backslash, outer pipes dropped.
std::vector<std::string> SplitCells(std::string_view row) {
  std::string_view t = TrimSpaces(row);
  if (!t.empty() && t.front() == '|') t.remove_prefix(1);
  if (!t.empty() && t.back() == '|' && (t.size() < 2 || t[t.size() - 2] != '\\')) {
    t.remove_suffix(1);
  }
  std::vector<std::string> cells(1);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
      cells.back().push_back('|');
      ++i;
    } else if (t[i] == '|') {
      cells.emplace_back();
    } else {
      cells.back().push_back(t[i] == '\t' ? ' ' : t[i]);
    }
  }
  for (std::string& c : cells) c = std::string(TrimSpaces(c));
  return cells;
}

bool HasUnescapedPipe(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) return true;
  }
  return false;
}

bool IsRule(std::string_view line) {
  static const RE2 kRule(R"(\s{0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*)");
  return HasUnescapedPipe(line) && RE2::FullMatch(line, kRule);
}

}  // namespace

std::vector<PipeLine> FindPipeTables(const std::vector<std::string_view>& lines) {
  std::vector<PipeLine> kinds(lines.size(), PipeLine::kNone);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!HasUnescapedPipe(lines[i]) || IsRule(lines[i]) || !IsRule(lines[i + 1])) continue;
    if (SplitCells(lines[i]).size() != SplitCells(lines[i + 1]).size()) continue;
    kinds[i] = PipeLine::kRow;
    kinds[i + 1] = PipeLine::kRule;
    size_t j = i + 2;
    for (; j < lines.size() && !TrimSpaces(lines[j]).empty() && HasUnescapedPipe(lines[j]); ++j) {
      kinds[j] = PipeLine::kRow;
    }
    i = j - 1;
  }
  return kinds;
}

std::string PipeRowToTabs(std::string_view row) {
  std::string out;
  std::vector<std::string> cells = SplitCells(row);
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out.push_back('\t');
    out += cells[i];
  }
  return out;
}

std::string PipeTablesToTabs(std::string_view text, std::vector<bool>* rows) {
  std::vector<std::string_view> lines;
  for (size_t b = 0;;) {
    size_t nl = text.find('\n', b);
    lines.push_back(text.substr(b, nl == std::string_view::npos ? nl : nl - b));
    if (nl == std::string_view::npos) break;
    b = nl + 1;
  }
  std::vector<PipeLine> kinds = FindPipeTables(lines);
  if (rows) {
    rows->assign(lines.size(), false);
    for (size_t i = 0; i < lines.size(); ++i) (*rows)[i] = kinds[i] == PipeLine::kRow;
  }
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out.push_back('\n');
    if (kinds[i] == PipeLine::kRow) {
      out += PipeRowToTabs(lines[i]);
    } else if (kinds[i] == PipeLine::kNone) {
      out += lines[i];
    }
  }
  return out;
}

}  // namespace acervo
