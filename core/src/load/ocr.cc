// OcrEngine::Create: finds and loads the OCR module (ocr.h) once per process, then asks it
// for an engine.
#include "load/ocr.h"

#include <dlfcn.h>

#include <filesystem>

#include "util/modules.h"

namespace acervo {
namespace {

// lib/acervo/modules/ beside the plugins folder of the library this code is in (a bundled
// loader plugin, installed or in the build tree), before the host's module search path.
std::vector<std::filesystem::path> BesideThePlugin() {
  Dl_info self{};
  if (dladdr(reinterpret_cast<void*>(&BesideThePlugin), &self) == 0 || !self.dli_fname) return {};
  return {std::filesystem::path(self.dli_fname).parent_path().parent_path() / "modules"};
}

}  // namespace

Result<std::unique_ptr<OcrEngine>> OcrEngine::Create(const std::string& language) {
  const ModuleSymbol module =
      LoadModuleSymbol("ocr-tesseract.so", kOcrEngineFactorySymbol, BesideThePlugin());
  if (module.address == nullptr) return Unsupported("OCR unavailable: " + module.error);
  return reinterpret_cast<OcrEngineFactory*>(module.address)(language);
}

}  // namespace acervo
