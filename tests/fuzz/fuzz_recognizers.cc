// Fuzz target: every bundled recognizer (es-date, es-amount, es-institution, es-ods, as the
// default pipeline runs them) and record assembly, on the segments of arbitrary text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "acervo/engine.h"

namespace {

const acervo::Engine& TheEngine() {
  static std::unique_ptr<acervo::Engine> engine = [] {
    acervo::EngineOptions options;
    options.pipeline = ACERVO_SOURCE_DIR "/pipelines/default.yaml";
    options.plugin_dirs = {ACERVO_BUILD_PLUGIN_DIR};
    acervo::Result<std::unique_ptr<acervo::Engine>> opened = acervo::Engine::Open(options);
    if (!opened.ok()) std::abort();  // a broken build, not a finding
    return std::move(opened.value());
  }();
  return *engine;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  acervo::Overrides overrides;
  overrides.context_date = "2024-02-01";
  (void)TheEngine().ProcessBytes(text, "fuzz.md", overrides);
  return 0;
}
