// acervo ingest — extract documents (files, folders walked recursively, @lists of paths) and
// store them, in parallel worker processes, resumably.
//
// The coordinator (this process) is the only writer to the store, one transaction per
// document. A document already stored by the same pipeline is skipped, so the same command
// run again after any interruption finishes the job without duplicates. A document whose
// worker crashes, hangs or runs out of memory is recorded as failed with that reason and the
// batch goes on; failed documents are not retried unless --retry-failed.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <iostream>

#include "command.h"
#include "engine_options.h"
#include "enqueue_files.h"
#include "i18n/i18n.h"
#include "ingest/ingest_job.h"
#include "ingest/progress.h"
#include "ingest/worker_pool.h"
#include "input_paths.h"
#include "pool_flags.h"
#include "store/store.h"
#include "store_option.h"
#include "work_loop.h"

namespace acervo::cli {
namespace {

std::atomic<bool> g_stop{false};

void OnSignal(int) {
  g_stop = true;
  // A second Ctrl-C ends the process at once; the store is consistent between documents.
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
}

struct Options {
  std::vector<std::string> paths;
  std::string store;
  EngineFlags flags;
  PoolFlags pool;
  bool retry_failed = false;
  bool json_progress = false;
  bool whole_documents = false;
  bool queue = false;
};

// --queue: enqueue the documents, then drain the queue here as `acervo work --until-empty`
// does (other hosts' workers may join in).
int IngestThroughQueue(const Options& o, const Inputs& in, Store* store, const std::string& where,
                       const std::string& pipeline) {
  if (o.retry_failed) {
    if (Result<int64_t> n = store->RequeueFailed(); !n.ok()) {
      return Fail(where + ": " + n.status().message());
    }
  }
  Result<EnqueueSummary> summary = EnqueueFiles(store, in.documents, pipeline);
  if (!summary.ok()) return Fail(where + ": " + summary.status().message());
  std::cerr << "acervo: " << summary->Line() << " -> " << where << "\n";
  WorkSettings work;
  work.store = o.store;
  work.flags = o.flags;
  work.pool = o.pool;
  work.until_empty = true;
  work.whole_documents = o.whole_documents;
  work.json_progress = o.json_progress;
  int status = RunWork(work);
  if (status != kExitOk) return status;
  return summary->unreadable > 0 || !in.errors.empty() ? kExitPartial : kExitOk;
}

int RunIngest(const Options& o) {
  Inputs in;
  for (const std::string& p : o.paths) AddPath(p, &in);
  for (const std::string& e : in.errors) std::cerr << "acervo: " << e << "\n";
  if (in.documents.empty()) {
    return in.errors.empty() ? Fail(_("no documents found in the given paths (`acervo plugins` "
                                      "lists what acervo reads)"))
                             : kExitFailure;  // each bad path was named above
  }

  std::filesystem::path store_path = DefaultStorePath(o.store);
  Result<std::unique_ptr<Store>> store = Store::Open(store_path);
  if (!store.ok()) return Fail(store.status().message());
  // Opening the engine here checks the pipeline and every plugin before any worker starts.
  Result<std::unique_ptr<Engine>> engine = Engine::Open(o.flags.engine);
  if (!engine.ok()) return Fail(engine.status().message());
  const std::string pipeline = (*engine)->PipelineId();
  engine->reset();
  // A store other hosts may reach: its ingest goes through the queue so they can help.
  if (o.queue || IsPostgresLocation(store_path)) {
    return IngestThroughQueue(o, in, store->get(), StoreDisplayName(store_path), pipeline);
  }

  WorkerPoolOptions pool_options = o.pool.Make(o.flags.engine);
  // Each worker has its next document in hand while this process stores the last one. (A
  // file handed out early and never started is simply read again by the next run.)
  pool_options.ahead = 1;
  pool_options.stopping = [] { return g_stop.load(); };
  WorkerPool pool(pool_options);

  ProgressReporter progress(o.json_progress ? ProgressReporter::Mode::kJson
                            : isatty(2)     ? ProgressReporter::Mode::kBar
                                            : ProgressReporter::Mode::kLines,
                            std::cerr, std::cout);
  IngestJobOptions job_options;
  job_options.pipeline = pipeline;
  job_options.overrides = o.flags.overrides;
  job_options.retry_failed = o.retry_failed;
  // With one worker there is nothing to gain from splitting a scanned document's pages.
  job_options.split_pages = pool_options.jobs > 1 && !o.whole_documents;
  job_options.on_failure = [](const std::string& message) {
    std::cerr << (isatty(2) ? "\r\033[K" : "") << "acervo: " << message << "\n";
  };
  job_options.on_progress = [&](const IngestCounts& c) { progress.Update(c); };
  IngestJob job(store->get(), std::move(in.documents), std::move(job_options));
  IngestCounts& counts = job.counts();
  counts.other_files = in.unsupported;

  auto next = [&] { return job.Next(g_stop); };
  auto done = [&](JobOutcome outcome) { job.Done(std::move(outcome)); };

  signal(SIGINT, OnSignal);
  signal(SIGTERM, OnSignal);
  Status run =
      pool.Run(next, done, [&](size_t, const nlohmann::json&) { progress.Update(counts); });
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  progress.Update(counts, true);
  progress.Finish(counts, StoreDisplayName(store_path), g_stop);
  if (!run.ok()) return Fail(run.message());
  if (!job.store_error().ok()) {
    return Fail(StoreDisplayName(store_path) + ": " + job.store_error().message());
  }
  if (counts.failed > 0)
    std::cerr << "acervo: " << _("see 'acervo failures' for the reasons") << "\n";
  if (g_stop) return 130;
  if (counts.stored + counts.skipped == 0) return kExitFailure;
  bool incomplete = counts.failed > 0 || counts.skipped_failed > 0 || !in.errors.empty();
  return incomplete ? kExitPartial : kExitOk;
}

Registration reg({"ingest", N_("Extract documents and store them, in parallel, resumably"), 40,
                  [](CLI::App& app) -> RunFn {
                    auto o = std::make_shared<Options>();
                    app.add_option("PATH", o->paths,
                                   _("Files, folders (walked recursively for documents, by name "
                                     "and by content) or @list.txt files naming one path a line"))
                        ->required();
                    AddStoreOption(app, &o->store);
                    o->flags.AddTo(app);
                    o->pool.AddTo(app);
                    app.add_flag("--retry-failed", o->retry_failed,
                                 _("Try again documents that failed in an earlier run"));
                    app.add_flag("--whole-documents", o->whole_documents,
                                 _("OCR each document's pages in one worker, one after another "
                                   "(by default the scanned pages of a PDF are OCR'd in "
                                   "parallel workers)"));
                    app.add_flag("--queue", o->queue,
                                 _("Go through the store's queue: enqueue, then work here until "
                                   "it is empty, while 'acervo work' on other hosts may help "
                                   "(always so for a postgresql:// store)"));
                    app.add_flag("--json-progress", o->json_progress,
                                 _("Progress and summary as JSON lines on stdout"));
                    app.footer(
                        _("Ctrl-C stops cleanly: documents in progress finish and are stored, "
                          "then the summary is printed; run the same command again to go on. "
                          "A second Ctrl-C stops at once (the store stays consistent).\n"
                          "Exit status: 0 all stored or already stored; 3 some documents failed, "
                          "now or in an earlier run (each is listed, and kept in 'acervo "
                          "failures'); 1 nothing could be stored; 130 interrupted."));
                    return [o] { return RunIngest(*o); };
                  }});

}  // namespace
}  // namespace acervo::cli
