// pool_flags.h — the worker-process options `acervo ingest` and `acervo work` share (--jobs,
// --timeout, --max-memory, --recycle), declared once, and the pool they make.
#ifndef ACERVO_TOOLS_POOL_FLAGS_H_
#define ACERVO_TOOLS_POOL_FLAGS_H_

#include <CLI/CLI.hpp>
#include <cstddef>

#include "acervo/engine.h"
#include "ingest/worker_pool.h"

namespace acervo::cli {

struct PoolFlags {
  int jobs = 0;  // 0: one per core
  double timeout_s = 300;
  size_t max_memory_mb = 4096;
  int recycle_after = 100;

  void AddTo(CLI::App& app);
  // Workers running this acervo binary with the engine's pipeline and plugins.
  WorkerPoolOptions Make(const EngineOptions& engine) const;
};

}  // namespace acervo::cli

#endif  // ACERVO_TOOLS_POOL_FLAGS_H_
