// modules.h — acervo's modules: shared objects in lib/acervo/modules/ that the host loads
// (dlopen) the first time it needs what they bring, so that the libraries they link cost
// nothing to a command that does not use them: store-postgres.so (libpq, with Kerberos, LDAP
// and GnuTLS), review-server.so (cpp-httplib with OpenSSL and brotli), ocr-tesseract.so
// (Tesseract). Each module exports one factory function, named by the header of what it
// brings (store/pg_module.h, review/server.h, load/ocr.h).
//
// A module is looked for in $ACERVO_MODULE_DIR alone when that is set; else in
// <exe dir>/lib/acervo/modules (the build tree), <exe dir>/../lib/acervo/modules (installed)
// and, for a program of the build tree (a test), the build's modules folder.
//
// Threads: LoadModuleSymbol may be called from any thread; each module is loaded once per
// process and stays loaded (the objects it makes live in its code).
#ifndef ACERVO_CORE_UTIL_MODULES_H_
#define ACERVO_CORE_UTIL_MODULES_H_

#include <filesystem>
#include <string>
#include <vector>

namespace acervo {

struct ModuleSymbol {
  void* address = nullptr;  // the symbol in the loaded module, or null
  std::string error;        // why there is none: the folders looked in, or the loader's reason
};

// The folders a module is looked for in, in order (see above).
std::vector<std::filesystem::path> ModuleSearchPath();

// Loads module `file` ("store-postgres.so") from the first of `extra` then ModuleSearchPath()
// that has it, and finds `symbol` in it. The answer is kept: later calls for the same file
// and symbol return it without looking again.
ModuleSymbol LoadModuleSymbol(const std::string& file, const char* symbol,
                              const std::vector<std::filesystem::path>& extra = {});

}  // namespace acervo

#endif  // ACERVO_CORE_UTIL_MODULES_H_
