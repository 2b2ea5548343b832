#include "es_amount.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "acervo/message_mark.h"
#include "acervo/text.h"
#include "units.h"

namespace acervo::amount {
namespace {

// How sure a mention is, by where its currency came from.
constexpr double kExplicitCurrency = 0.95;  // the text names it ("dólares", "US$", "COP")
constexpr double kTableCurrency = 0.9;      // the table's caption or header names it
constexpr double kCountryCurrency = 0.8;    // a bare "$" or "pesos" in a document of a country
constexpr double kNoCurrency = 0.6;         // money, currency unknown
constexpr double kBareCellPenalty = 0.95;   // a number that is money because of its column

// Captions short enough to be a units line ("(Cifras en millones de pesos)").
constexpr size_t kMaxUnitsLine = 160;

bool IsExplicit(const std::string& iso) { return !iso.empty() && iso != Currency::kCountry; }

// Whether a column header alone makes its column money: a money word or currency
// ("VALOR APORTE ALIADO", "Devengado", "USD", "Total"), or a scale not beside a count word
// ("(millones)").
bool HeaderSaysMoney(const Units& header) {
  if (header.meaning == HeaderMeaning::kPercent) return false;
  return header.says_money() || (header.power > 0 && header.meaning != HeaderMeaning::kCount);
}

// Whether a figure is written the way accounting writes money: thousands groups and two
// decimals with the other separator ("2.557.500.000,00", "1,234.50").
bool WrittenAsMoney(std::string_view figure) {
  size_t point = figure.find_last_of(".,");
  if (point == std::string_view::npos || figure.size() - point != 3) return false;
  char group = figure[point] == ',' ? '.' : ',';
  return figure.substr(0, point).find(group) != std::string_view::npos;
}

bool IsPlausibleYear(const Decimal& d) {
  std::string s = d.ToString();
  return s.size() == 4 && (s.starts_with("19") || s.starts_with("20"));
}

std::vector<std::string_view> SplitCells(std::string_view row) {
  std::vector<std::string_view> cells;
  for (size_t begin = 0;;) {
    size_t tab = row.find('\t', begin);
    cells.push_back(row.substr(begin, tab - begin));
    if (tab == std::string_view::npos) return cells;
    begin = tab + 1;
  }
}

// Whether a row has a figure, spaces, then another figure inside one cell: cells a PDF
// table reader ran together ("152.400.000,00 18.350.000,00"), or space-grouped thousands.
bool FiguresRunTogether(std::string_view row) {
  for (size_t i = 1; i + 1 < row.size(); ++i) {
    if (row[i] != ' ' || !std::isdigit(static_cast<unsigned char>(row[i - 1]))) continue;
    size_t next = row.find_first_not_of(' ', i);
    if (next == std::string_view::npos) return false;
    if (row[next] == '(' || row[next] == '-') ++next;
    if (next < row.size() && std::isdigit(static_cast<unsigned char>(row[next]))) return true;
  }
  return false;
}

// Whether header cells are in fact a row of figures: a cell of figures only, one written
// as money, sign or accounting parentheses allowed ("2.557.500.000,00", "-865.000,00",
// "(82.140,14)", "418.814.352,44 410.438.065,39").
bool LooksLikeData(std::span<const std::string_view> cells) {
  for (std::string_view cell : cells) {
    bool figures_only = true, money = false;
    for (size_t at = 0; at < cell.size() && figures_only;) {  // each space-separated token
      size_t end = std::min(cell.find(' ', at), cell.size());
      std::string_view token = cell.substr(at, end - at);
      at = end + 1;
      size_t b = token.find_first_not_of("-(");
      size_t e = token.find_last_not_of(")");
      if (b == std::string_view::npos || e < b) continue;
      std::string_view figure = token.substr(b, e - b + 1);
      figures_only = figure.find_first_not_of("0123456789.,") == std::string_view::npos;
      money |= figures_only && WrittenAsMoney(figure);
    }
    if (figures_only && money) return true;
  }
  return false;
}

bool SameLines(const std::vector<std::string>& kept, std::span<const std::string_view> now) {
  if (kept.size() != now.size()) return false;
  for (size_t i = 0; i < kept.size(); ++i) {
    if (kept[i] != now[i]) return false;
  }
  return true;
}

// A passage folded, and its map back to the original made only when a mention needs a span:
// most passages hold no amount, and the fold alone costs a fraction of the fold with its map.
// The text is the same FoldedText's (both are acervo::Fold's).
class FoldedPassage {
 public:
  void Reset(std::string_view original) {
    original_ = original;
    text_.clear();
    AppendFolded(original, &text_);
    map_.reset();
  }
  const std::string& text() const { return text_; }
  size_t ToOriginal(size_t offset) {
    if (!map_) map_.emplace(original_);
    return map_->ToOriginal(offset);
  }

