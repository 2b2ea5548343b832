// password_options.h — --password and --password-file, the passwords tried in turn on an
// encrypted PDF, declared once for every command that loads documents.
//
// A password file holds one password a line (a trailing CR is dropped, empty lines are
// skipped); it is read while the command line is parsed, so an unreadable file is a usage
// error naming it. Prefer the file: a --password on the command line is visible in `ps`.
#ifndef ACERVO_TOOLS_PASSWORD_OPTIONS_H_
#define ACERVO_TOOLS_PASSWORD_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "i18n/i18n.h"

namespace acervo::cli {

inline void AddPasswordOptions(CLI::App& app, std::vector<std::string>* passwords) {
  app.add_option_function<std::vector<std::string>>(
      "--password",
      [passwords](const std::vector<std::string>& given) {
        passwords->insert(passwords->end(), given.begin(), given.end());
      },
      _("Password for encrypted PDFs (repeatable; each is tried in turn)"));
  app.add_option_function<std::string>(
      "--password-file",
      [passwords](const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        if (!in)
          throw CLI::ValidationError("--password-file", _f("{}: cannot read the file", path));
        for (std::string line; std::getline(in, line);) {
          if (!line.empty() && line.back() == '\r') line.pop_back();
          if (!line.empty()) passwords->push_back(line);
        }
      },
      _("File with passwords for encrypted PDFs, one a line, tried in turn (not shown in `ps`, "
        "unlike --password)"));
}

}  // namespace acervo::cli

#endif  // ACERVO_TOOLS_PASSWORD_OPTIONS_H_
