#include "i18n/language.h"

#include "util/paths.h"

namespace acervo {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string_view NonEmpty(const GetEnvFn& getenv, const char* name) {
  const char* v = getenv(name);
  return v ? std::string_view(v) : std::string_view();
}

}  // namespace

const char* LanguageCode(Language language) { return language == Language::kSpanish ? "es" : "en"; }

std::optional<Language> LanguageOfLocale(std::string_view value) {
  if (value.empty()) return std::nullopt;
  if (StartsWith(value, "es") || StartsWith(value, "spanish")) return Language::kSpanish;
  return Language::kEnglish;
}

Language LanguageFromEnvironment(const GetEnvFn& getenv) {
  if (auto forced = LanguageOfLocale(NonEmpty(getenv, "ACERVO_LANG"))) return *forced;
  std::string_view locale;
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    locale = NonEmpty(getenv, name);
    if (!locale.empty()) break;
  }
  if (locale != "C" && locale != "POSIX") {
    for (const std::string& entry : SplitPathList(std::string(NonEmpty(getenv, "LANGUAGE")))) {
      if (StartsWith(entry, "es")) return Language::kSpanish;
      if (StartsWith(entry, "en")) return Language::kEnglish;
    }
  }
  return LanguageOfLocale(locale).value_or(Language::kEnglish);
}

}  // namespace acervo
