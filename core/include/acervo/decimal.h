// acervo/decimal.h — exact decimal numbers for money, built from digits.
//
// A Decimal is a sign, a string of digits and the count of them that are fractional, so
// "2.690.952.000,00" read as FromDigits("2690952000", "00") prints "2690952000.00". Adding,
// subtracting and scaling by a power of ten are exact: no floating point is ever involved,
// so no amount or sum comes out a cent off. Fractional digits are kept as written and
// carried through sums (the wider count wins); Canonical() drops the trailing zeros.
// Comparison is by value: "7.10" == "7.1".
#ifndef ACERVO_DECIMAL_H_
#define ACERVO_DECIMAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace acervo {

class Decimal {
 public:
  Decimal() = default;  // zero, no fractional digits
  // `integer` and `fraction` are ASCII digits (either may be empty): FromDigits("5", "00")
  // prints "5.00".
  static Decimal FromDigits(std::string_view integer, std::string_view fraction);
  static Decimal FromInteger(uint64_t n);
  // A plain decimal: an optional '-', digits, an optional '.' and digits ("-12.50", ".5");
  // nullopt for anything else ("12,5", "1e6", "").
  static std::optional<Decimal> Parse(std::string_view text);

  bool IsZero() const;
  bool negative() const { return negative_; }
  int fraction_digits() const { return frac_; }

  // The same digits with the other sign ("1234.00" -> "-1234.00"); zero stays unsigned.
  Decimal Negated() const;
  // The value times 10^power (power >= 0): "1.5" scaled by 6 is "1500000".
  Decimal Scaled(int power) const;
  // True when the value is a non-negative integer below 10^power ("15.00" is below 10^2).
  bool IntegerBelowPowerOfTen(int power) const;
  // The same value without trailing fractional zeros: "2.50" -> "2.5", "7.00" -> "7".
  Decimal Canonical() const;

  Decimal& operator+=(const Decimal& other);
  friend Decimal operator+(Decimal a, const Decimal& b) { return a += b; }
  friend Decimal operator-(Decimal a, const Decimal& b);
  friend bool operator==(const Decimal& a, const Decimal& b);

  // "2690952000.00", "-150.5", "0.5": no leading zeros, the fraction as kept, no "-0".
  std::string ToString() const;

 private:
  bool negative_ = false;
  std::string digits_ = "0";  // all digits, most significant first
  int frac_ = 0;              // how many of digits_ are after the decimal point
};

// The canonical form of an amount string, to compare amounts: trailing fractional zeros
// and a bare point dropped ("100000.00" -> "100000", "2.50" -> "2.5"); ',' is read as the
// decimal point too.
std::string CanonicalAmount(std::string_view amount);

}  // namespace acervo

#endif  // ACERVO_DECIMAL_H_
