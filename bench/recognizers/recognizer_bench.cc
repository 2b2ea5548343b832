// recognizer_bench — throughput of each extractor plugin, in MB of page text per second.
//
//   acervo_bench_recognizers [--runs N] [--plugin NAME]... [--baseline PIPELINE.yaml]
//                            [--together-only] FILE...
//
// The files are loaded once (the default pipeline's loader); then, for each plugin, an engine
// running only that plugin processes every document N times and the median of the N wall
// times is reported. ProcessDocument also segments the pages and assembles records; the
// baseline (a pipeline with no extractors) measures that part, and `plugin-only` subtracts it.
// A last row runs all the plugins together in one engine (what `acervo extract` runs, record
// assembly over everyone's mentions included); --together-only prints only that row (for a
// profiler). Prints one TSV line per row.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "acervo/engine.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Args {
  int runs = 7;
  std::vector<std::string> plugins;
  std::string baseline;
  bool together_only = false;
  std::vector<std::string> files;
};

bool ParseArgs(int argc, char** argv, Args* a) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--runs") {
      const char* v = next();
      if (!v || (a->runs = std::atoi(v)) < 1) return false;
    } else if (arg == "--plugin") {
      const char* v = next();
      if (!v) return false;
      a->plugins.push_back(v);
    } else if (arg == "--baseline") {
      const char* v = next();
      if (!v) return false;
      a->baseline = v;
    } else if (arg == "--together-only") {
      a->together_only = true;
    } else if (!arg.empty() && arg[0] == '-') {
      return false;
    } else {
      a->files.push_back(arg);
    }
  }
  if (a->plugins.empty()) a->plugins = {"es-date", "es-amount", "es-institution", "es-ods"};
  return !a->files.empty();
}

// Median wall time, in seconds, of `runs` passes of `engine` over `docs`.
double MedianSeconds(const acervo::Engine& engine, const std::vector<acervo::Document>& docs,
                     int runs, size_t* mentions) {
  std::vector<double> times;
  for (int r = 0; r < runs; ++r) {
    size_t found = 0;
    Clock::time_point start = Clock::now();
    for (const acervo::Document& d : docs) {
      acervo::Result<acervo::Extraction> x = engine.ProcessDocument(d, {});
      if (x.ok()) found += x->mentions.size();
    }
    times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    *mentions = found;
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!ParseArgs(argc, argv, &args)) {
    std::cerr << "usage: acervo_bench_recognizers [--runs N] [--plugin NAME]... "
                 "[--baseline PIPELINE.yaml] [--together-only] FILE...\n";
    return 2;
  }
  acervo::EngineOptions loader_options;
  if (!args.baseline.empty()) loader_options.pipeline = args.baseline;
  acervo::Result<std::unique_ptr<acervo::Engine>> loader = acervo::Engine::Open(loader_options);
  if (!loader.ok()) {
    std::cerr << "bench: " << loader.status().message() << "\n";
    return 1;
  }
  std::vector<acervo::Document> docs;
  size_t bytes = 0;
  for (const std::string& f : args.files) {
    acervo::Result<acervo::Extraction> x = (*loader)->Process(f, {});
    if (!x.ok()) {
      std::cerr << "bench: " << x.status().message() << "\n";
      return 1;
    }
    for (const acervo::Page& p : x->document.pages) bytes += p.text.size();
    docs.push_back(std::move(x->document));
  }
  const double mb = static_cast<double>(bytes) / 1e6;

  double baseline = 0;
  size_t mentions = 0;
  if (!args.baseline.empty()) baseline = MedianSeconds(**loader, docs, args.runs, &mentions);

  std::printf(
      "plugin\tdocs\tMB\truns\tmedian_s\tMB_per_s\tplugin_only_s\tplugin_only_MB_per_"
      "s\tmentions\n");
  if (!args.baseline.empty()) {
    std::printf("(baseline)\t%zu\t%.3f\t%d\t%.4f\t%.2f\t-\t-\t%zu\n", docs.size(), mb, args.runs,
                baseline, mb / baseline, mentions);
  }
  // Each plugin alone, then all of them in one engine (what `acervo extract` runs).
  std::vector<std::vector<std::string>> runs;
  if (!args.together_only) {
    for (const std::string& plugin : args.plugins) runs.push_back({plugin});
  }
  if (args.plugins.size() > 1 || args.together_only) runs.push_back(args.plugins);
  for (const std::vector<std::string>& only : runs) {
    const std::string plugin = only.size() == 1 ? only[0] : "(all together)";
    acervo::EngineOptions options;
    options.only = only;
    acervo::Result<std::unique_ptr<acervo::Engine>> engine = acervo::Engine::Open(options);
    if (!engine.ok()) {
      std::printf("%s\tunavailable: %s\n", plugin.c_str(), engine.status().message().c_str());
      continue;
    }
    double t = MedianSeconds(**engine, docs, args.runs, &mentions);
    if (args.baseline.empty()) {
      std::printf("%s\t%zu\t%.3f\t%d\t%.4f\t%.2f\t-\t-\t%zu\n", plugin.c_str(), docs.size(), mb,
                  args.runs, t, mb / t, mentions);
    } else {
      double own = std::max(t - baseline, 1e-9);
      std::printf("%s\t%zu\t%.3f\t%d\t%.4f\t%.2f\t%.4f\t%.2f\t%zu\n", plugin.c_str(), docs.size(),
                  mb, args.runs, t, mb / t, own, mb / own, mentions);
    }
  }
  return 0;
}
