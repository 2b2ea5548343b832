// acervo status — what an operator watches while workers drain the queue: documents stored,
// failures, files queued and leased (by which worker, for how long), records and those
// awaiting review, and pages extracted per second lately. Read-only.
#include <cstdio>
#include <iostream>

#include "command.h"
#include "i18n/i18n.h"
#include "i18n/local_format.h"
#include "store/store.h"
#include "store_option.h"

namespace acervo::cli {
namespace {

struct Options {
  std::string store;
  bool json = false;
  int window_min = 5;
};

std::string Age(double seconds) {
  char buf[32];
  if (seconds < 120)
    std::snprintf(buf, sizeof buf, "%.0f s", seconds);
  else if (seconds < 7200)
    std::snprintf(buf, sizeof buf, "%.0f min", seconds / 60);
  else
    std::snprintf(buf, sizeof buf, "%.1f h", seconds / 3600);
  return buf;
}

// "label      text": labels (translated) padded to one column, counting characters.
std::string Row(const std::string& label, const std::string& text) {
  size_t chars = 0;
  for (unsigned char c : label) chars += (c & 0xC0) != 0x80;
  return label + std::string(chars < 11 ? 11 - chars : 1, ' ') + text + "\n";
}

int RunStatus(const Options& o) {
  const std::filesystem::path location = DefaultStorePath(o.store);
  const std::string where = StoreDisplayName(location);  // a URI's password is never shown
  Result<std::unique_ptr<Store>> store = Store::OpenExisting(location);
  if (!store.ok()) return Fail(store.status().message());
  Store& s = **store;
  Result<QueueStatus> q = s.Overview(std::chrono::seconds(o.window_min * 60));
  if (!q.ok()) return Fail(where + ": " + q.status().message());
  nlohmann::json j = {{"store", where}};
  for (const char* table : {"documents", "failures", "records"}) {
    Result<int64_t> n = s.Count(table);
    if (!n.ok()) return Fail(where + ": " + n.status().message());
    j[table] = *n;
  }
  Result<int64_t> needs_review = s.CountNeedingReview();
  if (!needs_review.ok()) return Fail(where + ": " + needs_review.status().message());
  double rate = q->window_seconds > 0 ? q->pages_last_minutes / q->window_seconds : 0;
  j["needs_review"] = *needs_review;
  j["queued"] = q->queued;
  j["leased"] = q->leased;
  j["done_in_queue"] = q->done;
  j["failed_in_queue"] = q->failed;
  j["pages_per_second"] = std::round(rate * 100) / 100;
  j["window_seconds"] = q->window_seconds;
  j["leases"] = nlohmann::json::array();
  for (const LeaseInfo& l : q->leases) {
    j["leases"].push_back({{"path", l.path},
                           {"worker", l.worker},
                           {"age_seconds", std::round(l.age_seconds * 10) / 10}});
  }
  if (o.json) {
    std::cout << j.dump(2) << "\n";
    return kExitOk;
  }
  char rate_text[32];
  std::snprintf(rate_text, sizeof rate_text, "%.2f", rate);
  const auto documents = j["documents"].get<int64_t>(), failures = j["failures"].get<int64_t>(),
             records = j["records"].get<int64_t>();
  std::cout << Row(_("store"), where)
            << Row(_("documents"), _f("{} stored, {} failed", documents, failures))
            << Row(_("queue"), _f("{} queued, {} leased, {} done, {} failed", q->queued, q->leased,
                                  q->done, q->failed))
            << Row(_("records"), _f("{} ({} awaiting review)", records, *needs_review))
            << Row(_("rate"),
                   _f("{} pages/s over the last {} min", LocalNumber(rate_text), o.window_min));
  for (const LeaseInfo& l : q->leases) {
    std::cout << Row(std::string("  ") + _("leased"),
                     _f("{}  by {} for {}", l.path, l.worker, Age(l.age_seconds)));
  }
  return kExitOk;
}

Registration reg({"status", N_("What a store holds and how its queue is draining"), 46,
                  [](CLI::App& app) -> RunFn {
                    auto o = std::make_shared<Options>();
                    AddStoreOption(app, &o->store);
                    app.add_flag("--json", o->json,
                                 _("One JSON object: documents, failures, queued, leased, "
                                   "records, needs_review, pages_per_second, leases, ..."));
                    app.add_option("--window", o->window_min,
                                   _("Minutes over which to measure pages per second"))
                        ->default_val(5)
                        ->check(CLI::Range(1, 1440));
                    app.footer(
                        _("Read-only: run it as often as you like while workers run "
                          "(e.g. 'watch acervo status')."));
                    return [o] { return RunStatus(*o); };
                  }});

}  // namespace
}  // namespace acervo::cli
