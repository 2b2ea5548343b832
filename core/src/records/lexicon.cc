#include "records/lexicon.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "acervo/text.h"

namespace acervo {
namespace {

bool WordBoundaryBefore(std::string_view text, size_t at) {
  if (at == 0) return true;
  size_t begin = at - 1;
  while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
  size_t pos = begin;
  return !IsWordCodePoint(NextCodePoint(text, &pos));
}

bool WordBoundaryAfter(std::string_view text, size_t at) {
  if (at >= text.size()) return true;
  size_t pos = at;
  return !IsWordCodePoint(NextCodePoint(text, &pos));
}

}  // namespace

Lexicon Lexicon::FromText(std::string_view tsv) {
  Lexicon lexicon;
  std::istringstream in{std::string(tsv)};
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    std::string label = tab == std::string::npos ? "" : line.substr(0, tab);
    std::string phrase = Fold(tab == std::string::npos ? line : line.substr(tab + 1));
    if (!phrase.empty()) lexicon.entries_.push_back({std::move(label), std::move(phrase)});
  }
  return lexicon;
}

Result<Lexicon> Lexicon::Load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return NotFound(file.string() + ": cannot read the lexicon");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return FromText(buffer.str());
}

std::vector<LexiconHit> Lexicon::FindAll(std::string_view folded) const {
  std::vector<LexiconHit> hits;
  for (const Entry& e : entries_) {
    for (size_t at = folded.find(e.phrase); at != std::string_view::npos;
         at = folded.find(e.phrase, at + 1)) {
      if (WordBoundaryBefore(folded, at)) hits.push_back({&e.label, at, at + e.phrase.size()});
    }
  }
  std::sort(hits.begin(), hits.end(),
            [](const LexiconHit& a, const LexiconHit& b) { return a.begin < b.begin; });
  return hits;
}

const std::string* Lexicon::Longest(std::string_view folded,
                                    const std::vector<std::string>& labels) const {
  const Entry* best = nullptr;
  for (const Entry& e : entries_) {
    if (!labels.empty() && std::find(labels.begin(), labels.end(), e.label) == labels.end()) {
      continue;
    }
    if (best && e.phrase.size() <= best->phrase.size()) continue;
    for (size_t at = folded.find(e.phrase); at != std::string_view::npos;
         at = folded.find(e.phrase, at + 1)) {
      if (WordBoundaryBefore(folded, at)) {
        best = &e;
        break;
      }
    }
  }
  return best ? &best->label : nullptr;
}

const std::string* Lexicon::Prefix(std::string_view folded) const {
  for (const Entry& e : entries_) {
    if (folded.substr(0, e.phrase.size()) == e.phrase &&
        WordBoundaryAfter(folded, e.phrase.size())) {
      return &e.label;
    }
  }
  return nullptr;
}

}  // namespace acervo
