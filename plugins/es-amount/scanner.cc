#include "scanner.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace acervo::amount {
namespace {

using Role = Lexicon::Role;

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// Folded text has its letters in ASCII; what remains above it is symbols and punctuation
// ("€", "“", "º").
constexpr bool IsWordByte(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsPlausibleYear(const Decimal& d) {
  std::string s = d.ToString();
  return s.size() == 4 && (s.starts_with("19") || s.starts_with("20"));
}
constexpr bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r'; }
bool IsSeparator(char c) { return c == '.' || c == ',' || c == '\''; }

// What Scan's loop asks of every byte, in one lookup: IsWordByte, IsSpace or a tab, IsDigit.
enum ByteClass : uint8_t { kWord = 1, kBlank = 2, kDigit = 4 };
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    char ch = static_cast<char>(c);
    table[c] =
        static_cast<uint8_t>((IsWordByte(ch) ? kWord : 0) |
                             (IsSpace(ch) || ch == '\t' ? kBlank : 0) | (IsDigit(ch) ? kDigit : 0));
  }
  return table;
}();
uint8_t ClassOf(char c) { return kByteClass[static_cast<unsigned char>(c)]; }

size_t SkipSpaces(std::string_view f, size_t pos) {
  while (pos < f.size() && IsSpace(f[pos])) ++pos;
  return pos;
}

// Whether the space at f[i] groups thousands of the figure f[pos, i) ("18 744 600", as
// Peru and Spain write): the figure so far is digit groups of at most three, then three,
// joined by single spaces, and exactly three digits follow.
bool SpaceGroupsAt(std::string_view f, size_t pos, size_t i) {
  if (f[i] != ' ' || i + 4 > f.size()) return false;
  for (size_t k = i + 1; k < i + 4; ++k) {
    if (!IsDigit(f[k])) return false;
  }
  if (i + 4 < f.size() && IsWordByte(f[i + 4])) return false;
  std::string_view so_far = f.substr(pos, i - pos);
  if (so_far.find_first_of(".,'") != std::string_view::npos) return false;
  size_t first_space = so_far.find(' ');
  size_t first = first_space == std::string_view::npos ? so_far.size() : first_space;
  return first >= 1 && first <= 3;
}

