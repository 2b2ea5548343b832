// rules.h — what a pipeline's `records:` section says about assembling records, with its
// lexicons loaded. A pipeline file can adapt the assembler to a report family:
//
//   records:
//     review_threshold: 0.6                      # records under it get needs_review
//     kinds: lexicons/record-kinds.es.tsv        # kind<TAB>word
//     group_headings: lexicons/group-headings.es.tsv   # headings that only group others
//     table_columns: lexicons/table-columns.es.tsv     # header phrase -> field or role
//     amount_cues: lexicons/amount-cues.es.tsv         # prose words -> amount role
//     total_rows: lexicons/total-rows.es.tsv           # TOTAL / Sub Total row labels
//     activity_verbs: lexicons/activity-verbs.es.tsv   # kind<TAB>past verb: prose activities
//     plan_cues: lexicons/plan-cues.es.tsv             # "tiene como objetivo": no activity
//     non_record_sections: lexicons/non-record-sections.es.tsv  # "Presentación", "Bibliografía"
//     aggregate_tables: lexicons/aggregate-tables.es.tsv  # money by goal/sector/year: no records
//     min_table_records: 2     # a table's rows are records when it has this many dated or
//                              # money rows; fewer stay part of the section around them
//     record_tables: [cuadro de cooperacion]   # captions/headers whose rows are always records
//
// Paths are relative to the pipeline file. A missing lexicon is an error, so a typo in a
// pipeline is reported instead of silently producing worse records.
#ifndef ACERVO_CORE_RECORDS_RULES_H_
#define ACERVO_CORE_RECORDS_RULES_H_

#include <memory>
#include <string>
#include <vector>

#include "acervo/status.h"
#include "pipeline/pipeline.h"
#include "records/lexicon.h"

namespace acervo {

struct RecordRules {
  double review_threshold = 0.6;
  Lexicon kinds;
  Lexicon group_headings;
  Lexicon table_columns;
  Lexicon amount_cues;
  Lexicon total_rows;
  Lexicon activity_verbs;
  Lexicon plan_cues;
  Lexicon non_record_sections;
  Lexicon aggregate_tables;
  int min_table_records = 2;
  std::vector<std::string> record_tables;  // folded phrases

  static Result<RecordRules> Load(const Pipeline& pipeline);
};

// The rules of `pipeline`, loaded once per pipeline file and shared (thread-safe).
Result<std::shared_ptr<const RecordRules>> RulesFor(const Pipeline& pipeline);

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_RULES_H_
