// corpus.h — finding and reading the files an evaluation compares: gold files, prediction
// files and, for `--run`, the source documents that belong to the gold.
#ifndef ACERVO_CORE_EVAL_CORPUS_H_
#define ACERVO_CORE_EVAL_CORPUS_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "acervo/status.h"
#include "eval/annotations.h"

namespace acervo::eval {

// A gold file, or every *.json file in a folder (not recursive), in name order.
// `types`: the pipeline's declared mention types (annotations.h, ReadGold).
Result<std::vector<DocAnnotations>> ReadGoldPath(const std::filesystem::path& path,
                                                 const MentionTypes& types = MentionTypes());

// Extraction output: a file or every *.json file in a folder. A file holds one document
// object, an array of them, or one object per line (JSON Lines).
Result<std::vector<DocAnnotations>> ReadPredictionPath(const std::filesystem::path& path,
                                                       const MentionTypes& types = MentionTypes());

// Which rendering of a document `--run` reads when a folder holds several
// (shared/corpus-pdf has 004_x.pdf, 004_x.scan.pdf, 004_x.mixed.pdf).
enum class Variant {
  kText,   // STEM.txt, else .md, .pdf, .docx, .odt, .html (the first found)
  kScan,   // STEM.scan.pdf
  kMixed,  // STEM.mixed.pdf
};
bool ParseVariant(std::string_view name, Variant* variant);

// The source of document `stem` in `dir` for this variant, or nullopt.
std::optional<std::filesystem::path> FindSource(const std::filesystem::path& dir,
                                                const std::string& stem, Variant variant);

}  // namespace acervo::eval

#endif  // ACERVO_CORE_EVAL_CORPUS_H_