// The end of the figure that starts at pos: digits, separators between digits, and
// spaces that group thousands.
size_t FigureEnd(std::string_view f, size_t pos) {
  size_t i = pos;
  while (i < f.size()) {
    if (IsDigit(f[i])) {
      ++i;
    } else if (IsSeparator(f[i]) && i + 1 < f.size() && IsDigit(f[i + 1])) {
      ++i;
    } else if (SpaceGroupsAt(f, pos, i)) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

// Over 80 lines: one left-to-right pass over the figures, number words and scales of a
// number, with the running groups they add to; split, each piece would need all of them.
bool Scanner::ParseNumber(std::string_view f, size_t pos, Expression* e, size_t* end) const {
  Decimal total, group;          // sum of closed million-groups; the open group below them
  bool total_set = false;        // a million-group was closed: total is not zero
  bool group_set = false;        // the open group has a value
  bool figure_in_group = false;  // a figure was read since the last scale word
  bool any = false, words_only = true;
  int last_big_power = 1000;  // scales of 10^6 and more must decrease
  int last_scale = 0;         // the scale word just read, 0 when the last token was not one
  size_t last_end = pos, we = 0;

  while (true) {
    size_t q = any ? SkipSpaces(f, last_end) : pos;
    if (q >= f.size()) break;
    if (any && (q == last_end) && IsWordByte(f[q])) break;
    if (IsDigit(f[q])) {
      if (figure_in_group || (group_set && last_scale == 0)) break;  // two numbers in a row
      size_t fe = FigureEnd(f, q);
      // "10k" is ten thousand; "1er", "3a", "4x4" are no numbers.
      bool thousands =
          !any && fe < f.size() && f[fe] == 'k' && (fe + 1 == f.size() || !IsWordByte(f[fe + 1]));
      if (fe < f.size() && IsWordByte(f[fe]) && !thousands) break;
      Decimal d;
      if (!ParseFigure(f.substr(q, fe - q), &d)) break;
      if (thousands) {
        group = d.Scaled(3);
        group_set = any = e->scaled = true;
        words_only = false;
        last_scale = 3;
        last_end = fe + 1;
        break;
      }
      if (last_scale > 0 && !d.IntegerBelowPowerOfTen(last_scale)) break;
      // An open group not yet set is zero: the figure is its value (the same digits that
      // adding it to zero gives, a figure always having integer digits), without the sum.
      if (group_set) {
        group += d;
      } else {
        group = std::move(d);
      }
      group_set = figure_in_group = any = true;
      words_only = false;
      last_scale = 0;
      last_end = fe;
      continue;
    }
    int si = lex_->MatchScale(f, q, &we);
    if (si >= 0) {
      int power = lex_->scale_power(si);
      if (!any && !lex_->scale_alone(si)) break;  // "millones de personas": no number
      if (power >= last_big_power || (last_scale > 0 && power <= last_scale)) break;
      Decimal base = group_set ? group : Decimal::FromInteger(1);
      if (power < 6) {
        group = base.Scaled(power);
        group_set = true;
      } else {
        total += base.Scaled(power);
        total_set = true;
        group = Decimal();
        group_set = false;
        last_big_power = power;
      }
      figure_in_group = false;
      any = e->scaled = true;
      last_scale = power;
      last_end = we;
      // "un millón y medio": half of the scale just read.
      size_t and_end, half_end;
      size_t y = SkipSpaces(f, we);
      if (lex_->MatchConnector(Role::kAnd, f, y, &and_end)) {
        int hi = lex_->MatchNumberWord(f, SkipSpaces(f, and_end), &half_end);
        if (hi >= 0 && lex_->number_value(hi).fraction_digits() > 0) {
          Decimal half = lex_->number_value(hi).Scaled(power);
          if (power < 6) {
            group += half;
          } else {
            total += half;
            total_set = true;
          }
          last_end = half_end;
        }
      }
      continue;
    }
    int ni = lex_->MatchNumberWord(f, q, &we);
    if (ni >= 0) {
      if (figure_in_group) break;
      if (group_set) {  // (unset, the group is zero: the word's value is its value)
        group += lex_->number_value(ni);
      } else {
        group = lex_->number_value(ni);
      }
      group_set = any = true;
      last_scale = 0;
      last_end = we;
      continue;
    }
    // "treinta y cinco": a joiner between two number words.
    size_t and_end;
    if (any && group_set && !figure_in_group && last_scale == 0 &&
        lex_->MatchConnector(Role::kAnd, f, q, &and_end)) {
      size_t next_end;
      if (lex_->MatchNumberWord(f, SkipSpaces(f, and_end), &next_end) >= 0) {
        last_end = and_end;
        continue;
      }
    }
    break;
  }
  if (!any) return false;
  // Without a closed million-group the total is zero, and the open group is the value (what
  // adding it to zero gives, but for leading zeros no output shows).
  e->value = !group_set ? total : total_set ? total + group : std::move(group);
  e->tail_power = last_scale;
  e->words_only = words_only;
  *end = last_end;
  return true;
}

bool Scanner::ParseCents(std::string_view f, size_t pos, Decimal* cents, size_t* end) const {
  size_t q = SkipSpaces(f, pos), c_end;
  bool joined = lex_->MatchConnector(Role::kCents, f, q, &c_end);
  if (joined) q = SkipSpaces(f, c_end);
  if (q >= f.size() || q == pos) return false;
  Expression n;
  size_t n_end;
  if (!ParseNumber(f, q, &n, &n_end) || n.scaled || !n.value.IntegerBelowPowerOfTen(2)) {
    return false;
  }
  size_t s_end;
  if (lex_->MatchSubunit(f, SkipSpaces(f, n_end), &s_end)) {
    n_end = s_end;
  } else {
    // Without "centavos", only cents that end the clause: "15 dólares con 50.", "15 USD 50,"
    // ("15 dólares 50 veces" is not money and cents).
    size_t after = SkipSpaces(f, n_end);
    if (!joined && n_end - q != 2) return false;
    if (after < f.size() && (IsWordByte(f[after]) || f[after] == '%')) return false;
  }
  std::string digits = n.value.ToString();
  if (digits.size() == 1) digits.insert(digits.begin(), '0');
  *cents = Decimal::FromDigits("0", digits);
  *end = n_end;
  return true;
}

bool Scanner::ApproximationBefore(std::string_view f, size_t pos, size_t* begin) const {
  size_t x = pos;
  while (x > 0 && IsSpace(f[x - 1])) --x;
  for (const std::string& p : lex_->approximate_before()) {
    if (p.size() > x || f.compare(x - p.size(), p.size(), p) != 0) continue;
    size_t b = x - p.size();
    if (b > 0 && IsWordByte(f[b - 1])) continue;
    *begin = b;
    return true;
  }
  return false;
}

bool Scanner::ApproximationAfter(std::string_view f, size_t pos, size_t* end) const {
  size_t q = SkipSpaces(f, pos);
  if (q == pos && q < f.size()) return false;
  for (const std::string& p : lex_->approximate_after()) {
    if (f.compare(q, p.size(), p) != 0) continue;
    size_t e = q + p.size();
    if (e < f.size() && IsWordByte(f[e]) && IsWordByte(p.back())) continue;
    *end = e;
    return true;
  }
  return false;
}

bool Scanner::ParseSignedAt(std::string_view f, size_t pos, Expression* e) const {
  // A minus sign written against the figure or symbol ("-1.250.000,50", "-$ 500") makes the
  // amount negative; after a digit or a word it is a range or a hyphen.
  if (f[pos] == '-' && pos + 1 < f.size() && !IsSpace(f[pos + 1]) &&
      (pos == 0 || IsSpace(f[pos - 1]) || f[pos - 1] == '\t' || f[pos - 1] == '(')) {
    if (!ParseAt(f, pos + 1, e) || e->begin != pos + 1 || e->value.negative()) return false;
    e->begin = pos;
    e->value = e->value.Negated();
    return true;
  }
  return ParseAt(f, pos, e);
}

// Over 80 lines: one pass over [approximation] [currency] number [currency] [cents], whose
// checks each read what the one before found; split, they would pass half a dozen values.
bool Scanner::ParseAt(std::string_view f, size_t pos, Expression* e) const {
  *e = Expression();
  e->begin = pos;
  // A currency before the number: "$", "US$", "\$", "USD", "dólar 22,5 millones".
  size_t p = pos, cur_end = 0, num_end = 0;
  if (f[p] == '\\' && p + 1 < f.size() && f[p + 1] == '$') ++p;
  int before = lex_->MatchCurrency(f, p, &cur_end);
  size_t q = pos;
  bool negative = false;
  if (before >= 0) {
    q = SkipSpaces(f, cur_end);
    if (q + 1 < f.size() && f[q] == '-' && IsDigit(f[q + 1])) {  // "$ -1.250,00"
      negative = true;
      ++q;
    }
    bool digit_follows = q < f.size() && IsDigit(f[q]);
    // A name stands before a figure only ("dólar 22,5 millones").
    if (lex_->currency(before).kind == Currency::kName && !digit_follows) return false;
    // A name needs a space before its figure; a code may touch it ("USD1,23").
    if (lex_->currency(before).kind == Currency::kName && q == cur_end) return false;
  } else if (p != pos) {
    return false;
  }
  if (!ParseNumber(f, q, e, &num_end)) return false;
  // ... and never before a year ("pesos 2020").
  if (before >= 0 && lex_->currency(before).kind == Currency::kName && !e->scaled &&
      IsPlausibleYear(e->value)) {
    return false;
  }
  // A code that is also an acronym, before a small bare integer, names something else:
  // "COP 26" is a climate summit ("EUR 20" is money).
  if (before >= 0 && lex_->currency(before).acronym && !e->scaled &&
      e->value.IntegerBelowPowerOfTen(2)) {
    return false;
  }
  e->end = num_end;

  // A currency after the number, possibly behind "de" ("2 millones de euros"), and scales
  // after a code ("75 USD millones").
  size_t r = SkipSpaces(f, num_end), after_end = 0, of_end;
  int after = r > num_end || (r < f.size() && !IsWordByte(f[r]))
                  ? lex_->MatchCurrency(f, r, &after_end)
                  : -1;
  if (after < 0 && e->scaled && lex_->MatchConnector(Role::kOf, f, r, &of_end)) {
    after = lex_->MatchCurrency(f, SkipSpaces(f, of_end), &after_end);
  }
  // A name that is also a word is money after a figure only: "un peso creciente" is weight.
  if (after >= 0 && lex_->currency(after).word && e->words_only) after = -1;
  if (after >= 0) {
    e->end = after_end;
    if (lex_->currency(after).power > 0 && !e->scaled) {  // "34 mdp"
      e->value = e->value.Scaled(lex_->currency(after).power);
      e->scaled = true;
      e->tail_power = lex_->currency(after).power;
    }
    size_t scale_end;
    int si = lex_->currency(after).kind == Currency::kCode && !e->scaled
                 ? lex_->MatchScale(f, SkipSpaces(f, after_end), &scale_end)
                 : -1;
    if (si >= 0 && lex_->scale_power(si) >= 6) {
      e->value = e->value.Scaled(lex_->scale_power(si));
      e->scaled = true;
      e->tail_power = lex_->scale_power(si);
      e->end = scale_end;
    }
  }
  if (before < 0 && after < 0) {
    // A bare number. Percentages are consumed, so that their numbers are not read again.
    size_t pct_end;
    if (lex_->MatchConnector(Role::kPercent, f, r, &pct_end)) {
      e->end = pct_end;
      e->percent = true;
    }
    return true;
  }

  // The explicit currency wins over the country's ("$ 30 millones de dólares").
  const Currency* cur = nullptr;
  for (int i : {after, before}) {
    if (i < 0) continue;
    const Currency& c = lex_->currency(i);
    bool explicit_iso = !c.iso.empty() && c.iso != Currency::kCountry;
    if (!cur || (explicit_iso && (cur->iso.empty() || cur->iso == Currency::kCountry))) cur = &c;
  }
  e->has_currency = true;
  e->currency = cur->iso;

  if (after >= 0 && lex_->currency(after).kind != Currency::kSymbol) {
    Decimal cents;
    size_t cents_end;
    if (e->value.fraction_digits() == 0 && !e->scaled &&
        ParseCents(f, e->end, &cents, &cents_end)) {
      e->value += cents;
      e->end = cents_end;
    }
  }

  size_t approx;
  if (ApproximationBefore(f, e->begin, &approx)) {
    e->begin = approx;
    e->approximate = true;
  } else if (ApproximationAfter(f, e->end, &approx)) {
    e->end = approx;
    e->approximate = true;
  }
  if (negative) e->value = e->value.Negated();
  return true;
}

void Scanner::Scan(std::string_view f, std::vector<Expression>* out) const {
  size_t first = out->size();
  size_t pos = 0;
  Expression e;  // ParseAt starts it afresh
  const size_t n = f.size();
  while (pos < n) {
    const char c = f[pos];
    const uint8_t k = ClassOf(c);
    if (k & kBlank) {  // most bytes that start no word
      ++pos;
      continue;
    }
    const bool word = k & kWord;
    const bool anchor = !word || pos == 0 || !(ClassOf(f[pos - 1]) & kWord);
    // What ParseAt reads first: a figure, a sign, an escaped "\$", or a lexicon phrase
    // (without one of them it finds nothing).
    if (anchor && ((k & kDigit) || c == '-' || c == '\\' || lex_->StartsNumberAt(f, pos))) {
      if (ParseSignedAt(f, pos, &e)) {
        pos = std::max(e.end, pos + 1);
        out->push_back(std::move(e));
        continue;
      }
    }
    ++pos;
    if (word) {
      while (pos < n && (ClassOf(f[pos]) & kWord)) ++pos;
    }
  }
  for (size_t i = first; i + 1 < out->size(); ++i) {
    Expression& low = (*out)[i];
    const Expression& high = (*out)[i + 1];
    // Money has at most two decimals: "1.1990 a 1.015 francos" is no range of prices.
    if (low.has_currency || low.percent || low.scaled || !high.has_currency ||
        low.value.fraction_digits() > 2) {
      continue;
    }
    size_t q = SkipSpaces(f, low.end), range_end;
    if (!lex_->MatchConnector(Role::kRange, f, q, &range_end) ||
        SkipSpaces(f, range_end) != high.begin) {
      continue;
    }
    low.value = low.value.Scaled(high.tail_power);
    low.scaled = high.tail_power > 0;
    low.has_currency = true;
    low.currency = high.currency;
  }
}

}  // namespace acervo::amount
