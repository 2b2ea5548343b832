#include "i18n/i18n.h"

#include <cstdlib>
#include <memory>
#include <optional>
#include <vector>

#include "i18n/mo_catalog.h"
#include "util/paths.h"

namespace acervo {
namespace {

struct State {
  Language language = Language::kEnglish;
  std::optional<MoCatalog> catalog;
};

State& Current() {
  static State state;
  return state;
}

std::optional<MoCatalog> FindCatalog(Language language) {
  std::vector<std::filesystem::path> dirs;
  if (const char* env = std::getenv("ACERVO_LOCALE_DIR"); env && *env) dirs.emplace_back(env);
  std::filesystem::path exe = ExecutableDir();
  if (!exe.empty()) {
    dirs.push_back(exe / "locale");
    dirs.push_back(exe.parent_path() / "share" / "locale");
  }
  std::error_code ec;
  for (const auto& dir : dirs) {
    std::filesystem::path file = dir / LanguageCode(language) / "LC_MESSAGES" / "acervo.mo";
    if (!std::filesystem::exists(file, ec)) continue;
    // A damaged catalog is not worth failing a command for: its language falls back to English.
    if (Result<MoCatalog> c = MoCatalog::Read(file); c.ok()) return std::move(*c);
  }
  return std::nullopt;
}

}  // namespace

void SetLanguage(Language language) {
  State& s = Current();
  s.language = language;
  s.catalog = FindCatalog(language);
}

Language CurrentLanguage() { return Current().language; }

const std::unordered_map<std::string, std::string>& CurrentCatalog() {
  static const std::unordered_map<std::string, std::string> kNone;
  const State& s = Current();
  return s.catalog ? s.catalog->entries() : kNone;
}

const char* _(const char* msgid) {
  const State& s = Current();
  if (!s.catalog) return msgid;
  const std::string* t = s.catalog->Find(msgid);
  return t && !t->empty() ? t->c_str() : msgid;
}

const char* PluralPattern(const char* singular, const char* plural, int64_t n) {
  // Spanish and English: form 0 for exactly one, form 1 otherwise (the catalogs' Plural-Forms).
  size_t form = n == 1 ? 0 : 1;
  const State& s = Current();
  if (s.catalog) {
    const std::string* t = s.catalog->FindPlural(singular, form);
    if (t && !t->empty()) return t->c_str();
  }
  return form == 0 ? singular : plural;
}

}  // namespace acervo
