// loader_data.h — where the loader's language data files (core/data/loader/*.tsv) are.
//
// The first of these folders that holds the file asked for: $ACERVO_LOADER_DATA,
// <exe dir>/data/loader (build tree), <exe dir>/../share/acervo/data/loader (install).
// Threads: safe (reads the environment and the file system only).
#ifndef ACERVO_CORE_LOAD_LOADER_DATA_H_
#define ACERVO_CORE_LOAD_LOADER_DATA_H_

#include <filesystem>
#include <string>

namespace acervo {

// The path of data file `name` ("furniture.tsv"); empty when no folder holds it.
std::filesystem::path FindLoaderData(const std::string& name);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_LOADER_DATA_H_
