#include "records/table_kinds.h"

#include <algorithm>
#include <map>

#include "acervo/text.h"

namespace acervo {

TableKinds::TableKinds(const Passages& p, const RecordRules& rules)
    : p_(p),
      rules_(rules),
      aggregate_(p.document().tables.size(), -1),
      lists_activities_(p.document().tables.size(), -1),
      record_row_(p.size(), -1) {
  statement_ = DocumentIsStatement();
  Classify();
}

namespace {

// A header whose cells are mostly figures is a data row a reader took for one.
bool HeaderIsData(const std::vector<std::string>& header) {
  int cells = 0, figures = 0;
  for (const std::string& cell : header) {
    if (cell.empty()) continue;
    ++cells;
    size_t digits = std::count_if(cell.begin(), cell.end(), [](char c) {
      return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == '%';
    });
    if (2 * digits >= cell.size()) ++figures;
  }
  return cells == 0 || 2 * figures >= cells;
}

}  // namespace

// A table with no header of its own (none, or a data row taken for one) that follows a
// table of as many columns continues it: the rows under "Área 12 – Servicios comunitarios"
// of a budget statement are the same statement, split by a heading inside it.
const Table& TableKinds::Described(int t) const {
  const std::vector<Table>& tables = p_.document().tables;
  if (!HeaderIsData(tables[t].header)) return tables[t];
  size_t width = tables[t].header.size();
  for (int prev = t - 1; prev >= 0; --prev) {
    if (HeaderIsData(tables[prev].header)) continue;
    if (width == 0 || tables[prev].header.size() == width) return tables[prev];
    break;
  }
  return tables[t];
}

bool TableKinds::NamesActivityIn(std::string_view text) const {
  return !rules_.kinds.empty() && !rules_.kinds.FindAll(Fold(text)).empty();
}

// A table lists records when enough of its data rows carry a date or an amount, or the
// pipeline names it; decided over the whole table, across page breaks.
// Money rows make a cooperation table; dated rows make an activity table only where the
// table names activities (a caption "ACCIONES DE CAPACITACIÓN", a header "Contrato", or
// rows that read "Taller …"): a schedule of report deliveries is dated too.
void TableKinds::Classify() {
  struct Count {
    int rows = 0, money = 0, named_rows = 0;
  };
  std::map<int, Count> counts;
  for (size_t i = 0; i < p_.size(); ++i) {
    int t = p_.table(i);
    if (t < 0 || !IsRecordRow(i)) continue;
    Count& c = counts[t];
    ++c.rows;
    if (p_.HasAmount(i)) ++c.money;
    if (NamesActivityIn(p_.segment(i).text)) ++c.named_rows;
  }
  for (const auto& [t, c] : counts) {
    if (IsAggregate(t)) continue;
    const Table& table = Described(t);
    std::string context;
    for (const auto& line : table.caption) context += line + "\n";
    for (const auto& cell : table.header) context += cell + "\n";
    bool names_activities = NamesActivityIn(context) || 2 * c.named_rows >= c.rows;
    if (c.money >= rules_.min_table_records ||
        (c.rows >= rules_.min_table_records && (names_activities || HeaderListsActivities(t))) ||
        (c.rows >= 1 && TableIsNamed(t))) {
      record_tables_.push_back(t);
    }
  }
}

// A table that adds money up by goal, sector, year or entity (aggregate-tables.es.tsv),
// or whose rows open with a goal ("11. Ciudades y comunidades sostenibles").
bool TableKinds::IsAggregate(int t) const {
  signed char& known = aggregate_[t];
  if (known < 0) known = ComputeIsAggregate(t);
  return known;
}

// The heading set right above table `t`'s first row, with nothing between: for a table
// without a caption of its own, its caption set as a heading ("PRESUPUESTO APROBADO POR UNIDAD
// RESPONSABLE (en pesos)" over the table), or empty.
std::string_view TableKinds::HeadingAbove(int t) const {
  for (size_t i = 1; i < p_.size(); ++i) {
    if (p_.table(i) != t) continue;
    const Segment& above = p_.segment(i - 1);
    return above.kind == SegmentKind::kHeading ? above.text : std::string_view();
  }
  return {};
}

bool TableKinds::ComputeIsAggregate(int t) const {
  const Table& table = Described(t);
  std::string context = table.caption.empty() ? Fold(HeadingAbove(t)) + " " : std::string();
  for (const auto& line : table.caption) context += Fold(line) + " ";
  for (const auto& cell : table.header) context += Fold(cell) + " ";
  for (const LexiconHit& hit : rules_.aggregate_tables.FindAll(context)) {
    if (*hit.label == "caption") return true;
    if (*hit.label == "unit" && !NamesActivityIn(context)) return true;
  }
  // Rows keyed by a goal, sector or year are sums, unless a column names each row's ally
  // or activity ("SECTOR | ALIADO | VALOR APORTE" lists allies grouped by sector).
  bool names_rows = std::any_of(table.header.begin(), table.header.end(), [&](auto& cell) {
    const std::string* field = rules_.table_columns.Longest(Fold(cell));
    return field && (*field == "title" || *field == "institution");
  });
  for (const std::string& cell : table.header) {
    const std::string* label = rules_.aggregate_tables.Prefix(HeadingWords(cell));
    if (label && *label == "budget") return true;
  }
  if (statement_ && !names_rows) return true;
  if (!table.header.empty() && !names_rows) {
    const std::string* first = rules_.aggregate_tables.Prefix(HeadingWords(table.header[0]));
    if (first && *first == "column") return true;
  }
  int rows = 0, goal_rows = 0;
  for (size_t i = 0; i < p_.size(); ++i) {
    if (p_.table(i) != t || p_.segment(i).kind != SegmentKind::kTableRow ||
        p_.segment(i).is_header_row || !p_.TotalScope(i, rules_).empty()) {
      continue;
    }
    ++rows;
    for (const PlacedMention* m : p_.mentions(i)) {
      if (m->type == "ods" && CellIndexAt(p_.segment(i).text, p_.OffsetIn(i, *m)) == 0) {
        ++goal_rows;
        break;
      }
    }
  }
  return rows > 0 && 2 * goal_rows >= rows;
}

// Two or more cells that start with a stage of a budget's execution or a budget column.
bool TableKinds::HeadsBudgetColumns(const std::vector<std::string_view>& cells) const {
  int stages = 0;
  for (std::string_view cell : cells) {
    const std::string* label = rules_.aggregate_tables.Prefix(HeadingWords(cell));
    if (label && (*label == "stage" || *label == "budget")) ++stages;
  }
  return stages >= 2;
}

bool TableKinds::DocumentIsStatement() const {
  if (rules_.aggregate_tables.empty()) return false;  // no stage of a budget to name
  for (const Table& table : p_.document().tables) {
    std::vector<std::string_view> cells(table.header.begin(), table.header.end());
    if (HeadsBudgetColumns(cells)) return true;
  }
  for (size_t i = 0; i < p_.size(); ++i) {
    if (p_.segment(i).kind != SegmentKind::kTableRow) continue;
    if (HeadsBudgetColumns(CellsOf(p_.segment(i).text))) return true;
  }
  return false;
}

bool TableKinds::TableIsNamed(int t) const {
  if (rules_.record_tables.empty()) return false;
  const Table& table = Described(t);
  std::string text;
  for (const auto& c : table.caption) text += Fold(c) + " ";
  for (const auto& c : table.header) text += Fold(c) + " ";
  return std::any_of(
      rules_.record_tables.begin(), rules_.record_tables.end(),
      [&](const std::string& phrase) { return text.find(phrase) != std::string::npos; });
}

// A data row that carries a date or an amount, or any data row with words of a table
// whose header names each row's ally or project and a sum of money or a date
// ("Entidad cooperante | Proyecto | Aporte (USD) | Vigencia"): its money cells may carry
// no currency mark for the amount extractor to see.
bool TableKinds::IsRecordRow(size_t i) const {
  signed char& known = record_row_[i];
  if (known < 0) known = ComputeIsRecordRow(i);
  return known;
}

bool TableKinds::ComputeIsRecordRow(size_t i) const {
  const Segment& s = p_.segment(i);
  if (s.kind != SegmentKind::kTableRow || s.is_header_row || !p_.TotalScope(i, rules_).empty()) {
    return false;
  }
  return p_.HasDate(i) || p_.HasAmount(i) ||
         (p_.table(i) >= 0 && HeaderListsActivities(p_.table(i)));
}

bool TableKinds::HeaderListsActivities(int t) const {
  signed char& known = lists_activities_[t];
  if (known >= 0) return known;
  bool names = false, measures = false;
  for (const std::string& cell : Described(t).header) {
    const std::string* field = rules_.table_columns.Longest(Fold(cell));
    if (!field) continue;
    names = names || *field == "title" || *field == "institution";
    measures = measures || *field == "aporte" || *field == "contrapartida" || *field == "total" ||
               *field == "date";
  }
  known = names && measures;
  return known;
}

bool TableKinds::InRecordTable(size_t i) const {
  return std::find(record_tables_.begin(), record_tables_.end(), p_.table(i)) !=
         record_tables_.end();
}

}  // namespace acervo
