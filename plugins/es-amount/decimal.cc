#include "decimal.h"

#include <algorithm>

namespace acervo::amount {

Decimal Decimal::FromDigits(std::string_view integer, std::string_view fraction) {
  Decimal d;
  d.digits_.assign(integer);
  d.digits_.append(fraction);
  d.frac_ = static_cast<int>(fraction.size());
  if (d.digits_.empty()) d.digits_ = "0";
  return d;
}

Decimal Decimal::FromInteger(uint64_t n) {
  return FromDigits(std::to_string(n), {});
}

bool Decimal::IsZero() const {
  return std::all_of(digits_.begin(), digits_.end(), [](char c) { return c == '0'; });
}

Decimal Decimal::Scaled(int power) const {
  Decimal d = *this;
  if (power <= 0) return d;
  int moved = std::min(power, d.frac_);
  d.frac_ -= moved;
  d.digits_.append(static_cast<size_t>(power - moved), '0');
  return d;
}

Decimal Decimal::Plus(const Decimal& other) const {
  std::string a = digits_, b = other.digits_;
  int frac = std::max(frac_, other.frac_);
  a.append(static_cast<size_t>(frac - frac_), '0');
  b.append(static_cast<size_t>(frac - other.frac_), '0');
  if (a.size() < b.size()) a.swap(b);
  b.insert(0, a.size() - b.size(), '0');
  std::string sum(a.size(), '0');
  int carry = 0;
  for (size_t i = a.size(); i-- > 0;) {
    int s = (a[i] - '0') + (b[i] - '0') + carry;
    sum[i] = static_cast<char>('0' + s % 10);
    carry = s / 10;
  }
  if (carry) sum.insert(sum.begin(), '1');
  Decimal d;
  d.digits_ = std::move(sum);
  d.frac_ = frac;
  return d;
}

bool Decimal::IntegerBelowPowerOfTen(int power) const {
  std::string s = ToString();
  size_t dot = s.find('.');
  if (dot != std::string::npos) {
    if (s.find_first_not_of('0', dot + 1) != std::string::npos) return false;
    s.resize(dot);
  }
  return static_cast<int>(s.size()) <= power;
}

std::string Decimal::ToString() const {
  size_t int_len = digits_.size() - static_cast<size_t>(frac_);
  std::string integer = digits_.substr(0, int_len);
  size_t nz = integer.find_first_not_of('0');
  integer = nz == std::string::npos ? "0" : integer.substr(nz);
  if (frac_ == 0) return integer;
  return integer + "." + digits_.substr(int_len);
}

std::string CanonicalAmount(std::string_view amount) {
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
  return s.substr(nz);
}

}  // namespace acervo::amount
