// input_paths.h — the documents named on a command line (`acervo ingest`, `acervo enqueue`):
// files, folders walked recursively for the supported extensions, and @list.txt files
// naming one path a line (# starts a comment).
#ifndef ACERVO_TOOLS_INPUT_PATHS_H_
#define ACERVO_TOOLS_INPUT_PATHS_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace acervo::cli {

struct Inputs {
  std::vector<std::filesystem::path> documents;  // each folder's in sorted order
  std::vector<std::string> errors;               // paths that do not exist, unreadable lists
  int64_t unsupported = 0;                       // files in folders that are not documents
};

// Adds what `arg` names to `in`.
void AddPath(const std::string& arg, Inputs* in);

}  // namespace acervo::cli

#endif  // ACERVO_TOOLS_INPUT_PATHS_H_
