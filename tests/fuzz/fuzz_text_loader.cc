// Fuzz target: the text and markdown loaders on arbitrary bytes (invalid UTF-8, NULs, huge
// lines): a Document or a Status, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)acervo::LoadBytes(bytes, "fuzz.md", acervo::LoadOptions());
  (void)acervo::LoadBytes(bytes, "fuzz.txt", acervo::LoadOptions());
  return 0;
}
