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
  // Written by hand in the usual case (every mention gives two): snprintf was most of the cost.
  if (p.year >= 0 && p.year <= 9999 && p.month >= 0 && p.month <= 99 && p.day >= 0 && p.day <= 99) {
    auto digits = [](std::string* out, int value, int width) {
      for (int power = width == 4 ? 1000 : 10; power > 0; power /= 10) {
        out->push_back(static_cast<char>('0' + value / power % 10));
      }
    };
    std::string out;
    digits(&out, p.year, 4);
    if (IsYearOnly(p)) return out;
    out.push_back('-');
    digits(&out, p.month, 2);
    if (p.day > 0) {
      out.push_back('-');
      digits(&out, p.day, 2);
    }
    return out;
  }
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
