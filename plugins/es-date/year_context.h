// es-date/year_context.h — settles the year a date leaves out.
//
// The order follows how a reader does it: a year the sentence points back to ("el 14 de
// junio de ese año") or states ("ejercicio 2023"); the year of the enclosing heading chain
// (a chronology's year heading above its month headings); a year written shortly before in
// the same passage; the document's period (the year that puts the date inside it, or
// nearest to it); the user's context date; the last year the document stated before this
// point. "el pasado 11 de noviembre" and "el próximo
// 9 de junio" look before or after the document's time. Each source has its confidence,
// lower the further the year comes from; dates outside the period are trusted less.
#ifndef ACERVO_PLUGINS_ES_DATE_YEAR_CONTEXT_H_
#define ACERVO_PLUGINS_ES_DATE_YEAR_CONTEXT_H_

#include <string_view>

#include "acervo/plugin.h"
#include "calendar.h"
#include "grammar.h"

namespace acervo::es_date {

enum class YearSource {
  kStated,
  kSameList,
  kSentence,
  kHeading,
  kPassage,
  kPeriod,
  kContextDate,
  kEarlierInDocument,
  kNone
};

// The years known around one expression (0 where there is none).
struct NearbyYears {
  int back = 0;  // the year "de ese año" points to
  static constexpr int kNoShift = 100;
  int sentence = 0;                // stated as such in the same sentence
  int now_shift = kNoShift;        // the sentence says "el año pasado" (-1), "este año" (0)
  int heading = 0;                 // of the innermost enclosing heading that has one
  bool heading_is_year = false;    // that heading is only a year ("2019", "Año 2019")
  int passage = 0;                 // written shortly before in the same passage
  bool passage_of_a_date = false;  // that year is a date's ("junio de 2024"), not "en 2019",
                                   // in the sentence before
  int earlier = 0;                 // stated as such earlier in the document
};

class YearContext {
 public:
  explicit YearContext(const DocumentContext& document);

  // Fills the missing years of e; returns where they came from (kNone: nowhere, e unchanged).
  YearSource Resolve(const NearbyYears& nearby, Expression* e) const;
  // How much to trust a date whose year came from `source`, in [0, 1].
  double Confidence(const Expression& e, YearSource source) const;

  bool has_period() const { return period_first_.year != 0; }
  // A press release's dateline ("Monterrey, N. L., noviembre 7 de 2023.") dates the text
  // when neither a period nor a context date does: it becomes the context date.
  void TakeDateline(const DatePoint& day) {
    if (!has_period() && context_date_.year == 0) context_date_ = day;
  }

 private:
  // Whether the user's context date says the period is not the document's own: it starts
  // after the context date, or ended long before it (a single month more than 3 months
  // before, a longer period more than 18). Such a period is set aside.
  bool ContradictsContextDate() const;
  int FromPeriod(const DatePoint& p, int direction) const;
  int FromContextDate(const DatePoint& p, int direction) const;
  bool OutsidePeriod(const Expression& e) const;

  DatePoint period_first_;  // month precision; year 0 when unknown
  DatePoint period_last_;
  DatePoint context_date_;  // year 0 when none
};

// "2020-07" / "2020" / "2020-07-15" as a DatePoint (a bare year becomes January, or December
// when `end` is true); year 0 when s is empty or malformed.
DatePoint ParseIsoPoint(std::string_view s, bool end);

}  // namespace acervo::es_date

#endif  // ACERVO_PLUGINS_ES_DATE_YEAR_CONTEXT_H_
