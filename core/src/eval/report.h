// report.h — an evaluation's results for people (a table per document and the
// micro-average; a diff listing each miss and each extra) and for machines (JSON).
//
// The JSON shape is documented in docs/evaluation.md and kept stable: new fields may be
// added, none renamed or removed.
#ifndef ACERVO_CORE_EVAL_REPORT_H_
#define ACERVO_CORE_EVAL_REPORT_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "eval/scorer.h"

namespace acervo::eval {

struct EvalReport {
  std::vector<DocResult> documents;
  Scores micro;                       // the sum over documents
  std::vector<std::string> warnings;  // gold documents skipped, and why
};

// Fills `micro` from `documents`.
void Summarize(EvalReport* report);

nlohmann::json ScoresJson(const Scores& scores);
nlohmann::json ReportJson(const EvalReport& report, bool with_diff);

void PrintTable(const EvalReport& report, std::ostream& out);
void PrintDiff(const EvalReport& report, std::ostream& out);

}  // namespace acervo::eval

#endif  // ACERVO_CORE_EVAL_REPORT_H_
