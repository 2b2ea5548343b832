// es-date/calendar.h — a point in the Gregorian calendar at day or month precision.
//
// A DatePoint may lack its year (0) until the resolver supplies one from context; day 0
// means month precision, and month 0 with a year the precision of a year, which only a
// range's end may have ("de 2014 hasta mayo de 2018"). Iso() renders "2024-02-08",
// "2024-02" or "2024".
#ifndef ACERVO_PLUGINS_ES_DATE_CALENDAR_H_
#define ACERVO_PLUGINS_ES_DATE_CALENDAR_H_

#include <string>

namespace acervo::es_date {

struct DatePoint {
  int year = 0;   // 0: not given
  int month = 0;  // 1-12
  int day = 0;    // 0: month precision

  // Months since year 0, for comparing and measuring distances.
  int MonthIndex() const { return year * 12 + month - 1; }
  bool operator==(const DatePoint&) const = default;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
// True when month is 1-12 and day is 0 or a day of that month (Feb 29 only in leap years;
// with the year unknown, Feb 29 is allowed).
bool IsValid(const DatePoint& p);
// a before b, comparing at the coarser of the two precisions as equal.
bool Before(const DatePoint& a, const DatePoint& b);
// A year alone ({2014, 0, 0}): an end of a range whose text gives only its year.
inline bool IsYearOnly(const DatePoint& p) { return p.year > 0 && p.month == 0 && p.day == 0; }
// "2024-02-08", "2024-02", "2024"; requires a year.
std::string Iso(const DatePoint& p);

}  // namespace acervo::es_date

#endif  // ACERVO_PLUGINS_ES_DATE_CALENDAR_H_
