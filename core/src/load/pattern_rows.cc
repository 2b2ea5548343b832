#include "load/pattern_rows.h"

#include <re2/re2.h>

#include <cctype>
#include <mutex>

#include "acervo/tsv.h"

namespace acervo {
namespace {

constexpr int kLongSpan = 8;      // a bound this much over its minimum is worth lifting
constexpr int kMaxRepeat = 1000;  // RE2's own limit on a repetition count

RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  return options;
}

// The number at `pattern[*at]`, moving `*at` past it; -1 when there is none.
int Number(std::string_view pattern, size_t* at) {
  int n = -1;
  while (*at < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[*at]))) {
    n = std::min(kMaxRepeat + 1, std::max(n, 0) * 10 + (pattern[*at] - '0'));
    ++*at;
  }
  return n;
}

}  // namespace

std::string LiftLongBounds(std::string_view pattern) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size() && pattern[i + 1] == 'Q') {  // \Q…\E: literal
      size_t end = pattern.find("\\E", i + 2);
      end = end == std::string_view::npos ? pattern.size() : end + 2;
      out.append(pattern, i, end - i);
      i = end;
    } else if (c == '\\') {  // an escape: the next character is not an operator
      out.append(pattern, i, std::min<size_t>(2, pattern.size() - i));
      i += 2;
    } else if (c == '[') {  // a class: ']' first (after '^') is a member
      size_t end = i + 1;
      if (end < pattern.size() && pattern[end] == '^') ++end;
      if (end < pattern.size() && pattern[end] == ']') ++end;
      while (end < pattern.size() && pattern[end] != ']') end += pattern[end] == '\\' ? 2 : 1;
      end = std::min(end + 1, pattern.size());
      out.append(pattern, i, end - i);
      i = end;
    } else if (c == '{') {  // {m,n} with n - m long: {m,}
      size_t at = i + 1;
      int low = Number(pattern, &at);
      bool comma = at < pattern.size() && pattern[at] == ',';
      size_t high_at = at + comma;
      int high = comma ? Number(pattern, &high_at) : -1;
      if (low >= 0 && high >= 0 && high_at < pattern.size() && pattern[high_at] == '}' &&
          high <= kMaxRepeat && high - low >= kLongSpan) {
        out += "{" + std::to_string(low) + ",}";
        i = high_at + 1;
      } else {
        out += c;
        ++i;
      }
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

struct PatternRows::Row {
  std::unique_ptr<RE2> gate;  // the row, or a superset of it when `exact` is set
  std::string exact;          // the row as written, when `gate` is a superset
  mutable std::once_flag once;
  mutable std::unique_ptr<RE2> compiled;  // `exact`, compiled on the first line past `gate`

  bool FullMatch(std::string_view line) const {
    if (!RE2::FullMatch(line, *gate)) return false;
    if (exact.empty()) return true;
    std::call_once(once, [&] { compiled = std::make_unique<RE2>(exact, PatternOptions()); });
    // (A row that compiles lifted but not as written, too large a program, matches nothing.)
    return compiled->ok() && RE2::FullMatch(line, *compiled);
  }
};

PatternRows::~PatternRows() = default;

Result<std::unique_ptr<PatternRows>> PatternRows::Load(const std::filesystem::path& file,
                                                       std::string_view prefix,
                                                       std::string_view suffix) {
  Result<std::vector<TsvRow>> rows = ReadTsv(file);
  if (!rows.ok()) return rows.status();
  std::unique_ptr<PatternRows> out(new PatternRows());
  for (const TsvRow& tsv : rows.value()) {
    auto row = std::make_unique<Row>();
    const std::string lifted = LiftLongBounds(tsv.fields[0]);
    const std::string whole =
        std::string(prefix) + "(?:" + tsv.fields[0] + ")" + std::string(suffix);
    if (lifted != tsv.fields[0]) row->exact = whole;
    row->gate = std::make_unique<RE2>(
        row->exact.empty() ? whole
                           : std::string(prefix) + "(?:" + lifted + ")" + std::string(suffix),
        PatternOptions());
    if (!row->gate->ok()) {
      RE2 alone(tsv.fields[0], PatternOptions());  // its error, not the wrapper's
      return Corrupt(file.string() + ":" + std::to_string(tsv.line) +
                     ": bad pattern: " + (alone.ok() ? row->gate->error() : alone.error()));
    }
    out->rows_.push_back(std::move(row));
  }
  return out;
}

bool PatternRows::FullMatch(std::string_view line) const {
  for (const auto& row : rows_) {
    if (row->FullMatch(line)) return true;
  }
  return false;
}

}  // namespace acervo
