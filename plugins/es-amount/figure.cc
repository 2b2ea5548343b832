#include "figure.h"

#include <algorithm>
#include <string>

namespace acervo::amount {
namespace {

// The digits of a run of thousands groups ("2.690.952"), or false when a group after the
// first is not exactly three digits or the first has more than three.
bool Ungroup(std::string_view s, char sep, std::string* digits) {
  digits->clear();
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t next = s.find(sep, start);
    std::string_view group = s.substr(start, next - start);
    if (group.empty() || (first ? group.size() > 3 : group.size() != 3)) return false;
    digits->append(group);
    if (next == std::string_view::npos) return true;
    start = next + 1;
    first = false;
  }
}

}  // namespace

bool ParseFigure(std::string_view figure, Decimal* out) {
  if (size_t space = figure.find(' '); space != std::string_view::npos) {
    // Space-grouped thousands, then perhaps a decimal part: "1 250 000,50".
    size_t end = figure.find_first_of(".,");
    std::string digits;
    if (!Ungroup(figure.substr(0, end), ' ', &digits)) return false;
    if (end == std::string_view::npos) {
      *out = Decimal::FromDigits(digits, "");
      return true;
    }
    std::string_view fraction = figure.substr(end + 1);
    if (fraction.empty() || fraction.size() > 2 ||
        fraction.find_first_not_of("0123456789") != std::string_view::npos) {
      return false;
    }
    *out = Decimal::FromDigits(digits, fraction);
    return true;
  }
  if (figure.find_first_not_of("0123456789") == std::string_view::npos) {  // most figures
    *out = Decimal::FromDigits(figure, "");
    return true;
  }
  // An apostrophe groups millions in some Colombian texts ("1'500.000"): treat it as a
  // thousands separator of the same kind as the others.
  std::string s(figure);
  size_t last_dot = s.rfind('.'), last_comma = s.rfind(',');
  char other = last_dot != std::string::npos ? '.' : ',';
  std::replace(s.begin(), s.end(), '\'', other);
  last_dot = s.rfind('.');
  last_comma = s.rfind(',');
  bool has_dot = last_dot != std::string::npos, has_comma = last_comma != std::string::npos;
  std::string digits;
  if (!has_dot && !has_comma) {
    *out = Decimal::FromDigits(s, "");
    return true;
  }
  if (has_dot && has_comma) {
    size_t point = std::max(last_dot, last_comma);
    char group_sep = s[point] == '.' ? ',' : '.';
    std::string_view integer = std::string_view(s).substr(0, point);
    if (integer.find(s[point]) != std::string_view::npos) return false;  // "1.234.567.8,9"?
    if (!Ungroup(integer, group_sep, &digits)) return false;
    *out = Decimal::FromDigits(digits, std::string_view(s).substr(point + 1));
    return true;
  }
  char sep = has_dot ? '.' : ',';
  size_t first = s.find(sep), last = s.rfind(sep);
  if (first != last) {  // one kind, repeated: thousands groups
    if (!Ungroup(s, sep, &digits)) return false;
    *out = Decimal::FromDigits(digits, "");
    return true;
  }
  std::string_view integer = std::string_view(s).substr(0, first);
  std::string_view fraction = std::string_view(s).substr(first + 1);
  bool leading_zero = integer == "0";
  if (fraction.size() == 3 && !leading_zero && integer.size() <= 3) {
    *out = Decimal::FromDigits(std::string(integer) + std::string(fraction), "");
    return true;
  }
  *out = Decimal::FromDigits(integer, fraction);
  return true;
}

}  // namespace acervo::amount
