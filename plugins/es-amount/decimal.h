// decimal.h — exact non-negative decimal numbers for money, built from digits.
//
// A Decimal is a string of digits and the count of them that are fractional, so
// "2.690.952.000,00" parses to 269095200000 with 2 fractional digits and prints as
// "2690952000.00". Scaling by a power of ten and adding are exact: no floating point is
// ever involved, so no amount can come out off by a rounding error.
#ifndef ACERVO_PLUGINS_ES_AMOUNT_DECIMAL_H_
#define ACERVO_PLUGINS_ES_AMOUNT_DECIMAL_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace acervo::amount {

class Decimal {
 public:
  Decimal() = default;  // zero, no fractional digits
  // `integer` and `fraction` are ASCII digits (either may be empty). Fractional digits are
  // kept as written: FromDigits("5", "00") prints "5.00".
  static Decimal FromDigits(std::string_view integer, std::string_view fraction);
  static Decimal FromInteger(uint64_t n);

  bool IsZero() const;
  int fraction_digits() const { return frac_; }

  // The value times 10^power (power >= 0). "1.5" scaled by 6 is "1500000".
  Decimal Scaled(int power) const;
  // The exact sum; keeps the larger count of fractional digits.
  Decimal Plus(const Decimal& other) const;
  // True when the value is an integer below 10^power.
  bool IntegerBelowPowerOfTen(int power) const;

  // "2690952000.00", "34055000000", "0.5": no leading zeros, fraction as kept.
  std::string ToString() const;

 private:
  std::string digits_ = "0";  // all digits, most significant first
  int frac_ = 0;              // how many of digits_ are after the decimal point
};

// The canonical form used to compare amounts: trailing fractional zeros and a bare point
// dropped ("100000.00" -> "100000", "2.50" -> "2.5"). Accepts ',' as the decimal point too.
std::string CanonicalAmount(std::string_view amount);

}  // namespace acervo::amount

#endif  // ACERVO_PLUGINS_ES_AMOUNT_DECIMAL_H_
