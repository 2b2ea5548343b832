// loader_data.h — where the loader's language data files (core/data/loader/*.tsv) are.
//
// The first of these folders that holds the file asked for: $ACERVO_LOADER_DATA,
// <exe dir>/data/loader (build tree), <exe dir>/../share/acervo/data/loader (install).
// Threads: safe (reads the environment and the file system only).
// Also: the loader's pattern files (furniture.tsv, captions.tsv) compiled into one RE2.
#ifndef ACERVO_CORE_LOAD_LOADER_DATA_H_
#define ACERVO_CORE_LOAD_LOADER_DATA_H_

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/status.h"

namespace re2 {
class RE2;
}

namespace acervo {

// The path of data file `name` ("furniture.tsv"); empty when no folder holds it.
std::filesystem::path FindLoaderData(const std::string& name);

// The RE2 patterns of a data file (first field of each row; '#' lines are comments) compiled
// as one case-insensitive alternation `prefix(?:(?:p1)|(?:p2)|...)suffix` (a file with no
// pattern matches nothing). Corrupt, naming the file and line, when a pattern does not compile.
Result<std::unique_ptr<re2::RE2>> LoadPatterns(const std::filesystem::path& file,
                                               std::string_view prefix, std::string_view suffix);

// The patterns of data file `name` as LoadPatterns compiles them, or nullptr when no folder
// holds it or it does not compile (the caller then matches nothing).
std::unique_ptr<re2::RE2> DataPatternsOrNone(const std::string& name, std::string_view prefix,
                                             std::string_view suffix);

// The rows of data file `name` case-folded, as RE2's case-insensitive matching compares
// letters, when every row is a plain word (letters only): matching those needs no RE2
// program, whose compiling cost a short PDF more than reading it. nullopt when no folder
// holds the file, it does not read, or a row is more than a word (the caller then compiles
// the rows with DataPatternsOrNone).
std::optional<std::vector<std::u32string>> DataWordsOrNone(const std::string& name);

// `text` case-folded code point by code point (Unicode simple case folding, as RE2 folds).
std::u32string SimpleCaseFold(std::string_view text);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_LOADER_DATA_H_
