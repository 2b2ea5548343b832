// run.h — predictions made now: the engine run on the source of each gold document, as
// `acervo eval --run` and the corpora regression test do it.
#ifndef ACERVO_CORE_EVAL_RUN_H_
#define ACERVO_CORE_EVAL_RUN_H_

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "acervo/engine.h"
#include "eval/annotations.h"
#include "eval/corpus.h"

namespace acervo::eval {

// The contract JSON of `x` (ToContractJson) with "line", the 1-based source line, added to
// each mention and record whose page has line numbers (text sources).
nlohmann::json ContractJsonWithLines(const Extraction& x);

// Extracts the source of each gold document found in `dir` (FindSource with `variant`) and
// reads the result as a prediction paired with that gold. Gold documents without a source
// are skipped with a note in `warnings`; extraction warnings are added there too. An
// extraction that fails is an error naming the file.
Result<std::vector<DocAnnotations>> ExtractForGold(const Engine& engine,
                                                   const std::vector<DocAnnotations>& gold,
                                                   const std::filesystem::path& dir,
                                                   Variant variant, const Overrides& overrides,
                                                   std::vector<std::string>* warnings);

}  // namespace acervo::eval

#endif  // ACERVO_CORE_EVAL_RUN_H_
