// acervo records — read stored records back, as JSON lines, a JSON array or CSV.
#include <iostream>

#include "command.h"
#include "declared_types.h"
#include "export/record_csv.h"
#include "i18n/i18n.h"
#include "store/store.h"
#include "store_option.h"

namespace acervo::cli {
namespace {

struct Options {
  std::string store;
  std::string format = "jsonl";
  bool needs_review = false;
  std::string document;
  std::string pipeline = "default";
};

int RunRecords(const Options& o) {
  std::filesystem::path path = DefaultStorePath(o.store);
  Result<std::unique_ptr<Store>> store = Store::OpenExisting(path);
  if (!store.ok()) return Fail(store.status().message());
  RecordFilter filter{o.needs_review, o.document};
  bool first = true;
  if (o.format == "json") std::cout << "[";
  MentionTypes types;
  if (o.format == "csv") types = DeclaredMentionTypes(o.pipeline);
  if (o.format == "csv") std::cout << CsvHeader(types);
  Status s = (*store)->ForEachRecord(filter, [&](const nlohmann::json& r) {
    if (o.format == "csv") {
      std::cout << CsvRow(r, types);
    } else if (o.format == "json") {
      std::cout << (first ? "\n" : ",\n") << r.dump();
    } else {
      std::cout << r.dump() << "\n";
    }
    first = false;
  });
  if (o.format == "json") std::cout << (first ? "]\n" : "\n]\n");
  if (!s.ok()) return Fail(StoreDisplayName(path) + ": " + s.message());
  return kExitOk;
}

Registration reg({"records", N_("Print stored records (JSON lines, JSON or CSV)"), 50,
                  [](CLI::App& app) -> RunFn {
                    auto o = std::make_shared<Options>();
                    AddStoreOption(app, &o->store);
                    app.add_option("--format", o->format, _("jsonl (default), json or csv"))
                        ->check(CLI::IsMember({"jsonl", "json", "csv"}));
                    app.add_flag("--needs-review", o->needs_review,
                                 _("Only records awaiting review, lowest confidence first"));
                    app.add_option("--document", o->document, _("Only this document (sha256:...)"));
                    AddPipelineOption(app, &o->pipeline);
                    return [o] { return RunRecords(*o); };
                  }});

}  // namespace
}  // namespace acervo::cli
