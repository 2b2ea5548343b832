// tools/acervo/store_option.h — the `--store` option, one text for every command that opens a
// store (a SQLite file or a postgresql:// URI; DefaultStorePath resolves the default).
// Call it from a command's setup, after the language is chosen: the help is translated then.
#ifndef ACERVO_TOOLS_STORE_OPTION_H_
#define ACERVO_TOOLS_STORE_OPTION_H_

#include <CLI/CLI.hpp>
#include <string>

namespace acervo::cli {

// Declares `--store` on `app`, filling `*store` (empty when not given).
CLI::Option* AddStoreOption(CLI::App& app, std::string* store);

}  // namespace acervo::cli

#endif  // ACERVO_TOOLS_STORE_OPTION_H_
