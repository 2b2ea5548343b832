// es_date_bench — runs the es-date extractor over plain-text reports, without the pipeline.
//
//   es_date_bench --data DIR [--gold GOLD_DIR] [--out OUT_DIR] [--repeat N] FILE.txt...
//
// Splits each file into passages the way a text loader does (blank lines end a paragraph,
// '#' lines are headings and enclose what follows, lines with tabs are table rows), runs one
// Run per file, and writes OUT_DIR/<file>.json in the output contract's shape (document +
// date mentions with their text and 1-based line). With --gold, the document's title,
// country and period are taken from GOLD_DIR/<file stem>.json, as a loader would set them.
// Prints the extractor's own time: median over --repeat passes of all files, in MB/s.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "acervo/plugin.h"
#include "es_date.h"

namespace fs = std::filesystem;

namespace {

struct Passage {
  std::string text;
  acervo::SegmentKind kind;
  int line;
  std::vector<std::string> headings;
};

std::vector<Passage> Split(const std::string& text) {
  std::vector<Passage> out;
  std::vector<std::pair<int, std::string>> headings;  // level, text
  std::istringstream in(text);
  std::string line;
  int number = 0;
  Passage para{"", acervo::SegmentKind::kParagraph, 0, {}};
  auto names = [&]() {
    std::vector<std::string> v;
    for (auto& h : headings) v.push_back(h.second);
    return v;
  };
  auto flush = [&]() {
    if (!para.text.empty()) out.push_back(para);
    para.text.clear();
  };
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t") == std::string::npos) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      flush();
      int level = static_cast<int>(line.find_first_not_of('#'));
      std::string title = line.substr(std::min(line.size(), static_cast<size_t>(level) + 1));
      while (!headings.empty() && headings.back().first >= level) headings.pop_back();
      out.push_back({title, acervo::SegmentKind::kHeading, number, names()});
      headings.emplace_back(level, title);
      continue;
    }
    if (line.find('\t') != std::string::npos) {
      flush();
      out.push_back({line, acervo::SegmentKind::kTableRow, number, names()});
      continue;
    }
    if (para.text.empty()) {
      para = {line, acervo::SegmentKind::kParagraph, number, names()};
    } else {
      para.text += "\n" + line;
    }
  }
  flush();
  return out;
}

int LineOf(const Passage& p, size_t offset) {
  return p.line + static_cast<int>(std::count(p.text.begin(), p.text.begin() + offset, '\n'));
}

}  // namespace

int main(int argc, char** argv) {
  fs::path data, gold, out_dir;
  int repeat = 1;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--data" && i + 1 < argc)
      data = argv[++i];
    else if (a == "--gold" && i + 1 < argc)
      gold = argv[++i];
    else if (a == "--out" && i + 1 < argc)
      out_dir = argv[++i];
    else if (a == "--repeat" && i + 1 < argc)
      repeat = std::max(1, std::atoi(argv[++i]));
    else
      files.emplace_back(a);
  }
  if (data.empty() || files.empty()) {
    std::cerr << "usage: es_date_bench --data DIR [--gold DIR] [--out DIR] [--repeat N] FILE...\n";
    return 2;
  }
  acervo::es_date::EsDateExtractor extractor;
  if (auto s = extractor.Configure({data, nullptr}); !s.ok()) {
    std::cerr << s.message() << "\n";
    return 1;
  }

  struct Doc {
    fs::path path;
    acervo::DocumentContext context;
    std::vector<Passage> passages;
    size_t bytes = 0;
  };
  std::vector<Doc> docs;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Doc d{f, {}, Split(ss.str()), ss.str().size()};
    fs::path g = gold / (f.stem().string() + ".json");
    if (!gold.empty() && fs::exists(g)) {
      auto j = nlohmann::json::parse(std::ifstream(g));
      const auto& doc = j["document"];
      d.context.title = doc.value("title", "");
      d.context.country = doc.value("country", "");
      if (doc.contains("period")) {
        d.context.period_start = doc["period"].value("start", "");
        d.context.period_end = doc["period"].value("end", "");
      }
    }
    docs.push_back(std::move(d));
  }

  size_t total_bytes = 0;
  for (const Doc& d : docs) total_bytes += d.bytes;
  std::vector<double> seconds;
  std::vector<nlohmann::json> results(docs.size());
  for (int r = 0; r < repeat; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    for (size_t k = 0; k < docs.size(); ++k) {
      const Doc& d = docs[k];
      auto run = extractor.Begin(d.context);
      nlohmann::json mentions = nlohmann::json::array();
      for (const Passage& p : d.passages) {
        std::vector<std::string_view> hv(p.headings.begin(), p.headings.end());
        acervo::Segment seg;
        seg.text = p.text;
        seg.kind = p.kind;
        seg.headings = hv;
        std::vector<acervo::Mention> ms;
        if (auto s = run->Extract(seg, &ms); !s.ok()) {
          std::cerr << d.path << ": " << s.message() << "\n";
          return 1;
        }
        if (r == 0) {
          for (const auto& m : ms) {
            mentions.push_back({{"type", m.type},
                                {"text", p.text.substr(m.begin, m.end - m.begin)},
                                {"value", m.value},
                                {"line", LineOf(p, m.begin)},
                                {"confidence", m.confidence},
                                {"extractor", "es-date@1.0.0"}});
          }
        }
      }
      if (r == 0) {
        results[k] = {
            {"document",
             {{"source", d.path.filename().string()},
              {"title", d.context.title},
              {"country", d.context.country},
              {"period", {{"start", d.context.period_start}, {"end", d.context.period_end}}}}},
            {"mentions", mentions}};
      }
    }
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  if (!out_dir.empty()) {
    fs::create_directories(out_dir);
    for (size_t k = 0; k < docs.size(); ++k) {
      std::ofstream(out_dir / (docs[k].path.stem().string() + ".json")) << results[k].dump(1);
    }
  }
  std::sort(seconds.begin(), seconds.end());
  double median = seconds[seconds.size() / 2];
  std::printf("{\"bytes\": %zu, \"runs\": %d, \"median_seconds\": %.6f, \"mb_per_s\": %.2f}\n",
              total_bytes, repeat, median, total_bytes / 1e6 / median);
  return 0;
}
