// table_kinds.h — which tables of a document list activities, one record per data row,
// and which only add money up (aggregate tables, no records).
//
// A table lists activities when enough of its data rows carry a date or an amount
// (`min_table_records`, counted over the whole table across page breaks), when its header
// names each row's ally or project and a sum of money or a date, or when the pipeline's
// `record_tables` names it. A table is an aggregate, whatever its rows carry, when its
// caption, header or the heading set right above it (a caption set as a heading) adds up
// (`por ODS`, `resumen`, `por unidad responsable`), when its first column holds goals,
// sectors, years or sources and no column names an ally or a project, when its money
// columns are a budget's (`Devengado`, `Saldo`), or when most rows open with a goal. A table
// with no header of its own (a heading inside a statement split it, or a reader took a data
// row for its header) is judged by the table of as many columns it continues. In a budget
// or accounting statement (some row of some table heads two or more columns with stages
// of a budget's execution, `Vigente | Devengado | Percibido`, wherever a scan's layout left
// that row), every table is an aggregate unless its header names each row's ally or project.
// Decided once at construction; const and thread-compatible afterwards.
#ifndef ACERVO_CORE_RECORDS_TABLE_KINDS_H_
#define ACERVO_CORE_RECORDS_TABLE_KINDS_H_

#include <string_view>
#include <vector>

#include "records/passage.h"
#include "records/rules.h"

namespace acervo {

class TableKinds {
 public:
  TableKinds(const Passages& passages, const RecordRules& rules);

  // A data row (not a header, TOTAL or Sub Total row) that may be an activity.
  bool IsRecordRow(size_t i) const;
  // Segment `i` is a row of a table whose rows are activities.
  bool InRecordTable(size_t i) const;
  bool IsAggregate(int table) const;

 private:
  void Classify();
  // The table whose caption and header describe table `t`: `t` itself, or the table it
  // continues when it has no header of its own.
  const Table& Described(int t) const;
  bool TableIsNamed(int table) const;
  std::string_view HeadingAbove(int table) const;
  bool DocumentIsStatement() const;
  bool HeadsBudgetColumns(const std::vector<std::string_view>& cells) const;
  bool ComputeIsAggregate(int table) const;
  bool ComputeIsRecordRow(size_t i) const;
  bool HeaderListsActivities(int table) const;
  bool NamesActivityIn(std::string_view text) const;

  const Passages& p_;
  const RecordRules& rules_;
  std::vector<int> record_tables_;
  bool statement_ = false;
  // IsAggregate and HeaderListsActivities by table, IsRecordRow by segment, once asked:
  // the segmenter asks again for every section and row (-1: not asked yet).
  mutable std::vector<signed char> aggregate_, lists_activities_, record_row_;
};

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_TABLE_KINDS_H_
