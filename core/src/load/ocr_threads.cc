#include "load/ocr_threads.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>

namespace acervo {

void PinOcrThreads(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  // RTLD_NOLOAD only asks whether libgomp is in the process already; it loads nothing.
  void* gomp = dlopen("libgomp.so.1", RTLD_LAZY | RTLD_NOLOAD);
  if (gomp == nullptr) return;  // OpenMP will read the variable when a plugin brings it
  dlclose(gomp);
  execv("/proc/self/exe", argv);  // returns only on failure: carry on, just slower
}

}  // namespace acervo
