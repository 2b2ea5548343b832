// language.h — which language acervo speaks to people: Spanish or English.
//
// The choice follows gettext's order of the environment, read here rather than through
// setlocale(), so it works on servers where no Spanish locale is generated (only C.UTF-8):
//
//   1. --lang es|en on the command line (the caller passes it as `forced`);
//   2. ACERVO_LANG=es|en;
//   3. LANGUAGE, a colon-separated list ("fr:es:en"): its first entry that is Spanish or English,
//      unless the locale below is plain "C" or "POSIX" (gettext ignores LANGUAGE then; C.UTF-8
//      does not count as plain C here, so LANGUAGE=es works on a server with only C.UTF-8);
//   4. the locale: the first non-empty of LC_ALL, LC_MESSAGES, LANG.
//
// A value starting with "es" means Spanish ("es", "es_MX.UTF-8"); anything else English.
// Pure functions: no global state, safe from any thread.
#ifndef ACERVO_CORE_I18N_LANGUAGE_H_
#define ACERVO_CORE_I18N_LANGUAGE_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace acervo {

enum class Language { kEnglish, kSpanish };

// "es" or "en".
const char* LanguageCode(Language language);

// "es", "es_MX.UTF-8", "spanish" -> Spanish; "en", "en_US", "C" -> English; "" -> nullopt.
// Strict forms for --lang are checked by the caller.
std::optional<Language> LanguageOfLocale(std::string_view value);

// Looks up an environment variable; nullptr when unset. Tests pass their own.
using GetEnvFn = std::function<const char*(const char*)>;

// The language the environment asks for (steps 2–4 above), English when it says nothing.
Language LanguageFromEnvironment(const GetEnvFn& getenv);

}  // namespace acervo

#endif  // ACERVO_CORE_I18N_LANGUAGE_H_
