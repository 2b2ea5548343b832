// @NAME@: project and contract codes such as "CONV-2024-017" (mention type "project_code").
//
// A code is a known prefix (data/prefixes.tsv: prefix, then the kind of thing it names),
// a year and a serial number, separated by '-', '/' or a space: "CONV-2024-017",
// "PROY/2023/5". Its value is {"code": "CONV-2024-017", "kind": "convenio", "year": 2024,
// "number": "017"}: the code rewritten with '-', and the number kept as written.
//
// This is the scaffold's example rule. Replace it with yours; keep the shape: language data
// in data/, patterns compiled once in Configure, per-document state in the Run.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "acervo/plugin.h"
#include "acervo/text.h"
#include "acervo/tsv.h"

namespace @IDENT@ {
namespace {

using acervo::Mention;
using acervo::Segment;
using acervo::Status;

// Reads "prefix<TAB>kind" rows (acervo/tsv.h: '#' comments, trimmed fields).
acervo::Result<std::map<std::string, std::string>> ReadPrefixes(
    const std::filesystem::path& file) {
  acervo::Result<std::vector<acervo::TsvRow>> rows = acervo::ReadTsv(file);
  if (!rows.ok()) return rows.status();
  std::map<std::string, std::string> kinds;
  for (const acervo::TsvRow& row : *rows) {
    if (row.fields.size() != 2 || row.fields[0].empty() || row.fields[1].empty()) {
      return acervo::Corrupt(file.string() + ":" + std::to_string(row.line) +
                             ": expected prefix<TAB>kind");
    }
    kinds[row.fields[0]] = row.fields[1];
  }
  if (kinds.empty()) return acervo::Corrupt(file.string() + ": no prefixes");
  return kinds;
}

class CodeRun : public acervo::Run {
 public:
  CodeRun(const RE2& pattern, const std::map<std::string, std::string>& kinds)
      : pattern_(pattern), kinds_(kinds) {}

  Status Extract(const Segment& segment, std::vector<Mention>* out) override {
    std::string_view text = segment.text;
    re2::StringPiece rest(text.data(), text.size());
    re2::StringPiece whole, prefix, year, number;
    while (RE2::FindAndConsume(&rest, pattern_, &whole, &prefix, &year, &number)) {
      size_t begin = whole.data() - text.data();
      size_t end = begin + whole.size();
      // RE2's \b is ASCII-only: "ÑCONV-2024-1" must not match, so check the edges here.
      if (!acervo::IsWholeWord(text, begin, end)) continue;
      Mention m;
      m.type = "project_code";
      m.begin = begin;
      m.end = end;
      std::string p(prefix), y(year), n(number);
      m.value = {{"code", p + "-" + y + "-" + n},
                 {"kind", kinds_.at(p)},
                 {"year", std::stoi(y)},
                 {"number", n}};
      m.confidence = 0.95;
      out->push_back(std::move(m));
    }
    return Status::Ok();
  }

 private:
  const RE2& pattern_;
  const std::map<std::string, std::string>& kinds_;
};

class CodeExtractor : public acervo::Extractor {
 public:
  acervo::PluginInfo Info() const override {
    // Each mention type is declared: the record list it fills, which value fields say
    // which code it is, and the columns exports give it. acervo needs nothing else.
    return {"@NAME@", "0.1.0", "Project and contract codes (CONV-2024-017)",
            {{.name = "project_code",
              .record_field = "project_codes",
              .key = {"code"},
              .columns = {"code", "kind"}}}};
  }

  // Params (optional): prefixes: path of a prefixes file replacing data/prefixes.tsv.
  Status Configure(const acervo::PluginConfig& config) override {
    std::filesystem::path file = config.data_dir / "prefixes.tsv";
    if (config.params.is_object() && config.params.contains("prefixes")) {
      file = config.params["prefixes"].get<std::string>();
    }
    acervo::Result<std::map<std::string, std::string>> kinds = ReadPrefixes(file);
    if (!kinds.ok()) return kinds.status();
    kinds_ = std::move(*kinds);

    // ((PREFIX|...)[-/ ](year)[-/ ](number)): the whole code, then its three parts.
    std::string pattern = "((";
    for (const auto& [prefix, kind] : kinds_) {
      if (pattern.size() > 2) pattern += '|';
      pattern += RE2::QuoteMeta(prefix);
    }
    pattern += ")[-/ ]((?:19|20)\\d\\d)[-/ ](\\d{1,6}))";
    pattern_ = std::make_unique<RE2>(pattern);
    if (!pattern_->ok()) return acervo::Internal("bad code pattern: " + pattern_->error());
    return Status::Ok();
  }

  std::unique_ptr<acervo::Run> Begin(const acervo::DocumentContext&) const override {
    return std::make_unique<CodeRun>(*pattern_, kinds_);
  }

 private:
  std::map<std::string, std::string> kinds_;
  std::unique_ptr<RE2> pattern_;
};

}  // namespace
}  // namespace @IDENT@

ACERVO_PLUGIN(@IDENT@::CodeExtractor);
