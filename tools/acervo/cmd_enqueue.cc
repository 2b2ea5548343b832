// acervo enqueue — record files in the store's queue for `acervo work` to extract, on this
// host or on many (store/work_queue.h). Each file is recorded by absolute path, size and
// SHA-256; bytes already stored, queued or failed are not queued again.
#include <iostream>

#include "command.h"
#include "engine_options.h"
#include "enqueue_files.h"
#include "i18n/i18n.h"
#include "input_paths.h"
#include "store/store.h"
#include "store_option.h"

namespace acervo::cli {
namespace {

struct Options {
  std::vector<std::string> paths;
  std::string store;
  EngineOptions engine;
  bool retry_failed = false;
};

int RunEnqueue(const Options& o) {
  Inputs in;
  for (const std::string& p : o.paths) AddPath(p, &in);
  for (const std::string& e : in.errors) std::cerr << "acervo: " << e << "\n";
  if (in.documents.empty() && !o.retry_failed) {
    return in.errors.empty() ? Fail(_("no documents (.pdf, .txt, .md) found in the given paths"))
                             : kExitFailure;
  }
  const std::filesystem::path location = DefaultStorePath(o.store);
  const std::string where = StoreDisplayName(location);  // a URI's password is never shown
  Result<std::unique_ptr<Store>> store = Store::Open(location);
  if (!store.ok()) return Fail(store.status().message());
  // The pipeline's id is what a stored document carries; opening it checks it exists.
  Result<std::unique_ptr<Engine>> engine = Engine::Open(o.engine);
  if (!engine.ok()) return Fail(engine.status().message());
  const std::string pipeline = (*engine)->PipelineId();

  int64_t retried = 0;
  if (o.retry_failed) {
    Result<int64_t> n = (*store)->RequeueFailed();
    if (!n.ok()) return Fail(where + ": " + n.status().message());
    retried = *n;
  }
  Result<EnqueueSummary> summary = EnqueueFiles(store->get(), in.documents, pipeline);
  if (!summary.ok()) return Fail(where + ": " + summary.status().message());
  std::string line = summary->Line();
  if (o.retry_failed) {
    line += _f(", {} failures queued again", retried);
  }
  if (in.unsupported > 0) {
    line += _f(", {} other files skipped", in.unsupported);
  }
  std::cerr << "acervo: " << _f("{} -> {} (for pipeline {})", line, where, pipeline) << "\n";
  return summary->unreadable > 0 || !in.errors.empty() ? kExitPartial : kExitOk;
}

Registration reg({"enqueue", N_("Queue documents for 'acervo work' (many hosts, one store)"), 41,
                  [](CLI::App& app) -> RunFn {
                    auto o = std::make_shared<Options>();
                    app.add_option("PATH", o->paths,
                                   _("Files, folders (walked recursively: .pdf, .txt, .md) or "
                                     "@list.txt files naming one path a line"));
                    AddStoreOption(app, &o->store);
                    app.add_option("--pipeline", o->engine.pipeline,
                                   _("Pipeline the workers will extract with (name or YAML "
                                     "file); documents stored by it are not queued"))
                        ->default_val("default");
                    app.add_flag("--retry-failed", o->retry_failed,
                                 _("Also queue again every document that failed in the queue "
                                   "(PATH may then be omitted)"));
                    app.footer(
                        _("Paths are recorded as absolute paths: every worker host must see the "
                          "files at the same path (a shared filesystem). Each file is read once "
                          "here for its size and SHA-256; a worker that finds other bytes there "
                          "refuses it. Queueing the same files again is harmless.\n"
                          "Exit status: 0 all queued or already handled; 3 some paths could not "
                          "be read (each is named); 1 nothing to do or a store error."));
                    return [o] { return RunEnqueue(*o); };
                  }});

}  // namespace
}  // namespace acervo::cli
