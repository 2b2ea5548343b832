// acervo review — reviewers' corrections from the command line, and the review web UI.
//
//   acervo review list   [filters]              the queue, lowest confidence first
//   acervo review show   ID                     the record as reviewed, with its history
//   acervo review accept ID... | [filters]      accept records (in bulk with filters)
//   acervo review set    ID FIELD VALUE         correct one field ("amounts/0/amount" 300000)
//   acervo review reject ID...                  not an activity
//   acervo review undo   ID [--correction N]    undo the latest (or a given) correction
//   acervo review merge  INTO FROM              one activity reported as two records
//   acervo review split  ID PART PART...        two activities in one record (PART: JSON)
//   acervo review serve  [--host] [--port]      the web UI
//
// A save on a record someone changed since --version exits 1 and prints the fresh record.
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "command.h"
#include "i18n/i18n.h"
#include "review/record_view.h"
#include "review/reviews.h"
#include "review/server.h"
#include "store/store.h"
#include "store_option.h"
#include "util/paths.h"

namespace acervo::cli {
namespace {

using nlohmann::json;
using review::Change;
using review::Decision;
using review::QueueFilter;
using review::ReviewedRecord;
using review::Reviews;

struct Options {
  std::string store;
  std::string reviewer;
  std::string comment;
  int64_t version = -1;
  std::string format = "table";
  QueueFilter filter;
  bool all = false;
  std::vector<std::string> ids;
  std::string id;  // for the commands that take exactly one record
  std::string field, value;
  int64_t correction = 0;
  std::string from;  // merge: the record merged into `id`
  int64_t from_version = -1;
  std::vector<std::string> parts;  // split: one JSON object per resulting record
  review::ServerOptions server;
  std::string secret_file;
};

Result<std::unique_ptr<Store>> OpenStore(const Options& o) {
  return Store::OpenExisting(DefaultStorePath(o.store));
}

std::string Reviewer(const Options& o) {
  if (!o.reviewer.empty()) return o.reviewer;
  for (const char* var : {"ACERVO_REVIEWER", "USER", "LOGNAME"}) {
    if (const char* v = std::getenv(var); v && *v) return v;
  }
  return "";
}

// The queue item the review server lists, with the version a decision must cite.
json Item(const ReviewedRecord& r) {
  json item = review::QueueItem(r);
  item["version"] = r.version;
  return item;
}

std::string Clip(std::string s, size_t n) {
  for (char& c : s) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

int RunList(const Options& o) {
  auto store = OpenStore(o);
  if (!store.ok()) return Fail(store.status().message());
  auto q = Reviews(store->get()).Queue(o.filter);
  if (!q.ok()) return Fail(q.status().message());
  if (o.format == "json") {
    json all = json::array();
    for (const auto& r : *q) all.push_back(Item(r));
    std::cout << all.dump(2) << "\n";
  } else if (o.format == "jsonl") {
    for (const auto& r : *q) std::cout << Item(r).dump() << "\n";
  } else {
    for (const auto& r : *q) {
      const json& e = r.effective;
      std::cout << std::left << std::setw(24) << r.id << " " << std::fixed << std::setprecision(2)
                << e.value("confidence", 0.0) << "  " << std::setw(14) << e.value("kind", "")
                << std::setw(13) << (r.second_look ? "second_look" : e.value("status", ""))
                << Clip(e.value("title", ""), 60) << "  (" << r.source << ":"
                << e.value("page_start", 1) << ")\n";
    }
    std::cerr << "acervo: "
              << _n("{} record", "{} records", static_cast<int64_t>(q->size()), q->size()) << "\n";
  }
  return kExitOk;
}

int RunShow(const Options& o) {
  auto store = OpenStore(o);
  if (!store.ok()) return Fail(store.status().message());
  Reviews reviews(store->get());
  for (const std::string& id : o.ids) {
    auto r = reviews.Get(id);
    if (!r.ok()) return Fail(r.status().message());
    json view = r->ToJson();
    auto passage = reviews.Passage(*r);
    if (passage.ok()) view["passage"] = *passage;
    std::cout << view.dump(2) << "\n";
  }
  return kExitOk;
}

// Saves one decision; on a stale version prints the fresh record and fails.
int SaveOne(Reviews& reviews, const Decision& d) {
  auto saved = reviews.Save(d);
  if (!saved.ok()) return Fail(d.record_id + ": " + saved.status().message());
  if (saved->stale) {
    std::cout << saved->record.ToJson().dump(2) << "\n";
    return Fail(
        _f("{}: not saved: the record changed since version {} (now {}); its current "
           "values are printed above",
           d.record_id, d.base_version, saved->record.version));
  }
  std::cerr << "acervo: "
            << _f("{}: saved (version {}, {})", d.record_id, saved->record.version,
                  saved->record.effective.value("status", ""))
            << "\n";
  return kExitOk;
}

bool HasFilter(const QueueFilter& f) {
  return !f.document.empty() || !f.kind.empty() || !f.field.empty() || f.min_confidence > 0 ||
         f.max_confidence < 1;
}

// accept and reject: the given ids, or (accept only) every queued record the filters match.
int RunAction(const Options& o, const std::string& action) {
  std::string reviewer = Reviewer(o);
  if (reviewer.empty())
    return Fail(_("who is reviewing? pass --reviewer NAME or set ACERVO_REVIEWER"));
  auto store = OpenStore(o);
  if (!store.ok()) return Fail(store.status().message());
  Reviews reviews(store->get());
  std::vector<std::string> ids = o.ids;
  if (ids.empty()) {
    if (!HasFilter(o.filter) && !o.all) {
      return Fail(
          _("name the records, or select them with filters (--kind, --min-confidence, "
            "...) or --all"));
    }
    auto q = reviews.Queue(o.filter);
    if (!q.ok()) return Fail(q.status().message());
    for (const auto& r : *q) ids.push_back(r.id);
  }
  if (o.version >= 0 && ids.size() != 1) return Fail(_("--version applies to one record"));
  int failed = 0;
  for (const std::string& id : ids) {
    failed +=
        SaveOne(reviews, {id, o.version, reviewer, o.comment, {{action, nullptr}}}) != kExitOk;
  }
  std::cerr << "acervo: " << _f("{}: {} saved, {} failed", action, ids.size() - failed, failed)
            << "\n";
  if (failed == 0) return kExitOk;
  return failed == static_cast<int>(ids.size()) ? kExitFailure : kExitPartial;
}

int RunSet(const Options& o) {
  std::string reviewer = Reviewer(o);
  if (reviewer.empty())
    return Fail(_("who is reviewing? pass --reviewer NAME or set ACERVO_REVIEWER"));
  // The value is text unless only its JSON reading fits the field (a goal number, null).
  json value = o.value;
  if (!review::ValidateChange(o.field, value).ok()) {
    json parsed = json::parse(o.value, nullptr, false);
    if (!parsed.is_discarded() && review::ValidateChange(o.field, parsed).ok()) value = parsed;
  }
  auto store = OpenStore(o);
  if (!store.ok()) return Fail(store.status().message());
  Reviews reviews(store->get());
  return SaveOne(reviews, {o.id, o.version, reviewer, o.comment, {{o.field, value}}});
}

int RunUndo(const Options& o) {
  std::string reviewer = Reviewer(o);
  if (reviewer.empty())
    return Fail(_("who is reviewing? pass --reviewer NAME or set ACERVO_REVIEWER"));
  auto store = OpenStore(o);
  if (!store.ok()) return Fail(store.status().message());
  Reviews reviews(store->get());
  const std::string& id = o.id;
  int64_t target = o.correction;
  if (target == 0) {
    auto r = reviews.Get(id);
    if (!r.ok()) return Fail(r.status().message());
    std::set<int64_t> undone = review::UndoneIds(r->corrections);
    for (const auto& c : r->corrections) {
      if (!undone.count(c.id) && c.field.rfind("undo:", 0) != 0) target = c.id;
    }
    if (target == 0) return Fail(_f("{}: nothing to undo", id));
  }
  return SaveOne(
      reviews, {id, o.version, reviewer, o.comment, {{"undo:" + std::to_string(target), nullptr}}});
}

int RunMerge(const Options& o) {
  std::string reviewer = Reviewer(o);
  if (reviewer.empty())
    return Fail(_("who is reviewing? pass --reviewer NAME or set ACERVO_REVIEWER"));
  auto store = OpenStore(o);
  if (!store.ok()) return Fail(store.status().message());
  auto m =
      Reviews(store->get()).Merge({o.id, o.from, o.version, o.from_version, reviewer, o.comment});
  if (!m.ok()) return Fail(m.status().message());
  if (m->stale) {
    std::cout << json::array({m->into.ToJson(), m->from.ToJson()}).dump(2) << "\n";
    return Fail(
        _("not merged: one of the records changed since the given version; their current "
          "values are printed above"));
  }
  std::cerr << "acervo: " << _f("{} merged into {}", o.from, o.id) << "\n";
  return kExitOk;
}

int RunSplit(const Options& o) {
  std::string reviewer = Reviewer(o);
  if (reviewer.empty())
    return Fail(_("who is reviewing? pass --reviewer NAME or set ACERVO_REVIEWER"));
  json parts = json::array();
  for (const std::string& p : o.parts) {
    json part = json::parse(p, nullptr, false);
    if (!part.is_object())
      return Fail(_("each PART is a JSON object, like '{\"title\": \"...\"}'"));
    parts.push_back(std::move(part));
  }
  auto store = OpenStore(o);
  if (!store.ok()) return Fail(store.status().message());
  Reviews reviews(store->get());
  return SaveOne(reviews, {o.id, o.version, reviewer, o.comment, {{"split", {{"parts", parts}}}}});
}

review::ReviewServer* g_server = nullptr;

void StopOnSignal(int) {
  if (g_server) g_server->Stop();
}

int RunServe(Options o) {
  if (!o.secret_file.empty()) {
    std::ifstream in(o.secret_file);
    if (!in) return Fail(_f("{}: cannot read the secret file", o.secret_file));
    std::getline(in, o.server.secret);
    while (!o.server.secret.empty() &&
           std::isspace(static_cast<unsigned char>(o.server.secret.back()))) {
      o.server.secret.pop_back();
    }
    if (o.server.secret.size() < 16)
      return Fail(_f("{}: the secret must be at least 16 characters", o.secret_file));
  }
  if (Status s = review::CheckServerOptions(o.server); !s.ok()) return Fail(s.message());
  auto store = OpenStore(o);
  if (!store.ok()) return Fail(store.status().message());
  auto server = review::ReviewServer::Create(store->get(), o.server);
  if (!server.ok()) return Fail(server.status().message());
  auto port = (*server)->Bind();
  if (!port.ok()) return Fail(port.status().message());
  std::string url = (*server)->url();
  if (!o.server.secret.empty()) url += _("?secret=<the shared secret>");
  std::cout << "acervo review: " << _f("serving {} (Ctrl-C to stop)", (*server)->url())
            << std::endl;
  if (!o.server.secret.empty())
    std::cerr << "acervo: " << _f("reviewers open {} once", url) << "\n";
  g_server = server->get();
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  Status s = (*server)->Serve();
  g_server = nullptr;
  return s.ok() ? kExitOk : Fail(s.message());
}

void AddStore(CLI::App* app, Options* o) { AddStoreOption(*app, &o->store); }

void AddDecision(CLI::App* app, Options* o) {
  AddStore(app, o);
  app->add_option("--reviewer", o->reviewer,
                  _("Who decides (default: $ACERVO_REVIEWER, else $USER)"));
  app->add_option("--comment", o->comment, _("Why (kept with the correction)"));
  app->add_option("--version", o->version,
                  _("The record version you saw; refused if someone saved since"));
}

void AddFilters(CLI::App* app, Options* o) {
  app->add_option("--document", o->filter.document,
                  _("Only this document (id or part of its path)"));
  app->add_option("--kind", o->filter.kind, _("Only records of this kind"));
  app->add_option("--field", o->filter.field,
                  _("Only records with something in this field (amounts, dates, ...)"));
  app->add_option("--min-confidence", o->filter.min_confidence, _("Lowest confidence"))
      ->check(CLI::Range(0.0, 1.0));
  app->add_option("--max-confidence", o->filter.max_confidence, _("Highest confidence"))
      ->check(CLI::Range(0.0, 1.0));
}

Registration reg(
    {"review",
     N_("Review records: list, show, accept, set, reject, undo, merge, split, serve (web UI)"), 55,
     [](CLI::App& app) -> RunFn {
       auto o = std::make_shared<Options>();
       app.require_subcommand(1);

       CLI::App* list = app.add_subcommand("list", _("The review queue, lowest confidence first"));
       AddStore(list, o.get());
       AddFilters(list, o.get());
       list->add_option("--status", o->filter.status,
                        _("needs_review (default), reviewed, auto, all"))
           ->check(CLI::IsMember({"needs_review", "reviewed", "auto", "all"}));
       list->add_option("--format", o->format, _("table (default), jsonl or json"))
           ->check(CLI::IsMember({"table", "jsonl", "json"}));

       CLI::App* show = app.add_subcommand(
           "show", _("A record as reviewed, its passage and corrections (JSON)"));
       AddStore(show, o.get());
       show->add_option("ID", o->ids, _("Record ids"))->required();

       CLI::App* accept = app.add_subcommand("accept", _("Accept records as they are"));
       AddDecision(accept, o.get());
       AddFilters(accept, o.get());
       accept->add_option("ID", o->ids,
                          _("Record ids (default: the queued records the filters select)"));
       accept->add_flag("--all", o->all, _("Accept the whole queue"));

       CLI::App* reject = app.add_subcommand("reject", _("Mark records as not activities"));
       AddDecision(reject, o.get());
       reject->add_option("ID", o->ids, _("Record ids"))->required();

       CLI::App* set = app.add_subcommand("set", _("Correct one field of a record"));
       AddDecision(set, o.get());
       set->add_option("ID", o->id, _("Record id"))->required();
       set->add_option("FIELD", o->field,
                       _("kind, title, or a path: amounts/0/amount, amounts/0/currency, "
                         "dates/0/start, institutions/1/name, ods/-, ..."))
           ->required();
       set->add_option("VALUE", o->value, _("The new value (text, or JSON: null, 11, {...})"))
           ->required();

       CLI::App* undo = app.add_subcommand(
           "undo", _("Undo a record's latest correction (itself a new correction)"));
       AddDecision(undo, o.get());
       undo->add_option("ID", o->id, _("Record id"))->required();
       undo->add_option("--correction", o->correction, _("Undo this correction id instead"));

       CLI::App* merge = app.add_subcommand("merge", _("Merge record FROM into record INTO"));
       AddDecision(merge, o.get());
       merge->add_option("INTO", o->id, _("The record that stays"))->required();
       merge->add_option("FROM", o->from, _("The record merged into it"))->required();
       merge->add_option("--from-version", o->from_version, _("The version of FROM you saw"));

       CLI::App* split = app.add_subcommand("split", _("Split a record into parts"));
       AddDecision(split, o.get());
       split->add_option("ID", o->id, _("Record id"))->required();
       split
           ->add_option("PART", o->parts,
                        _("Two or more JSON objects, one per activity: "
                          "'{\"title\": ..., \"kind\": ..., \"amounts\": [...]}'"))
           ->required();

       CLI::App* serve = app.add_subcommand("serve", _("Serve the review web UI"));
       AddStore(serve, o.get());
       serve->add_option("--host", o->server.host, _("Address to listen on (default 127.0.0.1)"));
       serve->add_option("--port", o->server.port, _("Port (default 8077; 0 = any free port)"));
       serve->add_flag("--allow-remote", o->server.allow_remote,
                       _("Allow a non-loopback --host (needs --secret-file)"));
       serve->add_option("--secret-file", o->secret_file,
                         _("File whose first line is the secret remote reviewers present"));

       return [o, list, show, accept, reject, set, undo, merge, split, serve]() -> int {
         if (list->parsed()) return RunList(*o);
         if (show->parsed()) return RunShow(*o);
         if (accept->parsed()) return RunAction(*o, "accept");
         if (reject->parsed()) return RunAction(*o, "reject");
         if (set->parsed()) return RunSet(*o);
         if (undo->parsed()) return RunUndo(*o);
         if (merge->parsed()) return RunMerge(*o);
         if (split->parsed()) return RunSplit(*o);
         if (serve->parsed()) return RunServe(*o);
         return kExitUsage;
       };
     }});

}  // namespace
}  // namespace acervo::cli
