#include "gazetteer.h"

#include <unicode/uchar.h>

#include <algorithm>

namespace acervo::institution {
namespace {

bool StartsUpper(std::string_view text, size_t pos) {
  return u_isupper(static_cast<UChar32>(NextCodePoint(text, &pos)));
}

// Every word of four letters or more in text[begin, end) starts with a capital: "El Tiempo"
// is a newspaper, "el tiempo" is not.
bool WordsCapitalised(std::string_view text, size_t begin, size_t end) {
  size_t pos = begin;
  while (pos < end) {
    size_t word = pos, letters = 0;
    bool upper = StartsUpper(text, word);
    while (pos < end && IsWordCodePoint(NextCodePoint(text, &pos))) ++letters;
    if (letters >= 4 && !upper) return false;
  }
  return true;
}

}  // namespace

bool LooksLikeAcronym(std::string_view s) {
  if (s.empty() || s.size() > 16) return false;
  int upper = 0, digits = 0, lower_run = 0;
  size_t pos = 0;
  bool first = true;
  while (pos < s.size()) {
    auto cp = static_cast<UChar32>(NextCodePoint(s, &pos));
    if (cp == ' ') return false;
    if (first && !u_isupper(cp) && !u_isdigit(cp)) return false;
    first = false;
    if (u_isupper(cp)) ++upper;
    if (u_isdigit(cp)) ++digits;
    lower_run = u_islower(cp) ? lower_run + 1 : 0;
    if (lower_run >= 3) return false;
  }
  return upper >= 2 || (upper >= 1 && digits >= 1);
}

Status Gazetteer::LoadFile(const std::filesystem::path& path) {
  Result<std::vector<TsvRow>> rows = ReadTsv(path);
  if (!rows.ok()) return rows.status().Prefixed("gazetteer");
  return AddRows(*rows, path.string());
}

Status Gazetteer::LoadText(std::string_view tsv, const std::string& origin) {
  Result<std::vector<TsvRow>> rows = ParseTsv(tsv, origin);
  if (!rows.ok()) return rows.status();
  return AddRows(*rows, origin);
}

Status Gazetteer::AddRows(const std::vector<TsvRow>& rows, const std::string& origin) {
  for (const TsvRow& row : rows) {
    std::string where = origin + ":" + std::to_string(row.line);
    if (row.fields.size() < 2 || row.fields.size() > 6) {
      return Corrupt(where +
                     ": expected 2 to 6 tab-separated columns (id, name, acronym, "
                     "aliases, kind, country), found " +
                     std::to_string(row.fields.size()));
    }
    std::vector<std::string> cols = row.fields;
    cols.resize(6);
    if (cols[0].empty() || cols[1].empty()) return Corrupt(where + ": empty id or name");
    Entry e{cols[0], cols[1], cols[2], {}, cols[4], cols[5]};
    for (const std::string& alias : SplitField(cols[3], '|')) {
      if (!alias.empty()) e.aliases.push_back(alias);
    }
    Add(std::move(e));
  }
  return Status::Ok();
}

int Gazetteer::Add(Entry entry) {
  auto it = by_id_.find(entry.id);
  if (it != by_id_.end()) {
    entries_[it->second] = std::move(entry);
    return it->second;
  }
  int index = static_cast<int>(entries_.size());
  by_id_[entry.id] = index;
  entries_.push_back(std::move(entry));
  return index;
}

void Gazetteer::Build() {
  for (int i = 0; i < static_cast<int>(entries_.size()); ++i) {
    const Entry& e = entries_[i];
    std::vector<std::string> spellings = {e.name};
    if (!e.acronym.empty()) spellings.push_back(e.acronym);
    spellings.insert(spellings.end(), e.aliases.begin(), e.aliases.end());
    for (const std::string& s : spellings) {
      if (LooksLikeAcronym(s)) {
        acronyms_.Add(s, i);
        by_acronym_.emplace(s, i);
        continue;
      }
      std::string folded = Fold(s);
      by_folded_name_.emplace(folded, i);
      int value = static_cast<int>(name_entry_.size());
      name_entry_.push_back(i);
      single_word_.push_back(folded.find(' ') == std::string::npos);
      capitalised_.push_back(e.kind == "media");
      names_.Add(folded, value);
    }
  }
  names_.Build();
  acronyms_.Build();
  sorted_names_.assign(by_folded_name_.begin(), by_folded_name_.end());
  std::sort(sorted_names_.begin(), sorted_names_.end());
}

int Gazetteer::FindAcronym(std::string_view acronym) const {
  auto it = by_acronym_.find(std::string(acronym));
  return it == by_acronym_.end() ? -1 : it->second;
}

int Gazetteer::FindName(std::string_view folded_name) const {
  auto it = by_folded_name_.find(std::string(folded_name));
  return it == by_folded_name_.end() ? -1 : it->second;
}

std::vector<int> Gazetteer::FindQualified(std::string_view folded_name,
                                          std::string_view country) const {
  std::vector<int> out;
  // Every qualified name starts with folded_name + " de": one range of the sorted names.
  std::string prefix = std::string(folded_name) + " de";
  auto it =
      std::lower_bound(sorted_names_.begin(), sorted_names_.end(), std::make_pair(prefix, -1));
  for (; it != sorted_names_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    const auto& [name, entry] = *it;
    if (name.size() <= folded_name.size() + 4) continue;
    std::string_view rest = std::string_view(name).substr(folded_name.size());
    if (rest.substr(0, 4) != " de " && rest.substr(0, 5) != " del ") continue;
    if (!country.empty() && entries_[entry].country != country) continue;
    if (std::find(out.begin(), out.end(), entry) == out.end()) out.push_back(entry);
  }
  return out;
}

std::vector<GazetteerHit> Gazetteer::Find(const FoldedText& folded) const {
  std::string_view text = folded.original();
  std::vector<GazetteerHit> all;
  for (const PhraseMatcher::Match& m : names_.FindAll(folded.text())) {
    size_t begin = folded.ToOriginal(m.begin), end = folded.ToOriginal(m.end);
    if (single_word_[m.value] && !StartsUpper(text, begin)) continue;
    if (capitalised_[m.value] && !WordsCapitalised(text, begin, end)) continue;
    all.push_back({begin, end, name_entry_[m.value], false});
  }
  for (const PhraseMatcher::Match& m : acronyms_.FindAll(text)) {
    // Inside a reference code ("MPICDMX/CAF/CT/01/2024") an acronym names no body.
    if (m.begin > 0 && text[m.begin - 1] == '/') continue;
    all.push_back({m.begin, m.end, m.value, true});
  }
  std::sort(all.begin(), all.end(), [](const GazetteerHit& a, const GazetteerHit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<GazetteerHit> out;
  size_t covered = 0;
  for (const GazetteerHit& h : all) {
    if (!out.empty() && h.begin < covered) continue;
    out.push_back(h);
    covered = h.end;
  }
  return out;
}

}  // namespace acervo::institution
