// acervo — Spanish-language public reports in, structured activity records out.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <new>

#include "command.h"
#include "i18n/i18n.h"
#include "load/ocr_threads.h"

namespace acervo::cli {

std::vector<Command>& Commands() {
  static std::vector<Command> commands;
  return commands;
}

int Fail(const std::string& message) {
  std::cerr << "acervo: " << message << "\n";
  return kExitFailure;
}

namespace {

// The language must be known before the first help text is made, so --lang is read here,
// ahead of CLI11 (which also declares it, for --help and for rejecting a bad value).
void ChooseLanguage(int argc, char** argv) {
  Language language = LanguageFromEnvironment(std::getenv);
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    std::string_view value;
    if (arg == "--lang" && i + 1 < argc) value = argv[i + 1];
    if (arg.substr(0, 7) == "--lang=") value = arg.substr(7);
    if (value == "es") language = Language::kSpanish;
    if (value == "en") language = Language::kEnglish;
  }
  SetLanguage(language);
}

// CLI11's own words in the help: section labels and the help and version flags.
void TranslateHelp(CLI::App& app) {
  auto formatter = app.get_formatter();
  for (const char* label :
       {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("REQUIRED"), N_("Positionals")}) {
    formatter->label(label, _(label));
  }
  app.option_defaults()->group(_("Options"));
  app.set_help_flag("-h,--help", _("Print this help message and exit"));
  app.set_version_flag("--version", std::string("acervo ") + ACERVO_VERSION,
                       _("Display program version information and exit"));
}

// The group names CLI11 gives subcommands and their help flags (made before the option
// defaults are copied), through every level (`review list`).
void TranslateGroups(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (!sub->get_group().empty()) sub->group(_("Subcommands"));
    if (CLI::Option* help = sub->get_help_ptr()) help->group(_("Options"));
    TranslateGroups(*sub);
  }
}

// The command the arguments name (their first word that is no option, nor --lang's
// value), or null. Only its options are declared: declaring every command's cost `acervo
// text` on a short PDF 2 M instructions. With no command named, all are declared, so that
// errors and help read as they always did.
const Command* NamedCommand(int argc, char** argv, const std::vector<Command>& commands) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--lang") {
      ++i;
      continue;
    }
    if (arg.empty() || arg[0] == '-') continue;
    for (const Command& c : commands) {
      if (c.name == arg) return &c;
    }
    return nullptr;
  }
  return nullptr;
}

}  // namespace
}  // namespace acervo::cli

int main(int argc, char** argv) {
  using namespace acervo::cli;
  // Tesseract's OpenMP threads must not fight acervo's own parallelism; OpenMP reads the
  // limit when the OCR is loaded (with a plugin, later), so setting it now is enough.
  acervo::PinOcrThreads(argv);
  ChooseLanguage(argc, argv);
  using acervo::_;
  CLI::App app{
      _("acervo turns Spanish-language public reports (PDF, scanned PDF, text) into structured\n"
        "activity records: dates, amounts, institutions and Sustainable Development Goals."),
      "acervo"};
  TranslateHelp(app);
  std::string lang;
  app.add_option("--lang", lang,
                 _("Language of messages and reports: es or en (default: from $ACERVO_LANG, "
                   "$LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG)"))
      ->check(CLI::IsMember({"es", "en"}));
  app.fallthrough();
  app.require_subcommand(1);
  app.footer(_("Run 'acervo COMMAND --help' for a command's options."));

  std::vector<Command>& commands = Commands();
  std::sort(commands.begin(), commands.end(),
            [](const Command& a, const Command& b) { return a.order < b.order; });
  RunFn run;
  const Command* named = NamedCommand(argc, argv, commands);
  for (Command& c : commands) {
    CLI::App* sub = app.add_subcommand(c.name, _(c.description.c_str()));
    if (named != nullptr && named != &c) continue;  // listed in the help, never parsed
    RunFn fn = c.setup(*sub);
    sub->callback([&run, fn] { run = fn; });
  }
  TranslateGroups(app);
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
    return Fail(_("out of memory"));
  } catch (const std::exception& e) {
    return Fail(acervo::_f("internal error: {}", e.what()));
  }
}
