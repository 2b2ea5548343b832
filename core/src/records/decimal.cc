#include "records/decimal.h"

#include <algorithm>

namespace acervo {
namespace {

// Magnitudes as digit strings of equal shape: integer and fraction padded to a common width.
struct Aligned {
  std::string a, b;
  size_t fraction_digits;
};

Aligned Align(const std::string& ai, const std::string& af, const std::string& bi,
              const std::string& bf) {
  size_t iw = std::max(ai.size(), bi.size()), fw = std::max(af.size(), bf.size());
  auto shape = [&](const std::string& i, const std::string& f) {
    return std::string(iw - i.size(), '0') + i + f + std::string(fw - f.size(), '0');
  };
  return {shape(ai, af), shape(bi, bf), fw};
}

// a + b or a - b (a >= b) over aligned digit strings.
std::string AddDigits(const std::string& a, const std::string& b) {
  std::string out(a.size() + 1, '0');
  int carry = 0;
  for (size_t k = a.size(); k-- > 0;) {
    int d = (a[k] - '0') + (b[k] - '0') + carry;
    out[k + 1] = static_cast<char>('0' + d % 10);
    carry = d / 10;
  }
  out[0] = static_cast<char>('0' + carry);
  return out;
}

std::string SubtractDigits(const std::string& a, const std::string& b) {
  std::string out(a.size(), '0');
  int borrow = 0;
  for (size_t k = a.size(); k-- > 0;) {
    int d = (a[k] - '0') - (b[k] - '0') - borrow;
    borrow = d < 0;
    out[k] = static_cast<char>('0' + (d + 10) % 10);
  }
  return out;
}

}  // namespace

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  Decimal d;
  if (!text.empty() && text[0] == '-') {
    d.negative_ = true;
    text.remove_prefix(1);
  }
  size_t dot = text.find('.');
  std::string_view i = text.substr(0, dot);
  std::string_view f = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  auto digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if ((i.empty() && f.empty()) || !digits(i) || !digits(f)) return std::nullopt;
  while (i.size() > 1 && i[0] == '0') i.remove_prefix(1);
  while (!f.empty() && f.back() == '0') f.remove_suffix(1);
  d.integer_ = i.empty() ? "0" : std::string(i);
  d.fraction_ = std::string(f);
  if (d.is_zero()) d.negative_ = false;
  return d;
}

Decimal& Decimal::operator+=(const Decimal& other) {
  Aligned x = Align(integer_, fraction_, other.integer_, other.fraction_);
  std::string digits;
  if (negative_ == other.negative_) {
    digits = AddDigits(x.a, x.b);
  } else if (x.a >= x.b) {  // same width, so string order is numeric order
    digits = SubtractDigits(x.a, x.b);
  } else {
    digits = SubtractDigits(x.b, x.a);
    negative_ = other.negative_;
  }
  std::string text = digits.substr(0, digits.size() - x.fraction_digits);
  if (x.fraction_digits > 0) text += "." + digits.substr(digits.size() - x.fraction_digits);
  bool negative = negative_;
  *this = *Parse(text);
  negative_ = negative && !is_zero();
  return *this;
}

Decimal operator-(Decimal a, const Decimal& b) {
  Decimal minus_b = b;
  minus_b.negative_ = !b.negative_ && !b.is_zero();
  a += minus_b;
  return a;
}

std::string Decimal::ToString() const {
  std::string s = negative_ ? "-" : "";
  s += integer_;
  if (!fraction_.empty()) s += "." + fraction_;
  return s;
}

}  // namespace acervo
