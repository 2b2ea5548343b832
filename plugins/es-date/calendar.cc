#include "calendar.h"

#include <cstdio>

namespace acervo::es_date {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && (year == 0 || IsLeapYear(year))) return 29;
  return kDays[month - 1];
}

bool IsValid(const DatePoint& p) {
  if (p.month < 1 || p.month > 12 || p.day < 0) return false;
  return p.day <= DaysInMonth(p.year, p.month);
}

bool Before(const DatePoint& a, const DatePoint& b) {
  if (a.MonthIndex() != b.MonthIndex()) return a.MonthIndex() < b.MonthIndex();
  if (a.day == 0 || b.day == 0) return false;
  return a.day < b.day;
}

std::string Iso(const DatePoint& p) {
  char buf[40];
  if (IsYearOnly(p)) {
    std::snprintf(buf, sizeof buf, "%04d", p.year);
  } else if (p.day > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.year, p.month, p.day);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d", p.year, p.month);
  }
  return buf;
}

}  // namespace acervo::es_date
