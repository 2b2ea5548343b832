// decimal.h — exact arithmetic on the decimal strings amounts carry ("2690952000.00").
//
// Reconciliation adds table cells and compares them with stated totals; doing that through
// floating point would invent or hide discrepancies of a cent, so sums are done digit by
// digit. Only plain decimals are accepted: an optional '-', digits, an optional '.' and
// digits.
#ifndef ACERVO_CORE_RECORDS_DECIMAL_H_
#define ACERVO_CORE_RECORDS_DECIMAL_H_

#include <optional>
#include <string>
#include <string_view>

namespace acervo {

// An exact decimal: sign, integer digits and fraction digits, kept in canonical form (no
// leading zeros in the integer part, no trailing zeros in the fraction, no "-0").
class Decimal {
 public:
  Decimal() = default;  // zero
  static std::optional<Decimal> Parse(std::string_view text);

  Decimal& operator+=(const Decimal& other);
  friend Decimal operator-(Decimal a, const Decimal& b);
  friend bool operator==(const Decimal& a, const Decimal& b) = default;
  bool is_zero() const { return integer_ == "0" && fraction_.empty(); }

  // "2690952000", "12.5", "-3": the shortest exact form.
  std::string ToString() const;

 private:
  bool negative_ = false;
  std::string integer_ = "0";
  std::string fraction_;
};

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_DECIMAL_H_
