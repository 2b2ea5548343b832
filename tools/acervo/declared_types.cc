#include "declared_types.h"

#include <iostream>

#include "i18n/i18n.h"

namespace acervo::cli {

void AddPipelineOption(CLI::App& app, std::string* pipeline) {
  app.add_option("--pipeline", *pipeline,
                 _("Pipeline whose plugins' mention types get columns (name or YAML file)"))
      ->default_val("default");
}

MentionTypes DeclaredMentionTypes(const std::string& pipeline) {
  EngineOptions options;
  options.pipeline = pipeline;
  return DeclaredMentionTypes(options);
}

MentionTypes DeclaredMentionTypes(const EngineOptions& options) {
  Result<std::unique_ptr<Engine>> engine = Engine::Open(options);
  if (!engine.ok()) {
    std::cerr << "acervo: "
              << _f("the plugins' own mention types get no columns: {}", engine.status().message())
              << "\n";
    return MentionTypes();
  }
  return (*engine)->mention_types();
}

}  // namespace acervo::cli
