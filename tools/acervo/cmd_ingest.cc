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
#include <fstream>
#include <iostream>
#include <thread>

#include "command.h"
#include "engine_options.h"
#include "ingest/ingest_job.h"
#include "ingest/progress.h"
#include "ingest/worker_pool.h"
#include "load/loader.h"
#include "store/store.h"
#include "util/paths.h"

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
  int jobs = 0;
  double timeout_s = 300;
  size_t max_memory_mb = 4096;
  int recycle_after = 100;
  bool retry_failed = false;
  bool json_progress = false;
  bool whole_documents = false;
};

struct Inputs {
  std::vector<std::filesystem::path> documents;
  std::vector<std::string> errors;  // paths that do not exist, unreadable lists
  int64_t unsupported = 0;          // files in folders that are not documents
};

void AddPath(const std::string& arg, Inputs* in) {
  if (arg.size() > 1 && arg[0] == '@') {
    std::ifstream list(arg.substr(1));
    if (!list) {
      in->errors.push_back(arg.substr(1) + ": cannot read the list of paths");
      return;
    }
    for (std::string line; std::getline(list, line);) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (!line.empty() && line[0] != '#') AddPath(line, in);
    }
    return;
  }
  std::filesystem::path p(arg);
  std::error_code ec;
  if (std::filesystem::is_directory(p, ec)) {
    std::vector<std::filesystem::path> found;
    auto it = std::filesystem::recursive_directory_iterator(
        p, std::filesystem::directory_options::skip_permission_denied, ec);
    for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      if (IsSupportedExtension(it->path())) found.push_back(it->path());
      else ++in->unsupported;
    }
    if (ec) in->errors.push_back(arg + ": cannot walk the folder: " + ec.message());
    std::sort(found.begin(), found.end());
    in->documents.insert(in->documents.end(), found.begin(), found.end());
  } else if (std::filesystem::exists(p, ec)) {
    in->documents.push_back(p);
  } else {
    in->errors.push_back(arg + ": no such file or folder");
  }
}

// The worker's command line: the same pipeline and plugins as this process.
std::vector<std::string> WorkerArgs(const EngineOptions& e) {
  std::vector<std::string> args = {"--pipeline", e.pipeline};
  for (const std::string& p : e.only) args.insert(args.end(), {"--only", p});
  return args;
}

int RunIngest(const Options& o) {
  Inputs in;
  for (const std::string& p : o.paths) AddPath(p, &in);
  for (const std::string& e : in.errors) std::cerr << "acervo: " << e << "\n";
  if (in.documents.empty()) {
    return in.errors.empty() ? Fail("no documents (.pdf, .txt, .md) found in the given paths")
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

  WorkerPoolOptions pool_options;
  pool_options.executable = ExecutableDir() / "acervo";
  if (!std::filesystem::exists(pool_options.executable)) {
    pool_options.executable = std::filesystem::read_symlink("/proc/self/exe");
  }
  pool_options.args = WorkerArgs(o.flags.engine);
  pool_options.jobs = o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  pool_options.timeout = std::chrono::milliseconds(static_cast<int64_t>(o.timeout_s * 1000));
  pool_options.max_memory_mb = o.max_memory_mb;
  pool_options.recycle_after = o.recycle_after;
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
  if (counts.failed > 0) std::cerr << "acervo: see 'acervo failures' for the reasons\n";
  if (g_stop) return 130;
  if (counts.stored + counts.skipped == 0) return kExitFailure;
  bool incomplete = counts.failed > 0 || counts.skipped_failed > 0 || !in.errors.empty();
  return incomplete ? kExitPartial : kExitOk;
}

Registration reg({"ingest", "Extract documents and store them, in parallel, resumably", 40,
                  [](CLI::App& app) -> RunFn {
                    auto o = std::make_shared<Options>();
                    app.add_option("PATH", o->paths,
                                   "Files, folders (walked recursively: .pdf, .txt, .md) or "
                                   "@list.txt files naming one path a line")
                        ->required();
                    app.add_option("--store", o->store,
                                   "Store: a SQLite file or a postgresql:// URI "
                                   "(default: $ACERVO_STORE, else ./acervo.db)");
                    o->flags.AddTo(app);
                    app.add_option("-j,--jobs", o->jobs,
                                   "Worker processes (default: one per core)")
                        ->check(CLI::NonNegativeNumber);
                    app.add_option("--timeout", o->timeout_s,
                                   "Seconds a document may go without progress (each page "
                                   "loaded counts) before its worker is killed")
                        ->default_val(300)->check(CLI::PositiveNumber);
                    app.add_option("--max-memory", o->max_memory_mb,
                                   "Memory limit per worker in MiB (0: none)")
                        ->default_val(4096);
                    app.add_option("--recycle", o->recycle_after,
                                   "Replace each worker after this many documents")
                        ->default_val(100)->check(CLI::PositiveNumber);
                    app.add_flag("--retry-failed", o->retry_failed,
                                 "Try again documents that failed in an earlier run");
                    app.add_flag("--whole-documents", o->whole_documents,
                                 "OCR each document's pages in one worker, one after another "
                                 "(by default the scanned pages of a PDF are OCR'd in "
                                 "parallel workers)");
                    app.add_flag("--json-progress", o->json_progress,
                                 "Progress and summary as JSON lines on stdout");
                    app.footer(
                        "Ctrl-C stops cleanly: documents in progress finish and are stored, "
                        "then the summary is printed; run the same command again to go on. "
                        "A second Ctrl-C stops at once (the store stays consistent).\n"
                        "Exit status: 0 all stored or already stored; 3 some documents failed, "
                        "now or in an earlier run (each is listed, and kept in 'acervo "
                        "failures'); 1 nothing could be stored; 130 interrupted.");
                    return [o] { return RunIngest(*o); };
                  }});

}  // namespace
}  // namespace acervo::cli
