// Fuzz target: the PDF loader from bytes (Poppler's text layer, qpdf's vector graphics, our
// layout), OCR off. Any input must give a Document or a Status, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  acervo::LoadOptions options;
  options.ocr = acervo::OcrMode::kNever;
  options.passwords = {"fuzz"};
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)acervo::LoadBytes(bytes, "fuzz.pdf", options);
  return 0;
}
