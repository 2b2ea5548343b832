// OcrEngine::Create: finds and loads the OCR module (ocr.h) once per process, then asks it
// for an engine.
#include "load/ocr.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace acervo {
namespace {

constexpr const char* kModuleFile = "ocr-tesseract.so";

// Where the module may be, in order: $ACERVO_OCR_MODULE; lib/acervo/modules/ beside the
// plugins folder of the library this code is in (a bundled loader plugin, installed or in
// the build tree); the build tree's modules folder (a test program linking the readers).
std::vector<std::filesystem::path> ModuleCandidates() {
  std::vector<std::filesystem::path> out;
  if (const char* named = std::getenv("ACERVO_OCR_MODULE"); named != nullptr && *named) {
    out.emplace_back(named);
  }
  Dl_info self{};
  if (dladdr(reinterpret_cast<void*>(&ModuleCandidates), &self) != 0 && self.dli_fname) {
    std::filesystem::path plugin_dir = std::filesystem::path(self.dli_fname).parent_path();
    out.push_back(plugin_dir.parent_path() / "modules" / kModuleFile);
  }
#ifdef ACERVO_BUILD_OCR_MODULE
  out.emplace_back(ACERVO_BUILD_OCR_MODULE);
#endif
  return out;
}

struct Module {
  OcrEngineFactory* create = nullptr;
  std::string error;  // why there is none
};

const Module& LoadModule() {
  static Module module;
  static std::once_flag once;
  std::call_once(once, [] {
    std::string tried;
    for (const std::filesystem::path& file : ModuleCandidates()) {
      std::error_code ec;
      if (!std::filesystem::exists(file, ec)) {
        tried += (tried.empty() ? "" : ", ") + file.string();
        continue;
      }
      // Kept loaded for the life of the process, like the plugins.
      void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (handle == nullptr) {
        const char* why = dlerror();
        module.error = file.string() + ": " + (why ? why : "cannot load");
        return;
      }
      module.create = reinterpret_cast<OcrEngineFactory*>(dlsym(handle, kOcrEngineFactorySymbol));
      if (module.create == nullptr) module.error = file.string() + ": not an acervo OCR module";
      return;
    }
    module.error = std::string(kModuleFile) + " not found (looked for " + tried + ")";
  });
  return module;
}

}  // namespace

Result<std::unique_ptr<OcrEngine>> OcrEngine::Create(const std::string& language) {
  const Module& module = LoadModule();
  if (module.create == nullptr) return Unsupported("OCR unavailable: " + module.error);
  return module.create(language);
}

}  // namespace acervo