 private:
  std::string_view original_;
  std::string text_;  // kept from passage to passage: no allocation once grown
  std::optional<FoldedText> map_;
};

// The units of a table: its caption's, and each column header's over them.
struct TableUnits {
  std::vector<std::string> caption_lines, header_cells;  // what they were computed from
  Units caption;
  std::vector<Units> header;  // each header cell alone
  bool money_header = false;  // some header cell says its column is money
};

class AmountRun : public Run {
 public:
  AmountRun(const AmountExtractor* extractor, const DocumentContext& document)
      : lex_(extractor->lexicon()),
        scanner_(extractor->scanner()),
        country_currency_(lex_.CountryCurrency(document.country)) {}

  Status Extract(const Segment& segment, std::vector<Mention>* out) override {
    FoldedPassage& folded = folded_;
    folded.Reset(segment.text);
    if (segment.kind == SegmentKind::kTableRow) {
      in_table_ = true;
      std::vector<std::string_view> header(segment.table_header.begin(),
                                           segment.table_header.end());
      if (segment.is_header_row) {
        header = SplitCells(segment.text);
        if (!LooksLikeData(header)) {
          last_header_.assign(header.begin(), header.end());
          return Status::Ok();
        }
        header.clear();  // a row of figures the loader took for a header
      }
      Row(segment, folded, HeaderFor(std::move(header), segment.text), out);
      return Status::Ok();
    }
    if (in_table_) {  // the table that the pending units line announced is over
      pending_ = Units();
      table_.reset();
      in_table_ = false;
    }
    std::vector<Expression>& found = found_;
    found.clear();
    scanner_.Scan(folded.text(), &found);
    size_t emitted = out->size();
    for (const Expression& e : found) {
      if (e.has_currency && !e.percent) Emit(folded, e, 0, e.value, Units(), 1, out);
    }
    // A short line that states units without amounts announces the units of the table
    // right after it; captions and headings may stand between, prose may not.
    bool units_line = false;
    if (out->size() == emitted && folded.text().size() <= kMaxUnitsLine &&
        lex_.NamesCurrency(folded.text())) {  // else ReadUnits finds no currency
      Units u = ReadUnits(lex_, folded.text());
      if (u.has_currency) {  // "(Cifras en millones de pesos)", "Cifras en pesos chilenos"
        pending_ = u;
        table_.reset();
        units_line = true;
      }
    }
    if (segment.kind != SegmentKind::kCaption && segment.kind != SegmentKind::kHeading) {
      if (!units_line) pending_ = Units();
      last_header_.clear();  // prose: a later table without a header is another table
    }
    return Status::Ok();
  }

 private:
  // The header a row's columns are read under. A table the loader split at a section row
  // ("Área 12 – Servicios") may come with one of its rows of figures as header, or none:
  // then the last header that named columns serves, when it has as many cells.
  std::vector<std::string_view> HeaderFor(std::vector<std::string_view> header,
                                          std::string_view row) {
    if (!header.empty() && !LooksLikeData(header)) {
      last_header_.assign(header.begin(), header.end());
      return header;
    }
    size_t cells = header.empty() ? SplitCells(row).size() : header.size();
    if (last_header_.empty() || cells > last_header_.size()) return header;
    return std::vector<std::string_view>(last_header_.begin(), last_header_.end());
  }

  void Row(const Segment& segment, FoldedPassage& folded, std::span<const std::string_view> header,
           std::vector<Mention>* out) {
    const TableUnits& t = UnitsOf(segment.table_caption, header);
    const std::string& f = folded.text();
    // A row with fewer cells than its header lost its leading empty cells (a total row
    // under "Código" and "Programa"): its figures stand under the last columns. Unless
    // figures were run together: then cells were merged, not lost.
    size_t cells = static_cast<size_t>(std::count(f.begin(), f.end(), '\t')) + 1;
    bool run_together = FiguresRunTogether(f);
    size_t first = t.header.size() > cells && !run_together ? t.header.size() - cells : 0;
    size_t begin = 0;
    for (size_t column = first; begin <= f.size(); ++column) {
      size_t end = f.find('\t', begin);
      if (end == std::string::npos) end = f.size();
      Cell(folded, begin, end, {column, run_together}, t, out);
      begin = end + 1;
    }
  }

  // Where a cell stands: its column, and whether the row's columns are loose (cells were
  // run together, so positions may not match the header's).
  struct Place {
    size_t column;
    bool loose;
  };

