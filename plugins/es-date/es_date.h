// es-date/es_date.h — the "es-date" plugin: Spanish dates as ISO 8601 "date" mentions.
//
// Configure loads the vocabulary from the data folder and compiles the grammar once. A Run
// reads a document's segments in order, remembers the last year it stated, and emits one
// mention per date, range or list item with value {"start", "end"} at the precision the text
// gives ("2024-02-08", "2024-02"). Years the text leaves out are settled by YearContext.
// Bare years, times, durations and numbers in identifiers and URLs are not dates.
#ifndef ACERVO_PLUGINS_ES_DATE_ES_DATE_H_
#define ACERVO_PLUGINS_ES_DATE_ES_DATE_H_

#include <memory>

#include "acervo/plugin.h"
#include "grammar.h"

namespace acervo::es_date {

class EsDateExtractor : public Extractor {
 public:
  PluginInfo Info() const override;
  Status Configure(const PluginConfig& config) override;
  std::unique_ptr<Run> Begin(const DocumentContext& document) const override;

 private:
  std::unique_ptr<Grammar> grammar_;
};

}  // namespace acervo::es_date

#endif  // ACERVO_PLUGINS_ES_DATE_ES_DATE_H_
