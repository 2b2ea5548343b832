// acervo export — the store's records with reviewers' corrections applied, as JSON lines, a
// JSON array or CSV, streamed (docs/export.md; schemas/record.schema.json).
#include <iostream>

#include "command.h"
#include "declared_types.h"
#include "export/exporter.h"
#include "export/record_schema.h"
#include "i18n/i18n.h"
#include "io/atomic_output.h"
#include "store/store.h"
#include "store_option.h"

namespace acervo::cli {
namespace {

struct Options {
  std::string store;
  std::string format = "jsonl";
  bool reviewed_only = false;
  std::string since;
  std::string output;
  std::string pipeline = "default";
  bool schema = false;
};

int RunExport(const Options& o) {
  if (o.schema) {  // what the records of this pipeline validate against; no store needed
    std::cout << exporting::RecordSchema(DeclaredMentionTypes(o.pipeline)).dump(2) << "\n";
    return kExitOk;
  }
  std::filesystem::path path = DefaultStorePath(o.store);
  Result<std::unique_ptr<Store>> store = Store::OpenExisting(path);
  if (!store.ok()) return Fail(store.status().message());
  // A file is written whole or not at all: a killed export leaves the previous file.
  std::unique_ptr<AtomicOutput> file;
  if (!o.output.empty()) {
    Result<std::unique_ptr<AtomicOutput>> opened = AtomicOutput::Open(Env::Default(), o.output);
    if (!opened.ok()) return Fail(opened.status().message());
    file = std::move(*opened);
  }
  std::ostream& out = file ? file->stream() : std::cout;
  exporting::EffectiveFilter filter{o.reviewed_only, o.since};
  exporting::EffectiveCounts counts;
  exporting::ExportFormat format = *exporting::ParseExportFormat(o.format);
  MentionTypes types;
  if (format == exporting::ExportFormat::kCsv) types = DeclaredMentionTypes(o.pipeline);
  Status s = exporting::ExportRecords(store->get(), filter, format, out, &counts, types);
  if (!s.ok()) {
    return Fail((o.output.empty() ? StoreDisplayName(path) : o.output) + ": " + s.message());
  }
  if (file) {
    if (Status c = file->Commit(); !c.ok()) return Fail(c.message());
    std::cerr << "acervo: "
              << _n("exported {} record to {}", "exported {} records to {}", counts.emitted,
                    counts.emitted, o.output)
              << "\n";
  }
  return kExitOk;
}

Registration reg(
    {"export", N_("Export records as reviewed (JSON lines, JSON or CSV)"), 55,
     [](CLI::App& app) -> RunFn {
       auto o = std::make_shared<Options>();
       app.footer(
           _("Records carry reviewers' corrections; rejected records and records merged into "
             "another are left out.\nJSON forms validate against schemas/record.schema.json; "
             "CSV joins lists with \" | \" (docs/export.md)."));
       AddStoreOption(app, &o->store);
       app.add_option("--format", o->format, _("jsonl (default), json or csv"))
           ->check(CLI::IsMember({"jsonl", "json", "csv"}));
       app.add_flag("--reviewed-only", o->reviewed_only,
                    _("Only records a reviewer has accepted or corrected"));
       app.add_option("--since", o->since,
                      _("Only records of documents stored (ingested) on or after this UTC day, "
                        "YYYY-MM-DD; not the dates inside the records"))
           ->check([](const std::string& v) {
             return exporting::IsIsoDay(v) ? std::string() : _("expected a date YYYY-MM-DD");
           });
       app.add_option("-o,--output", o->output, _("Write to this file instead of stdout"));
       AddPipelineOption(app, &o->pipeline);
       app.add_flag("--schema", o->schema,
                    _("Print the JSON Schema of an exported record instead: "
                      "schemas/record.schema.json with the fields the pipeline's plugins declare"));
       return [o] { return RunExport(*o); };
     }});

}  // namespace
}  // namespace acervo::cli
