// es_amount.h — the es-amount extractor: amounts of money in Spanish text.
//
// Emits one "amount" mention per money expression, with value
// {"amount": "2690952000.00", "currency": "COP" | null, "approximate": false}: the amount is
// an exact decimal in units, built from the digits; the currency is ISO 4217, the one the
// text names, else (for a bare "$" or "pesos") the document country's, else null. Numbers
// without a currency are money only in a table: in a column whose header or caption says
// so ("Devengado", "Saldo", "Cifras en millones de pesos", which also scales them), or, under
// a header that says nothing, when written as accounting writes money ("2.557.500.000,00");
// they take the caption's currency or the document country's. Negative sums keep their
// sign ("-1.250.000,50", a cell's "(1.234,00)"). Counts, percentages, years, codes and
// identifiers are never emitted.
#ifndef ACERVO_PLUGINS_ES_AMOUNT_ES_AMOUNT_H_
#define ACERVO_PLUGINS_ES_AMOUNT_ES_AMOUNT_H_

#include <memory>

#include "acervo/plugin.h"
#include "lexicon.h"
#include "scanner.h"

namespace acervo::amount {

class AmountExtractor : public Extractor {
 public:
  AmountExtractor() : scanner_(&lexicon_) {}

  PluginInfo Info() const override;
  Status Configure(const PluginConfig& config) override;
  std::unique_ptr<Run> Begin(const DocumentContext& document) const override;

  const Lexicon& lexicon() const { return lexicon_; }
  const Scanner& scanner() const { return scanner_; }

 private:
  Lexicon lexicon_;
  Scanner scanner_;
};

}  // namespace acervo::amount

#endif  // ACERVO_PLUGINS_ES_AMOUNT_ES_AMOUNT_H_
