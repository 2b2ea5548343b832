// Fuzz target: the gold annotation reader and the prediction reader of `acervo eval`, on
// arbitrary JSON (and on bytes that are not JSON at all).
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "eval/annotations.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  nlohmann::json j = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return 0;
  (void)acervo::eval::ReadGold(j);
  (void)acervo::eval::ReadPrediction(j);
  return 0;
}
