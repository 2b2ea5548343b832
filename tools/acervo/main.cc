// acervo — Spanish-language public reports in, structured activity records out.
#include <algorithm>
#include <iostream>
#include <new>

#include "command.h"
#include "load/ocr.h"

namespace acervo::cli {

std::vector<Command>& Commands() {
  static std::vector<Command> commands;
  return commands;
}

int Fail(const std::string& message) {
  std::cerr << "acervo: " << message << "\n";
  return kExitFailure;
}

}  // namespace acervo::cli

int main(int argc, char** argv) {
  using namespace acervo::cli;
  // Tesseract's OpenMP threads must not fight acervo's own parallelism; OpenMP reads the
  // limit once at start-up, so this may re-run the program with it set.
  acervo::PinOcrThreads(argv);
  CLI::App app{
      "acervo turns Spanish-language public reports (PDF, scanned PDF, text) into structured\n"
      "activity records: dates, amounts, institutions and Sustainable Development Goals.",
      "acervo"};
  app.set_version_flag("--version", std::string("acervo ") + ACERVO_VERSION);
  app.require_subcommand(1);
  app.footer("Run 'acervo COMMAND --help' for a command's options.");

  std::vector<Command>& commands = Commands();
  std::sort(commands.begin(), commands.end(),
            [](const Command& a, const Command& b) { return a.order < b.order; });
  RunFn run;
  for (Command& c : commands) {
    CLI::App* sub = app.add_subcommand(c.name, c.description);
    RunFn fn = c.setup(*sub);
    sub->callback([&run, fn] { run = fn; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (!run) return kExitUsage;
  try {
    return run();
  } catch (const std::bad_alloc&) {
    return Fail("out of memory");
  } catch (const std::exception& e) {
    return Fail(std::string("internal error: ") + e.what());
  }
}
