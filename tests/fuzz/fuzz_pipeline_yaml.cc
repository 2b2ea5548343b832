// Fuzz target: the pipeline YAML parser (yaml-cpp and our reading of its tree).
#include <cstddef>
#include <cstdint>
#include <string>

#include "pipeline/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string yaml(reinterpret_cast<const char*>(data), size);
  (void)acervo::ParsePipeline(yaml, "fuzz.yaml");
  return 0;
}
