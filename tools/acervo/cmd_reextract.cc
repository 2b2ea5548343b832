// acervo reextract — run extraction again on stored documents after a plugin or pipeline
// upgrade, from the page text the store keeps (the files are not read again unless
// --reload). Reviewers' corrections are in their own table and re-apply by record id.
#include <iostream>

#include "command.h"
#include "engine_options.h"
#include "enqueue_files.h"
#include "i18n/i18n.h"
#include "review/reviews.h"
#include "store/store.h"
#include "store_option.h"

namespace acervo::cli {
namespace {

struct Options {
  std::string store;
  EngineFlags flags;
  bool all = false;
  bool reload = false;
  bool enqueue = false;
  std::string document;
};

// --enqueue: the files of the documents to re-extract go through the work queue instead, for
// `acervo work` on any host (they are read again, as with --reload).
int EnqueueForWork(Store* store, const std::string& where, const std::vector<std::string>& sources,
                   const std::string& pipeline) {
  std::vector<std::filesystem::path> files(sources.begin(), sources.end());
  Result<EnqueueSummary> summary = EnqueueFiles(store, files, pipeline);
  if (!summary.ok()) return Fail(where + ": " + summary.status().message());
  std::cerr << "acervo: "
            << _f("{} -> {} (for pipeline {}; run 'acervo work')", summary->Line(), where, pipeline)
            << "\n";
  return summary->unreadable > 0 ? kExitPartial : kExitOk;
}

int RunReextract(const Options& o) {
  std::filesystem::path path = DefaultStorePath(o.store);
  Result<std::unique_ptr<Store>> store = Store::OpenExisting(path);
  if (!store.ok()) return Fail(store.status().message());
  Result<std::unique_ptr<Engine>> engine = Engine::Open(o.flags.engine);
  if (!engine.ok()) return Fail(engine.status().message());
  const std::string pipeline = (*engine)->PipelineId();

  struct Item {
    std::string id, source;
  };
  std::vector<Item> todo;
  int64_t up_to_date = 0;
  Status s = (*store)->ForEachDocument(
      [&](const std::string& id, const std::string& by, const std::string& source) {
        if (!o.document.empty() && id != o.document) return;
        if (by == pipeline && !o.all && o.document.empty()) {
          ++up_to_date;
          return;
        }
        todo.push_back({id, source});
      });
  if (!s.ok()) return Fail(StoreDisplayName(path) + ": " + s.message());
  if (!o.document.empty() && todo.empty())
    return Fail(_f("{}: no such document in the store", o.document));

  if (o.enqueue) {
    std::vector<std::string> sources;
    for (const Item& item : todo) sources.push_back(item.source);
    return EnqueueForWork(store->get(), StoreDisplayName(path), sources, pipeline);
  }
  int64_t done = 0, failed = 0, records = 0;
  for (const Item& item : todo) {
    Result<Extraction> x = Internal("not run");
    std::error_code exists_ec;
    if (o.reload && std::filesystem::exists(item.source, exists_ec)) {
      x = (*engine)->Process(item.source, o.flags.overrides);
    } else {
      Result<Document> doc = (*store)->LoadDocument(item.id);
      x = doc.ok() ? (*engine)->ProcessDocument(std::move(doc.value()), o.flags.overrides)
                   : Result<Extraction>(doc.status());
    }
    if (!x.ok()) {
      ++failed;
      std::cerr << "acervo: " << item.source << ": " << x.status().message() << "\n";
      continue;
    }
    if (Status put = (*store)->PutExtraction(*x); !put.ok()) {
      return Fail(StoreDisplayName(path) + ": " +
                  _f("{} (while storing {})", put.message(), item.source));
    }
    // Reviewed records the new extraction no longer finds keep their reviewed version.
    if (Status flag = review::FlagOrphanedReviews(store->get(), item.id); !flag.ok()) {
      return Fail(StoreDisplayName(path) + ": " + flag.message());
    }
    ++done;
    records += static_cast<int64_t>(x->records.size());
  }
  std::cerr << "acervo: "
            << _f("re-extracted {} documents with {} ({} records), {} already up to date, "
                  "{} failed -> {}",
                  done, pipeline, records, up_to_date, failed, StoreDisplayName(path))
            << "\n";
  return failed == 0 ? kExitOk : done > 0 ? kExitPartial : kExitFailure;
}

Registration reg({"reextract", N_("Re-run extraction on stored documents (after an upgrade)"), 42,
                  [](CLI::App& app) -> RunFn {
                    auto o = std::make_shared<Options>();
                    AddStoreOption(app, &o->store);
                    o->flags.AddTo(app);
                    app.add_flag("--all", o->all,
                                 _("Also documents already extracted by this pipeline version"));
                    app.add_option("--document", o->document, _("Only this document (sha256:...)"));
                    app.add_flag("--reload", o->reload,
                                 _("Read the files again (when still at their path) instead of "
                                   "using the stored page text, e.g. after a loader upgrade"));
                    app.add_flag("--enqueue", o->enqueue,
                                 _("Queue the documents' files for 'acervo work' (on any host) "
                                   "instead of re-extracting here; they are read again from "
                                   "their stored paths, which the workers must see"));
                    return [o] { return RunReextract(*o); };
                  }});

}  // namespace
}  // namespace acervo::cli
