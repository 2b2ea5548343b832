// engine_options.h — the options every command that runs the pipeline shares
// (--pipeline, --only, --country, --context-date, --ocr, --password), declared once.
#ifndef ACERVO_TOOLS_ENGINE_OPTIONS_H_
#define ACERVO_TOOLS_ENGINE_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <regex>
#include <string>
#include <vector>

#include "acervo/engine.h"
#include "i18n/i18n.h"
#include "password_options.h"

namespace acervo::cli {

struct EngineFlags {
  EngineOptions engine;
  Overrides overrides;

  void AddTo(CLI::App& app) {
    app.add_option("--pipeline", engine.pipeline,
                   _("Pipeline name (in the pipelines folder) or YAML file"))
        ->default_val("default");
    app.add_option("--only", engine.only, _("Run only these plugins (repeatable)"));
    app.add_option("--country", overrides.country,
                   _("Country of the documents (ISO 3166 alpha-2, e.g. MX, CO): settles '$' "
                     "and 'pesos'"));
    app.add_option("--title", overrides.title, _("Title of the documents (else read from them)"));
    app.add_option_function<std::string>(
           "--period",
           [this](const std::string& p) {
             size_t slash = p.find('/');
             overrides.period_start = p.substr(0, slash);
             overrides.period_end = slash == std::string::npos ? "" : p.substr(slash + 1);
           },
           _("Period the documents report on, START[/END] as YYYY-MM or YYYY (e.g. "
             "2020-07/2020-12); else read from them"))
        ->check(CLI::Validator(
            [](std::string& s) -> std::string {
              static const std::regex kPeriod(R"(\d{4}(-\d{2})?(/\d{4}(-\d{2})?)?)");
              return std::regex_match(s, kPeriod)
                         ? ""
                         : _f("expected START[/END] as YYYY-MM, got '{}'", s);
            },
            "PERIOD"));
    app.add_option("--context-date", overrides.context_date,
                   _("Date (YYYY-MM-DD) used to resolve dates written without a year"))
        ->check(CLI::Validator(
            [](std::string& s) -> std::string {
              bool ok = s.size() == 10 && s[4] == '-' && s[7] == '-';
              return ok ? "" : _f("expected YYYY-MM-DD, got '{}'", s);
            },
            "DATE"));
    app.add_option("--ocr", overrides.ocr,
                   _("OCR for pages without a usable text layer: auto (default), always, never"))
        ->check(CLI::IsMember({"auto", "always", "never"}));
    AddPasswordOptions(app, &overrides.passwords);
  }
};

}  // namespace acervo::cli

#endif  // ACERVO_TOOLS_ENGINE_OPTIONS_H_
