// acervo work — take documents from the store's queue and extract them, on any host that
// reaches the store and the files (work_loop.h). Run many: each file goes to one at a time.
#include "command.h"
#include "i18n/i18n.h"
#include "store_option.h"
#include "work_loop.h"

namespace acervo::cli {
namespace {

Registration reg({"work", N_("Extract queued documents (run on as many hosts as you like)"), 43,
                  [](CLI::App& app) -> RunFn {
                    auto s = std::make_shared<WorkSettings>();
                    AddStoreOption(app, &s->store);
                    s->flags.AddTo(app);
                    s->pool.AddTo(app);
                    app.add_flag("--until-empty", s->until_empty,
                                 _("Exit once nothing is queued or leased (else wait for more)"));
                    app.add_option("--lease", s->lease_s,
                                   _("Seconds a taken document is held without a heartbeat "
                                     "before another worker may take it"))
                        ->default_val(300)
                        ->check(CLI::Range(2, 86400));
                    app.add_option("--max-attempts", s->max_attempts,
                                   _("Attempts (crashes, timeouts, lost workers) before a "
                                     "document becomes a failure"))
                        ->default_val(3)
                        ->check(CLI::Range(1, 100));
                    app.add_flag("--whole-documents", s->whole_documents,
                                 _("OCR each document's pages in one worker process"));
                    app.add_flag("--json-progress", s->json_progress,
                                 _("Progress and summary as JSON lines on stdout"));
                    app.footer(
                        _("Each document is read from the path recorded by 'acervo enqueue' "
                          "(so every worker host must see the files there) and checked against "
                          "the SHA-256 recorded then: different bytes fail as \"changed since it "
                          "was enqueued\". A broken document fails at once; a crash, timeout or "
                          "lost worker puts it back until --max-attempts. Start workers with the "
                          "same --pipeline the files were enqueued with.\n"
                          "SIGINT/SIGTERM stop cleanly: documents in progress go back to the "
                          "queue. Exit status: 0 done (see 'acervo status' and 'acervo "
                          "failures'); 1 store or setup error; 130 interrupted."));
                    return [s] { return RunWork(*s); };
                  }});

}  // namespace
}  // namespace acervo::cli
