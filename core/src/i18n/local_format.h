// local_format.h — numbers and dates for people, in the current language (i18n.h):
// "1,250,000.50" and "March 3, 2024" in English, "1.250.000,50" and "3 de marzo de 2024" in
// Spanish. Only for text people read (reports); JSON, CSV and stored values keep the
// contract's forms ("1250000.50", "2024-03-03").
//
// Month names and the date patterns are catalog entries, so they are translated like any
// other message. Safe from any thread once the language is set.
#ifndef ACERVO_CORE_I18N_LOCAL_FORMAT_H_
#define ACERVO_CORE_I18N_LOCAL_FORMAT_H_

#include <cstdint>
#include <string>

namespace acervo {

// A plain decimal ("-1250000.5", as Decimal::ToString gives) with digits grouped and the
// language's separators; anything else is returned unchanged. The value is never rounded.
std::string LocalNumber(const std::string& decimal);
std::string LocalNumber(int64_t n);

// An ISO date "YYYY-MM-DD", "YYYY-MM" or "YYYY" written out; anything else unchanged.
std::string LocalDate(const std::string& iso);

}  // namespace acervo

#endif  // ACERVO_CORE_I18N_LOCAL_FORMAT_H_
