#include "i18n/local_format.h"

#include <cctype>

#include "i18n/i18n.h"

namespace acervo {
namespace {

constexpr const char* kMonths[] = {N_("January"),   N_("February"), N_("March"),    N_("April"),
                                   N_("May"),       N_("June"),     N_("July"),     N_("August"),
                                   N_("September"), N_("October"),  N_("November"), N_("December")};

bool Digits(const std::string& s, size_t from, size_t count) {
  if (s.size() < from + count) return false;
  for (size_t i = from; i < from + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

bool PlainDecimal(const std::string& s) {
  size_t begin = !s.empty() && s[0] == '-' ? 1 : 0;
  size_t point = s.find('.');
  size_t int_end = point == std::string::npos ? s.size() : point;
  if (int_end == begin || !Digits(s, begin, int_end - begin)) return false;
  return point == std::string::npos || Digits(s, point + 1, s.size() - point - 1);
}

}  // namespace

std::string LocalNumber(const std::string& decimal) {
  if (!PlainDecimal(decimal)) return decimal;
  bool spanish = CurrentLanguage() == Language::kSpanish;
  char group = spanish ? '.' : ',';
  size_t begin = decimal[0] == '-' ? 1 : 0;
  size_t end = std::min(decimal.find('.'), decimal.size());
  std::string out = decimal.substr(0, begin);
  for (size_t i = begin; i < end; ++i) {
    if (i > begin && (end - i) % 3 == 0) out += group;
    out += decimal[i];
  }
  if (end < decimal.size()) out += (spanish ? ',' : '.') + decimal.substr(end + 1);
  return out;
}

std::string LocalNumber(int64_t n) { return LocalNumber(std::to_string(n)); }

std::string LocalDate(const std::string& iso) {
  if (!Digits(iso, 0, 4)) return iso;
  std::string year = iso.substr(0, 4);
  if (iso.size() == 4) return year;
  if (iso.size() < 7 || iso[4] != '-' || !Digits(iso, 5, 2)) return iso;
  int month = std::stoi(iso.substr(5, 2));
  if (month < 1 || month > 12) return iso;
  const char* name = _(kMonths[month - 1]);
  if (iso.size() == 7) return _f("{month} {year}", fmt::arg("month", name), fmt::arg("year", year));
  if (iso.size() != 10 || iso[7] != '-' || !Digits(iso, 8, 2)) return iso;
  int day = std::stoi(iso.substr(8, 2));
  return _f("{month} {day}, {year}", fmt::arg("month", name), fmt::arg("day", day),
            fmt::arg("year", year));
}

}  // namespace acervo
