// store_predictions.h — `acervo eval --pred STORE`: the documents of a store (SQLite file or
// PostgreSQL database) read back as predictions, each in the contract's shape (its source,
// mentions and records), so what was ingested can be scored without exporting it first.
#ifndef ACERVO_CORE_EVAL_STORE_PREDICTIONS_H_
#define ACERVO_CORE_EVAL_STORE_PREDICTIONS_H_

#include <filesystem>
#include <vector>

#include "acervo/status.h"
#include "eval/annotations.h"
#include "store/store.h"

namespace acervo::eval {

// Whether `--pred` names a store rather than prediction files: a PostgreSQL URI or an
// existing file ending in ".db".
bool IsStoreLocation(const std::filesystem::path& pred);

// Every stored document as a prediction, in source order.
Result<std::vector<DocAnnotations>> ReadPredictionStore(Store& store, const MentionTypes& types);

}  // namespace acervo::eval

#endif  // ACERVO_CORE_EVAL_STORE_PREDICTIONS_H_
