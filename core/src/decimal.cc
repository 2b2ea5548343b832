#include "acervo/decimal.h"

#include <algorithm>

namespace acervo {
namespace {

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The digits of a and b with their fractions padded to `frac` digits and the shorter
// left-padded with zeros, so that string order is numeric order.
void Align(const std::string& a, int a_frac, const std::string& b, int b_frac, int frac,
           std::string* x, std::string* y) {
  *x = a + std::string(static_cast<size_t>(frac - a_frac), '0');
  *y = b + std::string(static_cast<size_t>(frac - b_frac), '0');
  size_t width = std::max(x->size(), y->size());
  x->insert(0, width - x->size(), '0');
  y->insert(0, width - y->size(), '0');
}

// a + b over aligned digit strings; one digit longer.
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

// a - b over aligned digit strings, a >= b.
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

Decimal Decimal::FromDigits(std::string_view integer, std::string_view fraction) {
  Decimal d;
  d.digits_.assign(integer);
  d.digits_.append(fraction);
  d.frac_ = static_cast<int>(fraction.size());
  if (d.digits_.empty()) d.digits_ = "0";
  return d;
}

Decimal Decimal::FromInteger(uint64_t n) { return FromDigits(std::to_string(n), {}); }

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  bool negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  size_t dot = text.find('.');
  std::string_view integer = text.substr(0, dot);
  std::string_view fraction =
      dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if ((integer.empty() && fraction.empty()) || !AllDigits(integer) || !AllDigits(fraction)) {
    return std::nullopt;
  }
  Decimal d = FromDigits(integer, fraction);
  d.negative_ = negative && !d.IsZero();
  return d;
}

bool Decimal::IsZero() const {
  return std::all_of(digits_.begin(), digits_.end(), [](char c) { return c == '0'; });
}

Decimal Decimal::Negated() const {
  Decimal d = *this;
  d.negative_ = !negative_ && !IsZero();
  return d;
}

Decimal Decimal::Scaled(int power) const {
  Decimal d = *this;
  if (power <= 0) return d;
  int moved = std::min(power, d.frac_);
  d.frac_ -= moved;
  d.digits_.append(static_cast<size_t>(power - moved), '0');
  return d;
}

bool Decimal::IntegerBelowPowerOfTen(int power) const {
  if (negative_) return false;
  Decimal c = Canonical();
  if (c.frac_ > 0) return false;
  size_t nz = c.digits_.find_first_not_of('0');
  size_t length = nz == std::string::npos ? 1 : c.digits_.size() - nz;
  return static_cast<int>(length) <= power;
}

Decimal Decimal::Canonical() const {
  Decimal d = *this;
  while (d.frac_ > 0 && d.digits_.back() == '0') {
    d.digits_.pop_back();
    --d.frac_;
  }
  size_t keep = static_cast<size_t>(d.frac_) + 1;  // at least one integer digit
  size_t nz = d.digits_.find_first_not_of('0');
  size_t drop = std::min(nz == std::string::npos ? d.digits_.size() : nz,
                         d.digits_.size() - std::min(d.digits_.size(), keep));
  d.digits_.erase(0, drop);
  if (d.digits_.empty()) d.digits_ = "0";
  return d;
}

Decimal& Decimal::operator+=(const Decimal& other) {
  int frac = std::max(frac_, other.frac_);
  std::string a, b;
  Align(digits_, frac_, other.digits_, other.frac_, frac, &a, &b);
  if (negative_ == other.negative_) {
    digits_ = AddDigits(a, b);
    // Only a carry needs the extra digit (keeps "999.9" + "0.1" = "1000.0" as one digit more).
    if (digits_[0] == '0') digits_.erase(0, 1);
  } else if (a >= b) {
    digits_ = SubtractDigits(a, b);
  } else {
    digits_ = SubtractDigits(b, a);
    negative_ = other.negative_;
  }
  frac_ = frac;
  if (IsZero()) negative_ = false;
  return *this;
}

Decimal operator-(Decimal a, const Decimal& b) {
  Decimal minus_b = b;
  minus_b.negative_ = !b.negative_ && !b.IsZero();
  return a += minus_b;
}

bool operator==(const Decimal& a, const Decimal& b) { return (a - b).IsZero(); }

std::string Decimal::ToString() const {
  size_t int_len = digits_.size() - static_cast<size_t>(frac_);
  std::string integer = digits_.substr(0, int_len);
  size_t nz = integer.find_first_not_of('0');
  integer = nz == std::string::npos ? "0" : integer.substr(nz);
  std::string out = negative_ && !IsZero() ? "-" + integer : integer;
  if (frac_ == 0) return out;
  return out + "." + digits_.substr(int_len);
}

std::string CanonicalAmount(std::string_view amount) {
  bool negative = !amount.empty() && amount[0] == '-';
  if (negative) amount.remove_prefix(1);
  std::string s(amount);
  std::replace(s.begin(), s.end(), ',', '.');
  size_t dot = s.find('.');
  if (dot != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  size_t nz = s.find_first_not_of('0');
  if (nz == std::string::npos) return "0";
  if (s[nz] == '.') --nz;
  return negative ? "-" + s.substr(nz) : s.substr(nz);
}

}  // namespace acervo
