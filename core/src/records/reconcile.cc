#include "records/reconcile.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>

#include "acervo/decimal.h"
#include "acervo/text.h"
#include "records/clauses.h"
#include "records/passage.h"

namespace acervo {
namespace {

std::optional<Decimal> AmountOf(const PlacedMention& m) {
  if (m.type != "amount" || !m.value.is_object() || !m.value.contains("amount")) {
    return std::nullopt;
  }
  const nlohmann::json& a = m.value["amount"];
  return a.is_string() ? Decimal::Parse(a.get<std::string>()) : std::nullopt;
}

// The first amount in each cell of row `i`, by cell index.
std::map<size_t, Decimal> AmountsByColumn(const Passages& p, size_t i) {
  std::map<size_t, Decimal> out;
  for (const PlacedMention* m : p.mentions(i)) {
    std::optional<Decimal> d = AmountOf(*m);
    if (!d) continue;
    out.emplace(CellIndexAt(p.segment(i).text, p.OffsetIn(i, *m)), *d);
  }
  return out;
}

// “s”, cut to about 60 bytes at a code point boundary.
std::string Quote(std::string_view s) {
  size_t n = LeadOf(s, 60).size();
  return "“" + std::string(s.substr(0, n)) + (n < s.size() ? "…" : "") + "”";
}

std::string Describe(const Passages& p, int table, size_t row) {
  const Table& t = p.document().tables[table];
  std::string s = "table " + std::to_string(table + 1) + " (page " + std::to_string(p.page(row));
  if (!t.caption.empty()) s += ", " + Quote(t.caption.front());
  return s + ")";
}

std::string ColumnName(const Passages& p, int table, size_t column) {
  const Table& t = p.document().tables[table];
  if (column < t.header.size() && !t.header[column].empty()) return Quote(t.header[column]);
  return "column " + std::to_string(column + 1);
}

struct StatedTotal {
  Decimal value;
  size_t row;
  double tolerance = 0;  // half the last printed digit of a table "en millones" / "en miles"
};

// A plausibility filter only: figures are compared and printed as exact Decimals.
double Approx(const Decimal& d) { return std::stod(d.ToString()); }

// Half the unit of the last digit a cell prints, in a table whose caption or header scales
// its figures ("Cifras en millones de pesos": "1.605,5" is 1605500000 ± 50000000); 0 when
// the table prints its figures in full.
double RoundingOf(const Passages& p, int table, std::string_view cell) {
  const Table& t = p.document().tables[table];
  std::string context;
  for (const auto& c : t.caption) context += Fold(c) + " ";
  for (const auto& c : t.header) context += Fold(c) + " ";
  int power = context.find("millones") != std::string::npos ? 6
              : context.find("miles") != std::string::npos  ? 3
                                                            : 0;
  if (power == 0) return 0;
  size_t comma = cell.rfind(',');
  int decimals = 0;
  if (comma != std::string_view::npos) {
    size_t k = comma + 1;
    while (k < cell.size() && std::isdigit(static_cast<unsigned char>(cell[k]))) ++k, ++decimals;
  }
  return 0.5 * std::pow(10.0, power - decimals);
}

// Checks one table's Sub Total and TOTAL rows; returns the totals it states.
// The number of cells most data rows of the table have.
size_t UsualWidth(const Passages& p, const std::vector<size_t>& rows) {
  std::map<size_t, int> widths;
  for (size_t i : rows) {
    if (!p.segment(i).is_header_row) ++widths[CellsOf(p.segment(i).text).size()];
  }
  size_t best = 0;
  int count = 0;
  for (const auto& [width, n] : widths) {
    if (n > count) best = width, count = n;
  }
  return best;
}

// How far a total row's figures sit left of the columns they total: 0, or, for a row with
// `shortfall` cells fewer than the table's usual width (a label cell a reader dropped or
// merged), that shortfall, whichever makes more of its figures agree with their column's
// sum. Empty where the row states more than one comparable figure and none agrees under
// either reading: such a row was misread (figures run together, a header taken for data),
// and warning about every column would cry wolf.
std::optional<size_t> TotalShift(const std::map<size_t, Decimal>& amounts,
                                 const std::map<size_t, Decimal>& sums, size_t shortfall) {
  int best_agree = -1, compared = 0;
  size_t best = 0;
  for (size_t shift : {size_t{0}, shortfall}) {
    int agree = 0, seen = 0;
    for (const auto& [col, d] : amounts) {
      auto it = sums.find(col + shift);
      if (it == sums.end()) continue;
      ++seen;
      if (it->second == d) ++agree;
    }
    if (agree > best_agree) best_agree = agree, best = shift, compared = seen;
    if (shortfall == 0) break;
  }
  if (best_agree == 0 && compared > 1) return std::nullopt;
  return best;
}

std::vector<StatedTotal> CheckTable(const Passages& p, const RecordRules& rules, int table,
                                    const std::vector<size_t>& rows,
                                    std::vector<std::string>* warnings) {
  std::map<size_t, Decimal> since_subtotal, all;
  std::vector<StatedTotal> stated;
  const size_t usual_width = UsualWidth(p, rows);
  for (size_t i : rows) {
    if (p.segment(i).is_header_row) continue;
    std::string scope = p.TotalScope(i, rules);
    std::map<size_t, Decimal> amounts = AmountsByColumn(p, i);
    if (scope.empty()) {
      for (const auto& [col, d] : amounts) {
        since_subtotal[col] += d;
        all[col] += d;
      }
      continue;
    }
    std::map<size_t, Decimal>& sums = scope == "subtotal" ? since_subtotal : all;
    std::string_view label;
    for (std::string_view cell : CellsOf(p.segment(i).text)) {
      if (!cell.empty()) {
        label = cell;
        break;
      }
    }
    std::vector<std::string_view> cells = CellsOf(p.segment(i).text);
    std::optional<size_t> shift =
        TotalShift(amounts, sums, usual_width > cells.size() ? usual_width - cells.size() : 0);
    for (const auto& [col, d] : amounts) {
      if (scope == "total") {
        stated.push_back({d, i, RoundingOf(p, table, col < cells.size() ? cells[col] : "")});
      }
      if (!shift) continue;  // misread row: nothing to compare
      auto it = sums.find(col + *shift);
      if (it == sums.end()) continue;  // nothing above to add up in this column
      if (!(it->second == d)) {
        warnings->push_back(Describe(p, table, i) + ": row " + Quote(label) + " states " +
                            d.Canonical().ToString() + " in " + ColumnName(p, table, col + *shift) +
                            ", but the rows it covers add up to " +
                            it->second.Canonical().ToString() + " (difference " +
                            (d - it->second).Canonical().ToString() + ")");
      }
    }
    if (scope == "subtotal") since_subtotal.clear();
  }
  return stated;
}

// Running text near the table (same section) that states "the total" of something.
void CheckProse(const Passages& p, const RecordRules& rules, int table,
                const std::vector<size_t>& rows, const std::vector<StatedTotal>& stated,
                std::vector<std::string>* warnings) {
  if (stated.empty() || rows.empty()) return;
  // The section around the table: back to the previous heading, on to the next.
  size_t begin = rows.front(), end = rows.back() + 1;
  while (begin > 0 && p.segment(begin - 1).kind != SegmentKind::kHeading) --begin;
  while (end < p.size() && p.segment(end).kind != SegmentKind::kHeading) ++end;
  for (size_t i = begin; i < end; ++i) {
    if (p.segment(i).kind != SegmentKind::kParagraph) continue;
    std::string_view text = p.segment(i).text;
    for (const PlacedMention* m : p.mentions(i)) {
      std::optional<Decimal> d = AmountOf(*m);
      if (!d) continue;
      // A total cue in the same sentence, before the amount.
      size_t at = p.OffsetIn(i, *m);
      size_t sentence = text.rfind(". ", at);
      sentence = sentence == std::string_view::npos ? 0 : sentence + 2;
      std::string before = Fold(text.substr(sentence, at - sentence));
      bool total_cue = false;
      for (const LexiconHit& hit : rules.amount_cues.FindAll(before)) {
        if (*hit.label == "total") total_cue = true;
      }
      if (!total_cue) continue;
      bool agrees = std::any_of(stated.begin(), stated.end(), [&](const StatedTotal& s) {
        return s.value == *d || std::fabs(Approx(s.value) - Approx(*d)) <= s.tolerance;
      });
      if (!agrees) {
        warnings->push_back("page " + std::to_string(p.page(i)) + ": the text states a total of " +
                            d->Canonical().ToString() + " (" + Quote(m->text) + "), but " +
                            Describe(p, table, stated.back().row) + " states " +
                            stated.back().value.Canonical().ToString());
      }
    }
  }
}

// A sentence that adds figures up ("USD 400.000 del banco y USD 150.000 de la ciudad, para
// un total de USD 560.000"): the amounts before the total, in its currency, must add up to
// it. Only a near miss (within 5%) is reported: a far one means the sentence lists other
// figures, not the parts of its total.
void CheckStatedSums(const Passages& p, const RecordRules& rules,
                     std::vector<std::string>* warnings) {
  for (size_t i = 0; i < p.size(); ++i) {
    if (p.segment(i).kind != SegmentKind::kParagraph) continue;
    // A sentence needs three amounts; most paragraphs hold none.
    size_t amount_count = 0;
    for (const PlacedMention* m : p.mentions(i)) amount_count += AmountOf(*m) ? 1 : 0;
    if (amount_count < 3) continue;
    std::string_view text = p.segment(i).text;
    std::vector<size_t> starts = SentenceStarts(text);
    starts.push_back(text.size());
    for (size_t k = 0; k + 1 < starts.size(); ++k) {
      std::vector<const PlacedMention*> amounts;
      for (const PlacedMention* m : p.mentions(i)) {
        size_t at = p.OffsetIn(i, *m);
        if (at >= starts[k] && at < starts[k + 1] && AmountOf(*m)) amounts.push_back(m);
      }
      if (amounts.size() < 3) continue;
      const PlacedMention* total = amounts.back();
      size_t at = p.OffsetIn(i, *total);
      size_t cue_from = p.OffsetIn(i, *amounts[amounts.size() - 2]);
      bool total_cue = false;
      std::string between = Fold(text.substr(cue_from, at - cue_from));
      for (const LexiconHit& hit : rules.amount_cues.FindAll(between)) {
        if (*hit.label == "total") total_cue = true;
      }
      if (!total_cue) continue;
      std::string currency = total->value.value("currency", "");
      Decimal sum;
      std::string parts;
      bool same_currency = true;
      for (size_t a = 0; a + 1 < amounts.size(); ++a) {
        same_currency = same_currency && amounts[a]->value.value("currency", "") == currency &&
                        !amounts[a]->value.value("approximate", false);
        sum += *AmountOf(*amounts[a]);
        parts += (parts.empty() ? "" : " + ") + AmountOf(*amounts[a])->Canonical().ToString();
      }
      Decimal stated = *AmountOf(*total);
      if (!same_currency || sum == stated) continue;
      double a = Approx(sum), b = Approx(stated);
      if (b == 0 || std::fabs(a - b) > 0.05 * std::fabs(b)) continue;
      warnings->push_back("page " + std::to_string(p.page(i)) + ": the text states a total of " +
                          stated.Canonical().ToString() + " (" + Quote(total->text) +
                          "), but the figures it adds up, " + parts + ", make " +
                          sum.Canonical().ToString() + " (difference " +
                          (stated - sum).Canonical().ToString() + ")");
    }
  }
}

// A figure of the text that nearly equals a figure of the table row its sentence names
// ("el eje de movilidad sostenible … movilizó USD 2.219.500" against the row "Movilidad
// sostenible | 2.220,0" of a table in thousands): the same figure, written two ways that
// disagree beyond the table's rounding. Near means within 1%; one warning per figure.
void CheckNamedRows(const Passages& p, const std::map<int, std::vector<size_t>>& tables,
                    std::vector<std::string>* warnings) {
  for (size_t i = 0; i < p.size(); ++i) {
    if (p.segment(i).kind != SegmentKind::kParagraph) continue;
    const auto& mentions = p.mentions(i);
    if (std::none_of(mentions.begin(), mentions.end(),
                     [](const PlacedMention* m) { return AmountOf(*m).has_value(); })) {
      continue;  // most paragraphs state no amount
    }
    std::string_view text = p.segment(i).text;
    std::vector<size_t> starts = SentenceStarts(text);
    for (const PlacedMention* m : p.mentions(i)) {
      std::optional<Decimal> a = AmountOf(*m);
      if (!a) continue;
      size_t at = p.OffsetIn(i, *m);
      size_t from = *(std::upper_bound(starts.begin(), starts.end(), at) - 1);
      std::string sentence = Fold(text.substr(from, text.find(". ", at) - from));
      bool warned = false;
      for (const auto& [table, rows] : tables) {
        for (size_t r : rows) {
          if (warned || p.segment(r).is_header_row) continue;
          std::vector<std::string_view> cells = CellsOf(p.segment(r).text);
          std::string label = cells.empty() ? "" : Fold(cells[0]);
          if (label.size() < 8 || sentence.find(label) == std::string::npos) continue;
          for (const auto& [col, d] : AmountsByColumn(p, r)) {
            double x = Approx(*a), y = Approx(d);
            double tolerance = RoundingOf(p, table, col < cells.size() ? cells[col] : "");
            double gap = std::fabs(x - y);
            if (d == *a || gap <= tolerance || gap > 0.01 * std::fabs(y)) continue;
            warnings->push_back("page " + std::to_string(p.page(i)) + ": the text gives " +
                                a->Canonical().ToString() + " (" + Quote(m->text) + ") for " +
                                Quote(cells[0]) + ", but " + Describe(p, table, r) + " gives " +
                                d.Canonical().ToString() + " in " + ColumnName(p, table, col) +
                                " (difference " + (*a - d).Canonical().ToString() + ")");
            warned = true;
            break;
          }
        }
      }
    }
  }
}

}  // namespace

void ReconcileTotals(const Passages& passages, const RecordRules& rules,
                     std::vector<std::string>* warnings) {
  std::map<int, std::vector<size_t>> tables;
  for (size_t i = 0; i < passages.size(); ++i) {
    if (passages.segment(i).kind == SegmentKind::kTableRow && passages.table(i) >= 0) {
      tables[passages.table(i)].push_back(i);
    }
  }
  for (const auto& [table, rows] : tables) {
    std::vector<StatedTotal> stated = CheckTable(passages, rules, table, rows, warnings);
    CheckProse(passages, rules, table, rows, stated, warnings);
  }
  CheckStatedSums(passages, rules, warnings);
  CheckNamedRows(passages, tables, warnings);
}

}  // namespace acervo
