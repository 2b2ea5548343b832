#include "gazetteer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <functional>

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

// The byte span of a word the automaton reads.
struct Word {
  size_t begin = 0;
  size_t end = 0;
};

// Splits `s` at the hyphens that IsHyphen accepts; each part with its byte offset, and each
// hyphen as "-".
template <typename Fn>
void SplitHyphens(std::string_view s, Fn part) {
  size_t pos = 0, start = 0;
  while (pos < s.size()) {
    size_t at = pos;
    char32_t cp = NextCodePoint(s, &pos);
    if (!IsHyphen(cp)) continue;
    part(start, at, false);
    part(at, pos, true);
    start = pos;
  }
  part(start, s.size(), false);
}

// Calls word(span, folded, id) for each word the automaton reads among tokens[first, last): a
// token, or one part of a hyphenated token, so that "ONU" is found in "ONU-México" and
// "APC-Colombia" is three words on both sides. `folded` lives only during the call; `id` is
// the token's Token::phrase_word (kNotLookedUp for the parts of a hyphenated token).
template <typename Fn>
void ForEachWord(std::string_view text, const std::vector<Token>& tokens, size_t first, size_t last,
                 Fn word) {
  std::string part;
  for (size_t i = first; i < last; ++i) {
    const Token& t = tokens[i];
    // (A word hyphenated at a line end has no hyphen left in its folded form.)
    if (!t.word || !t.expansion.empty() || !t.hyphenated) {
      word(Word{t.begin, t.end}, t.folded, t.phrase_word);
      continue;
    }
    std::string_view original = text.substr(t.begin, t.end - t.begin);
    SplitHyphens(original, [&](size_t b, size_t e, bool hyphen) {
      if (b == e) return;
      part = hyphen ? std::string("-") : Fold(original.substr(b, e - b));
      word(Word{t.begin + b, t.begin + e}, std::string_view(part), Token::kNotLookedUp);
    });
  }
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
      Spelling spelling{i, LooksLikeAcronym(s), false, e.kind == "media", ""};
      if (spelling.acronym) {
        spelling.exact = s;
        by_acronym_.emplace(s, i);
      } else {
        by_folded_name_.emplace(Fold(s), i);
      }
      std::string buffer;
      std::vector<Token> tokens = Tokenize(s, &buffer);
      std::vector<std::string> folded;
      ForEachWord(s, tokens, 0, tokens.size(),
                  [&](Word, std::string_view f, int32_t) { folded.emplace_back(f); });
      spelling.single_word = folded.size() == 1 && !spelling.acronym;
      automaton_.Add(folded, static_cast<int>(spellings_.size()));
      spellings_.push_back(std::move(spelling));
    }
  }
  automaton_.Build();
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

std::vector<int> Gazetteer::EntriesStartingWith(
    const std::string& prefix, std::string_view country,
    const std::function<bool(std::string_view)>& keep) const {
  std::vector<int> out;
  // One range of the sorted names.
  auto it =
      std::lower_bound(sorted_names_.begin(), sorted_names_.end(), std::make_pair(prefix, -1));
  for (; it != sorted_names_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    const auto& [name, entry] = *it;
    if (!keep(name) || (!country.empty() && entries_[entry].country != country)) continue;
    if (std::find(out.begin(), out.end(), entry) == out.end()) out.push_back(entry);
  }
  return out;
}

std::vector<int> Gazetteer::FindLonger(std::string_view folded_name,
                                       std::string_view country) const {
  return EntriesStartingWith(std::string(folded_name) + " ", country,
                             [](std::string_view) { return true; });
}

std::vector<int> Gazetteer::FindQualified(std::string_view folded_name,
                                          std::string_view country) const {
  return EntriesStartingWith(std::string(folded_name) + " de", country, [&](std::string_view name) {
    std::string_view rest = name.substr(folded_name.size());
    return name.size() > folded_name.size() + 4 &&
           (rest.substr(0, 4) == " de " || rest.substr(0, 5) == " del ");
  });
}

std::vector<GazetteerHit> Gazetteer::Find(std::string_view text, const std::vector<Token>& tokens,
                                          size_t first, size_t last) const {
  last = std::min(last, tokens.size());
  std::vector<GazetteerHit> all;
  auto add = [&](size_t begin, size_t end, int value) {
    const Spelling& s = spellings_[value];
    if (s.acronym) {
      if (text.substr(begin, end - begin) != s.exact) return;
      // Inside a reference code ("MPICDMX/CAF/CT/01/2024") an acronym names no body.
      if (begin > 0 && text[begin - 1] == '/') return;
    } else {
      if (s.single_word && !StartsUpper(text, begin)) return;
      if (s.capitalised && !WordsCapitalised(text, begin, end)) return;
    }
    all.push_back({begin, end, s.entry, s.acronym});
  };
  auto id_of = [&](std::string_view folded, int32_t id) {
    return id != Token::kNotLookedUp ? id : automaton_.WordId(folded);
  };
  bool split = false;  // some token is read as several words (ForEachWord)
  for (size_t i = first; i < last && !split; ++i) {
    split = tokens[i].word && tokens[i].expansion.empty() && tokens[i].hyphenated;
  }
  if (!split) {  // the words are the tokens: read their ids in place
    auto id_at = [&](size_t i) {
      return id_of(tokens[first + i].folded, tokens[first + i].phrase_word);
    };
    for (const WordAutomaton::Match& m : automaton_.FindAll(last - first, id_at)) {
      add(tokens[first + m.first].begin, tokens[first + m.last].end, m.value);
    }
  } else {
    std::vector<Word> words;
    std::vector<int32_t> ids;
    ForEachWord(text, tokens, first, last, [&](Word w, std::string_view folded, int32_t id) {
      words.push_back(w);
      ids.push_back(id_of(folded, id));
    });
    for (const WordAutomaton::Match& m : automaton_.FindAll(ids)) {
      add(words[m.first].begin, words[m.last].end, m.value);
    }
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
