#include "eval/match_key.h"

#include <re2/re2.h>

#include "acervo/text.h"

namespace acervo::eval {

std::string MatchKey(std::string_view text) {
  static const RE2 kTag(R"(</?[A-Za-z][A-Za-z0-9]*(?:\s[^>]*)?/?>)");
  static const RE2 kEntity(R"(&(?:[A-Za-z]+|#[0-9]+);)");
  static const RE2 kEmphasis(R"(\*\*|__)");
  std::string s(text);
  RE2::GlobalReplace(&s, kTag, " ");
  RE2::GlobalReplace(&s, kEntity, " ");
  RE2::GlobalReplace(&s, kEmphasis, "");
  std::string folded = Fold(s);

  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (size_t pos = 0; pos < folded.size();) {
    size_t begin = pos;
    char32_t cp = NextCodePoint(folded, &pos);
    if (!IsWordCodePoint(cp)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.append(folded, begin, pos - begin);
  }
  return out;
}

std::string CanonicalDecimal(std::string_view amount) {
  std::string_view s = amount;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  auto all_digits = [](std::string_view d) {
    for (char c : d) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  };
  if ((whole.empty() && frac.empty()) || !all_digits(whole) || !all_digits(frac) ||
      (dot != std::string_view::npos && frac.empty() && whole.empty())) {
    return std::string(amount);
  }
  while (whole.size() > 1 && whole[0] == '0') whole.remove_prefix(1);
  while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
  std::string out(whole.empty() ? "0" : whole);
  if (!frac.empty()) out += "." + std::string(frac);
  if (negative && out != "0") out = "-" + out;
  return out;
}

}  // namespace acervo::eval
