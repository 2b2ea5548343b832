#include "load/loader_data.h"

#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "acervo/text.h"
#include "acervo/tsv.h"
#include "util/paths.h"

namespace acervo {

std::filesystem::path FindLoaderData(const std::string& name) {
  std::vector<std::filesystem::path> dirs;
  if (const char* env = std::getenv("ACERVO_LOADER_DATA")) dirs.emplace_back(env);
  std::filesystem::path exe = ExecutableDir();
  if (!exe.empty()) {
    dirs.push_back(exe / "data" / "loader");
    dirs.push_back(exe.parent_path() / "share" / "acervo" / "data" / "loader");
  }
  std::error_code ec;
  for (const auto& dir : dirs) {
    if (std::filesystem::exists(dir / name, ec)) return dir / name;
  }
  return {};
}

Result<std::unique_ptr<re2::RE2>> LoadPatterns(const std::filesystem::path& file,
                                               std::string_view prefix, std::string_view suffix) {
  Result<std::vector<TsvRow>> rows = ReadTsv(file);
  if (!rows.ok()) return rows.status();
  std::string all;
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  for (const TsvRow& row : rows.value()) {
    all += (all.empty() ? "(?:" : "|(?:") + row.fields[0] + ")";
  }
  if (all.empty()) return std::make_unique<RE2>("$^", options);
  auto compiled =
      std::make_unique<RE2>(std::string(prefix) + "(?:" + all + ")" + std::string(suffix), options);
  if (compiled->ok()) return compiled;
  // Compiled alone only now, to name the row at fault: a start-up compiles each file once.
  for (const TsvRow& row : rows.value()) {
    RE2 one(row.fields[0], options);
    if (!one.ok()) {
      return Corrupt(file.string() + ":" + std::to_string(row.line) +
                     ": bad pattern: " + one.error());
    }
  }
  return Corrupt(file.string() + ": bad patterns: " + compiled->error());
}

std::unique_ptr<re2::RE2> DataPatternsOrNone(const std::string& name, std::string_view prefix,
                                             std::string_view suffix) {
  std::filesystem::path file = FindLoaderData(name);
  if (file.empty()) return nullptr;
  Result<std::unique_ptr<re2::RE2>> loaded = LoadPatterns(file, prefix, suffix);
  return loaded.ok() ? std::move(loaded.value()) : nullptr;
}

std::optional<std::vector<std::u32string>> DataWordsOrNone(const std::string& name) {
  std::filesystem::path file = FindLoaderData(name);
  if (file.empty()) return std::nullopt;
  Result<std::vector<TsvRow>> rows = ReadTsv(file);
  if (!rows.ok()) return std::nullopt;
  std::vector<std::u32string> words;
  for (const TsvRow& row : rows.value()) {
    std::u32string word = SimpleCaseFold(row.fields[0]);
    bool letters = !word.empty() && std::all_of(word.begin(), word.end(), [](char32_t c) {
      return c != 0xFFFD && u_isalpha(static_cast<UChar32>(c));
    });
    if (!letters) return std::nullopt;
    words.push_back(std::move(word));
  }
  return words;
}

std::u32string SimpleCaseFold(std::string_view text) {
  std::u32string out;
  size_t pos = 0;
  while (pos < text.size()) {
    out.push_back(static_cast<char32_t>(
        u_foldCase(static_cast<UChar32>(NextCodePoint(text, &pos)), U_FOLD_CASE_DEFAULT)));
  }
  return out;
}

}  // namespace acervo