  void Cell(FoldedPassage& folded, size_t begin, size_t end, Place place, const TableUnits& t,
            std::vector<Mention>* out) {
    size_t column = place.column;
    std::string_view cell = std::string_view(folded.text()).substr(begin, end - begin);
    std::vector<Expression>& found = found_;
    found.clear();
    scanner_.Scan(cell, &found);
    std::vector<bool> parenthesized;
    for (Expression& e : found) parenthesized.push_back(Parenthesized(cell, &e));
    bool merged = MergedFigures(cell, found);
    Units header = column < t.header.size() ? t.header[column] : Units();
    Units units = Overlay(t.caption, header);
    for (size_t i = 0; i < found.size(); ++i) {
      const Expression& e = found[i];
      if (e.percent) continue;
      double confidence = 1;
      if (!e.has_currency) {
        std::string_view figure = Figure(cell, e, parenthesized[i]);
        // Where the row's columns are loose, the header says little: the figure decides, and
        // one written as money counts even beside the words OCR ran into its cell.
        bool money = merged ? MoneyLike(cell, e)
                     : place.loose
                         ? (WholeCell(cell, e) && MoneyLike(cell, e)) ||
                               (Delimited(cell, e) && WrittenAsMoney(figure))
                         : WholeCell(cell, e) && MoneyColumn(header, t, column, e, figure);
        if (!money) continue;
        confidence = kBareCellPenalty;
      }
      Decimal value = e.scaled ? e.value : e.value.Scaled(units.power);
      Emit(folded, e, begin, value, units, confidence, out);
    }
  }

  static std::string_view Figure(std::string_view cell, const Expression& e, bool parenthesized) {
    std::string_view figure = cell.substr(e.begin, e.end - e.begin);
    if (!parenthesized) return figure;
    size_t b = figure.find_first_not_of(" (");
    return figure.substr(b, figure.find_last_not_of(" )") + 1 - b);
  }

  static bool WholeCell(std::string_view cell, const Expression& e) {
    auto blank = [](std::string_view s) {
      return s.find_first_not_of(" \r\n") == std::string_view::npos;
    };
    return blank(cell.substr(0, e.begin)) && blank(cell.substr(e.end));
  }

  // Whether spaces or the cell's ends stand on both sides of the expression.
  static bool Delimited(std::string_view cell, const Expression& e) {
    return (e.begin == 0 || cell[e.begin - 1] == ' ') &&
           (e.end == cell.size() || cell[e.end] == ' ');
  }

  // Figures and nothing else, two or more of them written as money: neighbouring cells a
  // PDF table reader ran together ("18.588.219.000,00 17.750.159.135,00 98,0"). Each
  // figure written as money is an amount.
  static bool MergedFigures(std::string_view cell, const std::vector<Expression>& found) {
    size_t at = 0, money = 0;
    for (const Expression& e : found) {
      if (e.has_currency ||
          cell.substr(at, e.begin - at).find_first_not_of(" ") != std::string_view::npos) {
        return false;
      }
      if (!e.percent && MoneyLike(cell, e)) ++money;
      at = e.end;
    }
    return money >= 2 && cell.substr(at).find_first_not_of(" ,.;\r\n") == std::string_view::npos;
  }

  // A figure written as money, or with the two decimals of cents ("0,00").
  static bool MoneyLike(std::string_view cell, const Expression& e) {
    return e.value.fraction_digits() == 2 || WrittenAsMoney(Figure(cell, e, e.value.negative()));
  }

  // An amount between parentheses that stand alone in its cell is negative, as accounting
  // writes it: "(1.234,00)" is -1234.00 (in prose, parentheses are an aside). Widens the
  // span over the parentheses.
  static bool Parenthesized(std::string_view cell, Expression* e) {
    size_t open = e->begin, close = e->end;
    while (open > 0 && cell[open - 1] == ' ') --open;
    while (close < cell.size() && cell[close] == ' ') ++close;
    if (open == 0 || cell[open - 1] != '(' || close == cell.size() || cell[close] != ')') {
      return false;
    }
    --open;
    ++close;
    bool alone =
        (open == 0 || cell[open - 1] == ' ') && (close == cell.size() || cell[close] == ' ');
    if (!alone || e->value.negative()) return false;
    e->value = e->value.Negated();
    e->begin = open;
    e->end = close;
    return true;
  }

