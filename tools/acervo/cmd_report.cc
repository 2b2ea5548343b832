// acervo report — a summary of the store for people: counts, money per currency, records
// by kind, year, goal and institution, review backlog and warnings; text or one
// self-contained HTML page with charts (docs/export.md).
#include <iostream>
#include <sstream>

#include "command.h"
#include "export/report.h"
#include "export/summary.h"
#include "i18n/i18n.h"
#include "io/env.h"
#include "store/store.h"
#include "store_option.h"

namespace acervo::cli {
namespace {

struct Options {
  std::string store;
  std::string format = "text";
  std::string output;
  size_t limit = 50;
};

int RunReport(const Options& o) {
  std::filesystem::path path = DefaultStorePath(o.store);
  Result<std::unique_ptr<Store>> store = Store::OpenExisting(path);
  if (!store.ok()) return Fail(store.status().message());
  Result<exporting::StoreSummary> summary = exporting::Summarize(store->get());
  if (!summary.ok()) return Fail(StoreDisplayName(path) + ": " + summary.status().message());
  // A report is small: rendered whole, then written atomically, so an interrupted run never
  // leaves half a page where the last report was.
  std::ostringstream rendered;
  std::ostream& out = o.output.empty() ? std::cout : rendered;
  // The report names its store: a file by its name, a database by its (redacted) URI.
  exporting::ReportOptions options{
      IsPostgresLocation(path) ? StoreDisplayName(path) : path.filename().string(), o.limit};
  if (o.format == "html") {
    exporting::RenderHtmlReport(*summary, options, out);
  } else {
    exporting::RenderTextReport(*summary, options, out);
  }
  if (!o.output.empty()) {
    if (Status s = WriteFileAtomically(Env::Default(), o.output, rendered.str()); !s.ok()) {
      return Fail(s.message());
    }
    return kExitOk;
  }
  out.flush();
  if (!out) return Fail(_("stdout: write failed"));
  return kExitOk;
}

Registration reg({"report", N_("Summarize the store (text, or an HTML page with charts)"), 56,
                  [](CLI::App& app) -> RunFn {
                    auto o = std::make_shared<Options>();
                    AddStoreOption(app, &o->store);
                    app.add_option("--format", o->format, _("text (default) or html"))
                        ->check(CLI::IsMember({"text", "html"}));
                    app.add_option("-o,--output", o->output,
                                   _("Write to this file instead of stdout"));
                    app.add_option("--limit", o->limit,
                                   _("Rows shown per list (institutions, warnings); default 50"))
                        ->check(CLI::PositiveNumber);
                    return [o] { return RunReport(*o); };
                  }});

}  // namespace
}  // namespace acervo::cli
