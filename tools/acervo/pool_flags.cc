#include "pool_flags.h"

#include <algorithm>
#include <thread>

#include "i18n/i18n.h"
#include "util/paths.h"

namespace acervo::cli {
namespace {

// The worker's command line: the same pipeline and plugins as this process.
std::vector<std::string> WorkerArgs(const EngineOptions& e) {
  std::vector<std::string> args = {"--pipeline", e.pipeline};
  for (const std::string& p : e.only) args.insert(args.end(), {"--only", p});
  return args;
}

}  // namespace

void PoolFlags::AddTo(CLI::App& app) {
  app.add_option("-j,--jobs", jobs, _("Worker processes (default: one per core)"))
      ->check(CLI::NonNegativeNumber);
  app.add_option("--timeout", timeout_s,
                 _("Seconds a document may go without progress (each page loaded counts) "
                   "before its worker is killed"))
      ->default_val(300)
      ->check(CLI::PositiveNumber);
  app.add_option("--max-memory", max_memory_mb, _("Memory limit per worker in MiB (0: none)"))
      ->default_val(4096);
  app.add_option("--recycle", recycle_after, _("Replace each worker after this many documents"))
      ->default_val(100)
      ->check(CLI::PositiveNumber);
}

WorkerPoolOptions PoolFlags::Make(const EngineOptions& engine) const {
  WorkerPoolOptions pool;
  pool.executable = ExecutableDir() / "acervo";
  if (!std::filesystem::exists(pool.executable)) {
    pool.executable = std::filesystem::read_symlink("/proc/self/exe");
  }
  pool.args = WorkerArgs(engine);
  pool.jobs = jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  pool.timeout = std::chrono::milliseconds(static_cast<int64_t>(timeout_s * 1000));
  pool.max_memory_mb = max_memory_mb;
  pool.recycle_after = recycle_after;
  return pool;
}

}  // namespace acervo::cli
