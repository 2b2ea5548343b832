#include "work_loop.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <thread>

#include "command.h"
#include "ingest/ingest_job.h"
#include "ingest/lease_heartbeat.h"
#include "ingest/progress.h"
#include "ingest/queue_feed.h"
#include "ingest/worker_pool.h"
#include "store/store.h"

namespace acervo::cli {
namespace {

std::atomic<bool> g_stop{false};

constexpr int64_t kUntilEmptyPollMs = 100;

void OnSignal(int) { g_stop = true; }

std::string WorkerName() {
  char host[256] = "";
  gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(getpid());
}

// Sleeps `for_ms`, waking early on a signal.
void Nap(int64_t for_ms) {
  for (int64_t slept = 0; slept < for_ms && !g_stop; slept += 50) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace

int RunWork(const WorkSettings& s) {
  const std::filesystem::path location = DefaultStorePath(s.store);
  const std::string where = StoreDisplayName(location);  // a URI's password is never shown
  // A worker pointed at the wrong place must say so, not wait on a new empty store.
  Result<std::unique_ptr<Store>> store = Store::OpenExisting(location);
  if (!store.ok()) return Fail(store.status().message());
  Result<std::unique_ptr<Store>> beat_store = Store::Open(location);
  if (!beat_store.ok()) return Fail(beat_store.status().message());
  Result<std::unique_ptr<Engine>> engine = Engine::Open(s.flags.engine);
  if (!engine.ok()) return Fail(engine.status().message());
  const std::string pipeline = (*engine)->PipelineId();
  engine->reset();

  WorkerPoolOptions pool_options = s.pool.Make(s.flags.engine);
  pool_options.abort = [] { return g_stop.load(); };
  WorkerPool pool(pool_options);
  const std::chrono::seconds lease(s.lease_s);
  QueueFeed feed(store->get(), {WorkerName(), lease, s.max_attempts, pipeline});
  auto say = [](const std::string& message) {
    std::cerr << (isatty(2) ? "\r\033[K" : "") << "acervo: " << message << "\n";
  };
  LeaseHeartbeat heartbeat(&feed, std::move(*beat_store), lease, say);

  ProgressReporter progress(s.json_progress ? ProgressReporter::Mode::kJson
                            : isatty(2)     ? ProgressReporter::Mode::kBar
                                            : ProgressReporter::Mode::kLines,
                            std::cerr, std::cout);
  IngestJobOptions job_options;
  job_options.overrides = s.flags.overrides;
  job_options.split_pages = pool_options.jobs > 1 && !s.whole_documents;
  job_options.on_failure = say;
  job_options.on_progress = [&](const IngestCounts& c) { progress.Update(c); };
  IngestJob job(&feed, std::move(job_options));
  IngestCounts& counts = job.counts();

  signal(SIGINT, OnSignal);
  signal(SIGTERM, OnSignal);
  Status run;
  int64_t idle_ms = 0;  // waiting for work, growing to 30 s
  while (!g_stop) {
    int64_t before = counts.finished();
    run = pool.Run([&] { return job.Next(g_stop); }, [&](JobOutcome o) { job.Done(std::move(o)); },
                   [&](size_t, const nlohmann::json&) { progress.Update(counts); });
    if (!run.ok() || !job.store_error().ok() || g_stop) break;
    if (counts.finished() != before) idle_ms = 0;
    if (s.until_empty) {
      Result<bool> drained = (*store)->Drained();
      if (!drained.ok()) {
        run = drained.status();
        break;
      }
      if (*drained) break;
    }
    // Nothing queued now: files may come (enqueue), or come back (a lost worker's lease).
    // Waiting only for other workers to finish (--until-empty), look again every 100 ms (a
    // cheap indexed look), so that the last task ends with the queue, not up to a nap later.
    idle_ms = std::clamp<int64_t>(idle_ms * 2, 200, 30000);
    Nap(s.until_empty ? kUntilEmptyPollMs : idle_ms);
  }
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  Status released = feed.ReleaseAll();
  progress.Update(counts, true);
  progress.Finish(counts, where, g_stop);
  if (!run.ok()) return Fail(run.message());
  if (!job.store_error().ok()) return Fail(where + ": " + job.store_error().message());
  if (!released.ok()) return Fail(where + ": " + released.message());
  return g_stop ? 130 : kExitOk;
}

}  // namespace acervo::cli
