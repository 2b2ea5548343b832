// es_amount_bench — runs the es-amount extractor over plain-text reports, without the
// pipeline.
//
//   es_amount_bench --data DIR [--gold GOLD_DIR] [--out OUT_DIR] [--repeat N] FILE.txt...
//
// Splits each file into passages as bench/amounts/peer.js does (blank lines end a paragraph,
// '#' lines are headings, lines with tabs are table rows: the first row of a table is its
// header, a short paragraph right before it its caption), runs one Run per file, and writes
// OUT_DIR/<file stem>.json in the output contract's shape (document + amount mentions with
// their text and 1-based line). With --gold, the document's country is taken from
// GOLD_DIR/<file stem>.json, as a loader would set it. Prints the extractor's own time as
// one JSON line: median over --repeat passes of all files, and MB/s.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "es_amount.h"

namespace fs = std::filesystem;

namespace {

struct Passage {
  std::string text;
  acervo::SegmentKind kind = acervo::SegmentKind::kParagraph;
  int line = 0;
  bool header_row = false;
  std::vector<std::string> caption, header;
};

std::vector<std::string> Cells(const std::string& row) {
  std::vector<std::string> cells;
  std::istringstream in(row);
  std::string cell;
  while (std::getline(in, cell, '\t')) cells.push_back(cell);
  return cells;
}

std::vector<Passage> Split(const std::string& text) {
  std::vector<Passage> out;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  Passage para;
  std::vector<std::string> header, caption;
  bool in_table = false;
  auto flush = [&]() {
    if (!para.text.empty()) out.push_back(para);
    para = Passage();
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    bool tab = line.find('\t') != std::string::npos;
    if (!tab) in_table = false;
    if (line.find_first_not_of(" \t") == std::string::npos) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      flush();
      out.push_back({line.substr(line.find_first_not_of("# ")),
                     acervo::SegmentKind::kHeading,
                     number,
                     false,
                     {},
                     {}});
      continue;
    }
    if (tab) {
      if (!in_table) {
        caption.clear();
        if (!para.text.empty() && para.text.size() < 160) caption.push_back(para.text);
        flush();
        header = Cells(line);
        out.push_back({line, acervo::SegmentKind::kTableRow, number, true, caption, {}});
        in_table = true;
      } else {
        out.push_back({line, acervo::SegmentKind::kTableRow, number, false, caption, header});
      }
      continue;
    }
    if (para.text.empty()) {
      para.line = number;
      para.text = line;
    } else {
      para.text += "\n" + line;
    }
  }
  flush();
  return out;
}

struct Doc {
  fs::path path;
  std::string country;
  std::vector<Passage> passages;
  size_t bytes = 0;
};

// Runs the extractor over one document; appends its mentions to *mentions when given.
void RunDoc(const acervo::Extractor& x, const Doc& d, nlohmann::json* mentions) {
  acervo::DocumentContext ctx;
  ctx.country = d.country;
  std::unique_ptr<acervo::Run> run = x.Begin(ctx);
  std::vector<acervo::Mention> out;
  for (const Passage& p : d.passages) {
    std::vector<std::string_view> caption(p.caption.begin(), p.caption.end());
    std::vector<std::string_view> header(p.header.begin(), p.header.end());
    acervo::Segment s;
    s.text = p.text;
    s.kind = p.kind;
    s.table_caption = caption;
    s.table_header = header;
    s.is_header_row = p.header_row;
    out.clear();
    acervo::Status status = run->Extract(s, &out);
    if (!status.ok()) std::cerr << d.path << ": " << status.message() << "\n";
    if (!mentions) continue;
    for (const acervo::Mention& m : out) {
      std::string_view text = std::string_view(p.text).substr(m.begin, m.end - m.begin);
      int line =
          p.line + static_cast<int>(std::count(p.text.begin(), p.text.begin() + m.begin, '\n'));
      mentions->push_back({{"type", m.type},
                           {"text", text},
                           {"value", m.value},
                           {"line", line},
                           {"confidence", m.confidence},
                           {"extractor", "es-amount@1.0.0"}});
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string data, gold, out_dir;
  int repeat = 5;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) {
      data = argv[++i];
    } else if (a == "--gold" && i + 1 < argc) {
      gold = argv[++i];
    } else if (a == "--out" && i + 1 < argc) {
      out_dir = argv[++i];
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else {
      files.emplace_back(a);
    }
  }
  if (data.empty() || files.empty()) {
    std::cerr << "usage: es_amount_bench --data DIR [--gold DIR] [--out DIR] [--repeat N] "
                 "FILE.txt...\n";
    return 2;
  }
  acervo::amount::AmountExtractor x;
  acervo::Status s = x.Configure({data, nullptr});
  if (!s.ok()) {
    std::cerr << s.message() << "\n";
    return 1;
  }

  std::vector<Doc> docs;
  size_t bytes = 0;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Doc d{f, "", Split(ss.str()), ss.str().size()};
    fs::path g = fs::path(gold) / (f.stem().string() + ".json");
    if (!gold.empty() && fs::exists(g)) {
      std::ifstream gin(g);
      nlohmann::json gj = nlohmann::json::parse(gin);
      d.country = gj["document"].value("country", "");
    }
    bytes += d.bytes;
    docs.push_back(std::move(d));
  }

  std::vector<double> seconds;
  for (int r = 0; r < repeat; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    for (const Doc& d : docs) RunDoc(x, d, nullptr);
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(seconds.begin(), seconds.end());
  double median = seconds[seconds.size() / 2];

  if (!out_dir.empty()) {
    fs::create_directories(out_dir);
    for (const Doc& d : docs) {
      nlohmann::json mentions = nlohmann::json::array();
      RunDoc(x, d, &mentions);
      nlohmann::json j = {
          {"document", {{"source", d.path.filename().string()}, {"country", d.country}}},
          {"mentions", mentions},
          {"records", nlohmann::json::array()}};
      std::ofstream(fs::path(out_dir) / (d.path.stem().string() + ".json")) << j.dump(2) << "\n";
    }
  }
  nlohmann::json report = {{"tool", "acervo es-amount"},
                           {"bytes", bytes},
                           {"median_seconds", median},
                           {"mb_per_s", bytes / 1e6 / median},
                           {"repeat", repeat}};
  std::cout << report.dump() << "\n";
  return 0;
}