  // Whether a bare number in this column is money. The header decides when it names money,
  // counts or percentages; under a header that says neither ("Modificaciones", "2020", none)
  // the table and the cell do: a figure written as accounting writes money, any figure in a
  // table whose caption names money and whose header names no money column, and a figure
  // with two decimals or thousands groups beside columns that do name money.
  static bool MoneyColumn(const Units& header, const TableUnits& t, size_t column,
                          const Expression& e, std::string_view figure) {
    bool grouped =
        e.value.fraction_digits() == 0 && figure.find_first_of(".,") != std::string_view::npos;
    bool written_as_money = e.value.fraction_digits() == 2 || grouped;
    // The first column holds labels: row numbers and codes ("1110105000") are no money,
    // whatever a misread header above them says.
    if (column == 0 && !written_as_money) return false;
    bool money_table = t.money_header || t.caption.says_money();
    if (header.meaning == HeaderMeaning::kTotal) return money_table;  // not "Total" persons
    if (HeaderSaysMoney(header)) return true;
    if (header.meaning == HeaderMeaning::kCount || header.meaning == HeaderMeaning::kPercent) {
      return false;
    }
    if (e.words_only || (!e.scaled && IsPlausibleYear(e.value))) return false;
    if (WrittenAsMoney(figure)) return true;
    if (t.money_header) return written_as_money;
    return t.caption.says_money();
  }

  void Emit(FoldedPassage& folded, const Expression& e, size_t offset, const Decimal& value,
            const Units& table, double confidence, std::vector<Mention>* out) {
    std::string iso = e.currency;
    bool from_text = e.has_currency && IsExplicit(iso);
    bool from_table = false;
    if (!from_text && IsExplicit(table.currency)) {
      iso = table.currency;
      from_table = true;
    } else if (!e.has_currency) {
      iso = table.has_currency ? table.currency : std::string(Currency::kCountry);
    }
    bool from_country = iso == Currency::kCountry;
    if (from_country) iso = country_currency_;
    confidence *= from_text     ? kExplicitCurrency
                  : from_table  ? kTableCurrency
                  : iso.empty() ? kNoCurrency
                                : kCountryCurrency;

    Mention m;
    m.type = "amount";
    m.begin = folded.ToOriginal(offset + e.begin);
    m.end = folded.ToOriginal(offset + e.end);
    m.confidence = confidence;
    m.value = {{"amount", value.ToString()},
               {"currency", iso.empty() ? nlohmann::json(nullptr) : nlohmann::json(iso)},
               {"approximate", e.approximate}};
    out->push_back(std::move(m));
  }

  const TableUnits& UnitsOf(std::span<const std::string_view> caption,
                            std::span<const std::string_view> header) {
    if (table_ && SameLines(table_->caption_lines, caption) &&
        SameLines(table_->header_cells, header)) {
      return *table_;
    }
    table_ = std::make_unique<TableUnits>();
    for (std::string_view line : caption) {
      table_->caption_lines.emplace_back(line);
      Units u = ReadUnits(lex_, Fold(line));
      table_->caption = Overlay(u, table_->caption);
      if (table_->caption.meaning == HeaderMeaning::kNone) table_->caption.meaning = u.meaning;
    }
    if (table_->caption.power == 0 && !table_->caption.has_currency) {
      table_->caption = pending_;
    }
    for (std::string_view cell : header) {
      table_->header_cells.emplace_back(cell);
      table_->header.push_back(ReadUnits(lex_, Fold(cell)));
      const Units& h = table_->header.back();
      if (h.names_money() || (HeaderSaysMoney(h) && h.power > 0)) table_->money_header = true;
    }
    return *table_;
  }

  const Lexicon& lex_;
  const Scanner& scanner_;
  std::string country_currency_;
  Units pending_;  // units announced by a line before a table
  bool in_table_ = false;
  std::unique_ptr<TableUnits> table_;
  std::vector<std::string> last_header_;  // the last header row that named its columns
  FoldedPassage folded_;                  // the passage Extract reads
  std::vector<Expression> found_;         // what the scanner found in it, or in one cell
};

}  // namespace

PluginInfo AmountExtractor::Info() const {
  return {"es-amount",
          "1.0.0",
          N_("Amounts of money in Spanish text and tables, as exact decimals with ISO 4217 "
             "currency"),
          {{"amount", "amounts", {"amount", "currency"}, {"amount", "currency", "role"}}}};
}

Status AmountExtractor::Configure(const PluginConfig& config) {
  return lexicon_.Load(config.data_dir).Prefixed("es-amount");
}

std::unique_ptr<Run> AmountExtractor::Begin(const DocumentContext& document) const {
  return std::make_unique<AmountRun>(this, document);
}

}  // namespace acervo::amount

ACERVO_PLUGIN(acervo::amount::AmountExtractor);
