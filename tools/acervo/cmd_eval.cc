// acervo eval — scores extraction output against gold annotations (docs/evaluation.md).
//
//   acervo eval --gold GOLD (--pred PRED | --run [--source DIR] [--variant V]) [--json] [--diff]
//
// Predictions are read from files or a store (--pred) or made in-process by the engine
// (--run), which also records each mention's source line so that --diff can point at it.
#include <iostream>
#include <map>
#include <string_view>

#include "command.h"
#include "declared_types.h"
#include "engine_options.h"
#include "eval/corpus.h"
#include "eval/report.h"
#include "eval/run.h"
#include "eval/store_predictions.h"
#include "i18n/i18n.h"
#include "store/store.h"

namespace acervo::cli {
namespace {

namespace fs = std::filesystem;
using eval::Category;
using eval::DocAnnotations;

struct Options {
  std::string gold;
  std::string pred;
  bool run = false;
  std::string source;
  std::string variant = "text";
  EngineFlags flags;
  bool json = false;
  bool diff = false;
  std::vector<std::string> fail_under;  // "dates=0.8", "record_kind=0.5"
};

// Runs the engine on the source of each gold document.
Result<std::vector<DocAnnotations>> RunEngine(const Options& o, const Engine& engine,
                                              const std::vector<DocAnnotations>& gold,
                                              std::vector<std::string>* warnings) {
  eval::Variant variant;
  if (!eval::ParseVariant(o.variant, &variant)) {
    return InvalidArgument(_f("--variant: expected text, scan or mixed, got '{}'", o.variant));
  }
  fs::path dir = o.source;
  if (dir.empty())
    dir = fs::is_directory(o.gold) ? fs::path(o.gold) : fs::path(o.gold).parent_path();
  return eval::ExtractForGold(engine, gold, dir, variant, o.flags.overrides, warnings);
}

// "dates=0.85" -> (category name, threshold). "record_kind" checks kind accuracy.
bool ParseThreshold(const std::string& spec, std::string* name, double* min) {
  size_t eq = spec.find('=');
  if (eq == std::string::npos) return false;
  *name = spec.substr(0, eq);
  Category c;
  if (*name != "record_kind" && !eval::ParseCategory(*name, &c)) return false;
  try {
    size_t used = 0;
    *min = std::stod(spec.substr(eq + 1), &used);
    return used == spec.size() - eq - 1 && *min >= 0 && *min <= 1;
  } catch (...) {
    return false;
  }
}

int RunEval(const Options& o) {
  auto usage = [](const std::string& message) {
    Fail(message);
    return kExitUsage;
  };
  if (o.run == !o.pred.empty()) return usage(_("give exactly one of --pred and --run"));
  if (!o.run && !o.source.empty()) return usage(_("--source goes with --run"));
  for (const std::string& spec : o.fail_under) {
    std::string name;
    double min;
    if (!ParseThreshold(spec, &name, &min)) {
      return usage(_f("--fail-under: expected CATEGORY=F1 (e.g. dates=0.8), got '{}'", spec));
    }
  }

  // The plugins' own mention types are scored as they declare them.
  std::unique_ptr<Engine> engine;
  MentionTypes types;
  if (o.run) {
    Result<std::unique_ptr<Engine>> opened = Engine::Open(o.flags.engine);
    if (!opened.ok()) return Fail(opened.status().message());
    engine = std::move(*opened);
    types = engine->mention_types();
  } else {
    types = DeclaredMentionTypes(o.flags.engine);
  }
  Result<std::vector<DocAnnotations>> gold = eval::ReadGoldPath(o.gold, types);
  if (!gold.ok()) return Fail(gold.status().message());
  eval::EvalReport report;
  Result<std::vector<DocAnnotations>> preds = Status(Code::kInternal, "no predictions");
  if (o.run) {
    preds = RunEngine(o, *engine, *gold, &report.warnings);
  } else if (eval::IsStoreLocation(o.pred)) {
    Result<std::unique_ptr<Store>> store = Store::OpenExisting(o.pred);
    if (!store.ok()) return Fail(store.status().message());
    preds = eval::ReadPredictionStore(**store, types);
  } else {
    preds = eval::ReadPredictionPath(o.pred, types);
  }
  if (!preds.ok()) return Fail(preds.status().message());

  std::map<std::string, const DocAnnotations*> by_stem;
  for (const DocAnnotations& p : *preds) {
    if (!by_stem.emplace(p.stem, &p).second) {
      report.warnings.push_back(_f("{}: more than one prediction; using the first ({})", p.stem,
                                   by_stem[p.stem]->source));
    }
  }
  for (const DocAnnotations& g : *gold) {
    auto it = by_stem.find(g.stem);
    if (it == by_stem.end()) {
      if (!o.run) report.warnings.push_back(_f("{}: no prediction; skipped", g.stem));
      continue;
    }
    report.documents.push_back(eval::ScoreDocument(g, *it->second));
  }
  eval::Summarize(&report);
  if (report.documents.empty()) return Fail(_("no gold document had a prediction to score"));

  for (const std::string& w : report.warnings)
    std::cerr << "acervo: " << _f("warning: {}", w) << "\n";
  if (o.json) {
    std::cout << eval::ReportJson(report, o.diff).dump(2) << "\n";
  } else {
    if (o.diff) {
      eval::PrintDiff(report, std::cout);
      std::cout << "\n";
    }
    eval::PrintTable(report, std::cout);
  }

  int status = kExitOk;
  for (const std::string& spec : o.fail_under) {
    std::string name;
    double min = 0;
    ParseThreshold(spec, &name, &min);
    Category c;
    std::optional<double> got = name == "record_kind"
                                    ? report.micro.kind.value()
                                    : (eval::ParseCategory(name, &c), report.micro[c].f1());
    if (!got || *got < min) {
      std::cerr << "acervo: "
                << _f("{}: {} is under {}", name, got ? std::to_string(*got) : _("no score"), min)
                << "\n";
      status = kExitFailure;
    }
  }
  return status;
}

Registration reg(
    {"eval", N_("Score predictions (or a fresh run) against gold annotations"), 60,
     [](CLI::App& app) -> RunFn {
       auto o = std::make_shared<Options>();
       app.add_option("--gold", o->gold, _("A gold file or a folder of them (annotation-guide.md)"))
           ->required();
       app.add_option("--pred", o->pred,
                      _("Extraction output to score: a .json file (object, array or JSON Lines), "
                        "a folder of them, or a store (a .db file or a postgresql:// URI)"));
       app.add_flag("--run", o->run, _("Extract the gold documents' sources now and score that"));
       app.add_option("--source", o->source,
                      _("With --run: the folder of sources, paired by name (default: the gold's)"));
       app.add_option("--variant", o->variant,
                      _("With --run: text (STEM.txt, .md, .pdf, .docx, .odt, else .html), scan "
                        "(STEM.scan.pdf) or mixed (STEM.mixed.pdf)"))
           ->default_val("text");
       o->flags.AddTo(app);
       app.add_flag("--json", o->json, _("Print the scores (and the diff) as JSON"));
       app.add_flag("--diff", o->diff, _("List each miss and each extra with its line or page"));
       app.add_option("--fail-under", o->fail_under,
                      _("CATEGORY=F1: exit 1 when the micro-averaged F1 is lower (repeatable; "
                        "record_kind=X checks kind accuracy)"));
       return [o] { return RunEval(*o); };
     }});

}  // namespace
}  // namespace acervo::cli
