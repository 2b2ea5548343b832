// tools/acervo/command.h — how a subcommand joins the `acervo` CLI.
//
// Each command lives in its own cmd_<name>.cc and registers itself at start-up:
//
//   static acervo::cli::Registration reg({"eval", N_("Score predictions against gold"), 60,
//                                         [](CLI::App& app) { ...; return run_fn; }});
//
// `setup` declares the command's options on its CLI::App and returns the function that runs
// it; that function returns the process exit code.
#ifndef ACERVO_TOOLS_COMMAND_H_
#define ACERVO_TOOLS_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace acervo::cli {

// Exit codes shared by all commands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the job failed (or some documents did, for ingest)
inline constexpr int kExitUsage = 2;    // bad command line
inline constexpr int kExitPartial = 3;  // some items failed, the others were done

using RunFn = std::function<int()>;

struct Command {
  std::string name;
  std::string description;
  int order;  // position in `acervo --help`
  std::function<RunFn(CLI::App&)> setup;
};

std::vector<Command>& Commands();

struct Registration {
  explicit Registration(Command command) { Commands().push_back(std::move(command)); }
};

// Prints "acervo: <message>" to stderr; returns kExitFailure for `return Fail(...)`.
int Fail(const std::string& message);

}  // namespace acervo::cli

#endif  // ACERVO_TOOLS_COMMAND_H_
