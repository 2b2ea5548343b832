// acervo extract — one document in, its contract JSON out (spec/output-format.md).
#include <iostream>

#include "command.h"
#include "engine_options.h"

namespace acervo::cli {
namespace {

struct Options {
  std::string file;
  EngineFlags flags;
  bool compact = false;
};

int RunExtract(const Options& o) {
  Result<std::unique_ptr<Engine>> engine = Engine::Open(o.flags.engine);
  if (!engine.ok()) return Fail(engine.status().message());
  Result<Extraction> x = (*engine)->Process(o.file, o.flags.overrides);
  if (!x.ok()) return Fail(x.status().message());
  for (const std::string& w : x->warnings) std::cerr << "acervo: warning: " << w << "\n";
  std::cout << ToContractJson(*x).dump(o.compact ? -1 : 2) << "\n";
  return kExitOk;
}

Registration reg({"extract", "Extract one document and print its JSON (document, mentions, records)",
                  20, [](CLI::App& app) -> RunFn {
                    auto o = std::make_shared<Options>();
                    app.add_option("FILE", o->file, "A .pdf, .txt or .md file, or - for text on stdin")
                        ->required();
                    o->flags.AddTo(app);
                    app.add_flag("--compact", o->compact, "One line of JSON instead of indented");
                    return [o] { return RunExtract(*o); };
                  }});

}  // namespace
}  // namespace acervo::cli
