// i18n.h — messages for people, in the chosen language (docs/i18n.md).
//
// Message ids are the English text. Wrap every string a person reads:
//
//   _("Store file")                              a translated const char*
//   _f("{}: no such file", path)                 translated, then filled in ({fmt} syntax;
//                                                 "{0}", "{1}" let a translation reorder)
//   _n("{} record", "{} records", n, n)          the form for n (Spanish and English both
//                                                 have "one" and "other"), filled in with
//                                                 the arguments after n
//   N_("Summarize the store")                    marks a string translated later with _()
//                                                 (static tables, command registrations)
//
// Never wrap machine-readable output: JSON, CSV headers, the contract's field names and values
// and what is stored in the database stay English whatever the language.
//
// The catalogs are po/<lang>.po compiled to <dir>/<lang>/LC_MESSAGES/acervo.mo, searched in
// $ACERVO_LOCALE_DIR, <exe dir>/locale (the build tree) and <exe dir>/../share/locale
// (installed). English needs no catalog (ids are English); a missing Spanish catalog falls
// back to English.
//
// Threads: SetLanguage() once at start-up, before other threads; lookups after that are
// read-only and safe from any thread. The returned pointers live until the process ends.
#ifndef ACERVO_CORE_I18N_I18N_H_
#define ACERVO_CORE_I18N_I18N_H_

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <unordered_map>

#include "acervo/message_mark.h"  // N_()
#include "i18n/language.h"

namespace acervo {

// Chooses the language and loads its catalog. Until called, messages are English.
void SetLanguage(Language language);
Language CurrentLanguage();

// Every msgid -> translation of the current catalog (empty for English without catalog).
const std::unordered_map<std::string, std::string>& CurrentCatalog();

const char* _(const char* msgid);
// The form of `singular`/`plural` for `n`, untranslated pattern when the catalog lacks it.
const char* PluralPattern(const char* singular, const char* plural, int64_t n);

// A translation whose placeholders do not match its arguments falls back to the English id.
template <typename... Args>
std::string _f(const char* msgid, const Args&... args) {
  try {
    return fmt::format(fmt::runtime(_(msgid)), args...);
  } catch (const fmt::format_error&) {
    return fmt::format(fmt::runtime(msgid), args...);
  }
}

template <typename... Args>
std::string _n(const char* singular, const char* plural, int64_t n, const Args&... args) {
  try {
    return fmt::format(fmt::runtime(PluralPattern(singular, plural, n)), args...);
  } catch (const fmt::format_error&) {
    return fmt::format(fmt::runtime(n == 1 ? singular : plural), args...);
  }
}

}  // namespace acervo

#endif  // ACERVO_CORE_I18N_I18N_H_
