#include "eval/run.h"

namespace acervo::eval {
namespace {

// The 1-based source line of byte `offset` of `page`, or 0 when the page has no line numbers
// (PDF). Uses the enclosing block's line when the loader recorded one.
int SourceLine(const Page& page, size_t offset) {
  auto newlines = [&](size_t from, size_t to) {
    int n = 0;
    for (size_t i = from; i < to && i < page.text.size(); ++i) n += page.text[i] == '\n';
    return n;
  };
  for (const Block& b : page.blocks) {
    if (b.line > 0 && b.begin <= offset && offset < b.end)
      return b.line + newlines(b.begin, offset);
  }
  return page.first_line > 0 ? page.first_line + newlines(0, offset) : 0;
}

}  // namespace

nlohmann::json ContractJsonWithLines(const Extraction& x) {
  nlohmann::json j = ToContractJson(x);
  const std::vector<Page>& pages = x.document.pages;
  auto page_at = [&](int number) -> const Page* {
    return number >= 1 && number <= static_cast<int>(pages.size()) ? &pages[number - 1] : nullptr;
  };
  nlohmann::json& mentions = j["mentions"];
  for (size_t i = 0; i < x.mentions.size() && i < mentions.size(); ++i) {
    const Page* page = page_at(x.mentions[i].page);
    int line = page ? SourceLine(*page, x.mentions[i].byte_start) : 0;
    if (line > 0) mentions[i]["line"] = line;
  }
  for (nlohmann::json& r : j["records"]) {
    if (!r.is_object()) continue;
    const nlohmann::json& page_start =
        r.contains("page_start") ? r["page_start"] : nlohmann::json();
    const Page* page = page_at(page_start.is_number_integer() ? page_start.get<int>() : 0);
    const nlohmann::json& anchor = r.contains("anchor") ? r["anchor"] : nlohmann::json();
    if (!page || !anchor.is_string() || anchor.get_ref<const std::string&>().empty()) continue;
    size_t at = page->text.find(anchor.get_ref<const std::string&>());
    int line = at == std::string::npos ? 0 : SourceLine(*page, at);
    if (line > 0) r["line"] = line;
  }
  return j;
}

Result<std::vector<DocAnnotations>> ExtractForGold(const Engine& engine,
                                                   const std::vector<DocAnnotations>& gold,
                                                   const std::filesystem::path& dir,
                                                   Variant variant, const Overrides& overrides,
                                                   std::vector<std::string>* warnings) {
  std::vector<DocAnnotations> out;
  for (const DocAnnotations& g : gold) {
    std::optional<std::filesystem::path> file = FindSource(dir, g.stem, variant);
    if (!file) {
      warnings->push_back(g.stem + ": no source of this variant in " + dir.string() + "; skipped");
      continue;
    }
    Result<Extraction> x = engine.Process(*file, overrides);
    if (!x.ok()) return x.status();
    for (const std::string& w : x->warnings) warnings->push_back(g.stem + ": " + w);
    Result<DocAnnotations> pred = ReadPrediction(ContractJsonWithLines(*x), engine.mention_types());
    if (!pred.ok()) return pred.status().Prefixed(file->string());
    pred->stem = g.stem;
    out.push_back(std::move(*pred));
  }
  return out;
}

}  // namespace acervo::eval
