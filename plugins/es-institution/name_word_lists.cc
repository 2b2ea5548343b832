// The word lists that refine NamePatterns (name_enders.tsv, generic_modifiers.tsv,
// abbreviations.tsv, not_institutions.tsv), the one listing of each word they hold
// (IndexListings), and the small steps that use them; see name_patterns.h.
#include <unicode/unistr.h>

#include <algorithm>
#include <functional>

#include "acervo/text.h"
#include "acervo/tsv.h"
#include "name_patterns.h"

namespace acervo::institution {
namespace {

Status Malformed(const std::filesystem::path& file, int line, const std::string& expected) {
  return Corrupt(file.string() + ":" + std::to_string(line) + ": expected " + expected);
}

std::string Upper(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .toUpper()
      .toUTF8String(out);
  return out;
}

// tokens[j] opens a dotted acronym ("H.C.D.", "S.A.M.O": a lone capital letter, its dot and
// another lone letter, all touching), or starts a line with an initial and its dot (a
// signer's "J. Pérez", a "V.º B.º" label).
bool DottedAcronymAt(const std::vector<Token>& tokens, std::string_view text, size_t j) {
  auto letter = [&](size_t k) {
    return k < tokens.size() && tokens[k].word && tokens[k].all_caps &&
           tokens[k].expansion.empty() && tokens[k].end - tokens[k].begin == 1;
  };
  if (!letter(j) || j + 1 >= tokens.size() || tokens[j + 1].folded != "." ||
      tokens[j + 1].begin != tokens[j].end) {
    return false;
  }
  if (j + 2 < tokens.size() && tokens[j + 2].begin == tokens[j + 1].end && letter(j + 2)) {
    return true;
  }
  return j > 0 && text.substr(tokens[j - 1].end, tokens[j].begin - tokens[j - 1].end).find('\n') !=
                      std::string_view::npos;
}

}  // namespace

Status NamePatterns::LoadWordLists(const std::filesystem::path& data_dir) {
  // Each data row, as `columns` non-empty-first fields, to `add`.
  auto read = [&](const char* name, size_t columns, const std::string& expected,
                  const std::function<void(const std::vector<std::string>&)>& add) {
    const std::filesystem::path file = data_dir / name;
    Result<std::vector<TsvRow>> rows = ReadTsv(file);
    if (!rows.ok()) return rows.status();
    for (const TsvRow& row : *rows) {
      if (row.fields.size() != columns || row.fields[0].empty() || row.fields.back().empty()) {
        return Malformed(file, row.line, expected);
      }
      add(row.fields);
    }
    return Status::Ok();
  };
  ACERVO_RETURN_IF_ERROR(
      read("name_enders.tsv", 1, "one word", [&](const auto& f) { enders_.insert(Fold(f[0])); }));
  ACERVO_RETURN_IF_ERROR(read("job_titles.tsv", 1, "one word",
                              [&](const auto& f) { job_titles_.insert(Fold(f[0])); }));
  ACERVO_RETURN_IF_ERROR(read("secretariats.tsv", 1, "one phrase", [&](const auto& f) {
    std::string slug;
    for (const std::string& word : FoldedTokens(f[0])) slug += word + "-";
    secretariats_.push_back(slug + "de");
  }));
  auto place = [](const std::string& name) {
    std::string folded;
    for (const std::string& word : FoldedTokens(name)) folded += (folded.empty() ? "" : " ") + word;
    return folded;
  };
  ACERVO_RETURN_IF_ERROR(read("countries.tsv", 1, "one country",
                              [&](const auto& f) { countries_.insert(place(f[0])); }));
  ACERVO_RETURN_IF_ERROR(
      read("regions.tsv", 1, "one region", [&](const auto& f) { regions_.insert(place(f[0])); }));
  ACERVO_RETURN_IF_ERROR(read("function_words.tsv", 1, "one word",
                              [&](const auto& f) { function_words_.insert(Fold(f[0])); }));
  ACERVO_RETURN_IF_ERROR(read("joined_places.tsv", 1, "one place", [&](const auto& f) {
    // Kept as the one or two words before "y" through the word after the article, the
    // words JoinedPlace compares.
    std::vector<std::string> t = FoldedTokens(f[0]);
    for (size_t y = 1; y + 2 < t.size(); ++y) {
      if (t[y] != "y" && t[y] != "e") continue;
      for (size_t from : {y - 1, y >= 2 ? y - 2 : y - 1}) {
        std::string joined;
        for (size_t k = from; k <= y + 2; ++k) joined += (k == from ? "" : " ") + t[k];
        joined_places_.insert(joined);
      }
    }
  }));
  ACERVO_RETURN_IF_ERROR(
      read("honorifics.tsv", 2, "honorific, heads separated by | (or -)", [&](const auto& f) {
        WordSet& heads = honorifics_[Fold(f[0])];
        for (const std::string& head : SplitField(f[1], '|')) {
          if (!head.empty() && head != "-") heads.insert(Fold(head));
        }
      }));
  ACERVO_RETURN_IF_ERROR(
      read("legal_forms.tsv", 1, "one form", [&](const auto& f) { legal_forms_.push_back(f[0]); }));
  for (const std::string& f : legal_forms_) {
    const unsigned first = static_cast<unsigned char>(f[0]) << 8;
    if (f.size() == 1) {
      for (unsigned second = 0; second < 256; ++second) legal_starts_[first | second] = true;
    } else {
      legal_starts_[first | static_cast<unsigned char>(f[1])] = true;
    }
  }
  std::sort(legal_forms_.begin(), legal_forms_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  ACERVO_RETURN_IF_ERROR(read("clause_words.tsv", 1, "one word",
                              [&](const auto& f) { clause_words_.insert(Fold(f[0])); }));
  ACERVO_RETURN_IF_ERROR(read("activity_heads.tsv", 1, "one word",
                              [&](const auto& f) { activity_heads_.insert(Fold(f[0])); }));
  ACERVO_RETURN_IF_ERROR(read("personal_titles.tsv", 1, "one title",
                              [&](const auto& f) { personal_titles_.insert(Fold(f[0])); }));
  ACERVO_RETURN_IF_ERROR(read("head_synonyms.tsv", 2, "head, the head it means",
                              [&](const auto& f) { head_synonyms_[Fold(f[0])] = Fold(f[1]); }));
  ACERVO_RETURN_IF_ERROR(read("lower_case_heads.tsv", 2, "head, any|place", [&](const auto& f) {
    lower_case_heads_[Fold(f[0])] = f[1] == "place";
  }));
  for (const auto& [head, place] : lower_case_heads_) {
    if (!heads_.count(head)) {
      return Malformed(data_dir / "lower_case_heads.tsv", 0, "a head of heads.tsv: " + head);
    }
  }
  ACERVO_RETURN_IF_ERROR(
      read("abbreviations.tsv", 2, "abbreviation (no dot), word", [&](const auto& f) {
        abbreviations_[Fold(f[0])] = {f[1], Fold(f[1])};
      }));
  return read("generic_modifiers.tsv", 2, "word, heads separated by | (or -)", [&](const auto& f) {
    WordSet& heads = modifiers_[Fold(f[0])];
    for (const std::string& head : SplitField(f[1], '|')) {
      if (!head.empty() && head != "-") heads.insert(Fold(head));
    }
  });
}

void NamePatterns::IndexListings() {
  listed_ = WordIndex();
  listings_.clear();
  auto listing = [&](std::string_view word) -> Listing& {
    return ValueFor(&listed_, &listings_, word);
  };
  for (const auto& [word, head] : heads_) listing(word).head = &head;
  for (const auto& [word, role] : connectors_) {
    Listing& l = listing(word);
    l.connector = true;
    l.role = role;
  }
  for (const auto& [word, singular] : plurals_) listing(word).plural = true;
  for (const auto& [word, place] : lower_case_heads_) listing(word).lower_case_head = true;
  for (const std::string& word : job_titles_) listing(word).job_title = true;
  for (const std::string& word : enders_) listing(word).ender = true;
  for (const std::string& word : clause_words_) listing(word).clause_word = true;
  for (Listing& l : listings_) l.starts_name = l.head != nullptr || l.plural || l.lower_case_head;
}

bool NamePatterns::Rejected(std::string_view text, size_t begin, size_t end) const {
  std::string folded = Fold(text.substr(begin, end - begin));
  if (rejected_exact_.Find(folded) >= 0 || rejected_prefix_.Find(folded) >= 0) return true;
  // Only the words up to a space within the longest prefix phrase can be one.
  for (size_t space = folded.find(' ');
       space != std::string::npos && space <= rejected_prefix_longest_;
       space = folded.find(' ', space + 1)) {
    if (rejected_prefix_.Find(std::string_view(folded).substr(0, space)) >= 0) return true;
  }
  return false;
}

bool NamePatterns::StopsBefore(const std::vector<Token>& tokens, std::string_view text, size_t i,
                               size_t last, size_t j) const {
  // "... DE CRÉDITO Y SE DICTAN OTRAS DISPOSICIONES": a word that never stands inside a name
  // ends it, in all-caps text too (clause_words.tsv).
  if (ListingOf(tokens[j]).clause_word) return true;
  // "Departamento Ejecutivo" above "H.C.D.": a dotted acronym is another body.
  if (DottedAcronymAt(tokens, text, j)) return true;
  return j == last + 1 && EndsAtLineBreak(tokens, text, i, last);
}

bool NamePatterns::EndsAtLineBreak(const std::vector<Token>& tokens, std::string_view text,
                                   size_t i, size_t last) const {
  if (last + 1 >= tokens.size()) return false;
  const Token& next = tokens[last + 1];
  if (text.substr(tokens[last].end, next.begin - tokens[last].end).find('\n') ==
      std::string_view::npos) {
    return false;
  }
  if (last > i && Fragment(tokens, i, last)) return true;
  bool dotted = last + 2 < tokens.size() && tokens[last + 2].folded == "." &&
                tokens[last + 2].begin == next.end;
  return job_titles_.count(next.folded) > 0 || (dotted && personal_titles_.count(next.folded));
}

std::string_view NamePatterns::WithoutLegalForm(std::string_view name) const {
  for (const std::string& f : legal_forms_) {  // longest first
    if (name.size() > f.size() + 1 && name.substr(name.size() - f.size()) == f &&
        name[name.size() - f.size() - 1] == ' ') {
      name.remove_suffix(f.size() + 1);
      while (!name.empty() && (name.back() == ' ' || name.back() == ',')) name.remove_suffix(1);
      return name;
    }
  }
  return name;
}

size_t NamePatterns::LegalFormName(const std::vector<Token>& tokens, std::string_view text,
                                   size_t i, std::vector<PatternName>* out) const {
  if (!MayStartLegalForm(text, tokens[i].begin)) return i;
  if (i == 0 || !IsContent(tokens[i - 1])) return i;
  std::string_view rest = text.substr(tokens[i].begin);
  const std::string* form = nullptr;
  for (const std::string& f : legal_forms_) {
    if (rest.substr(0, f.size()) != f) continue;
    size_t after = f.size();
    if (after < rest.size() && IsWordCodePoint(NextCodePoint(rest, &after))) continue;
    form = &f;
    break;
  }
  if (form == nullptr) return i;
  size_t end = tokens[i].begin + form->size(), last = i;
  while (last + 1 < tokens.size() && tokens[last + 1].begin < end) ++last;
  // The last name already reaches the form: "Fundación Luz A.C."
  if (!out->empty() && out->back().end == tokens[i - 1].end) {
    out->back().end = end;
    return last + 1;
  }
  // Back over capitalised words, and over connectors ("para la", "del") between two of them,
  // up to a job title ("Director General de ...").
  size_t first = i - 1, floor = out->empty() ? 0 : out->back().end;
  size_t after_connector = first;  // the word after the last connectors crossed
  for (size_t k = first; k-- > 0 && tokens[k].begin >= floor;) {
    if (IsContent(tokens[k]) && job_titles_.count(tokens[k].folded)) {
      first = after_connector;  // "Director General de" is not part of the name
      break;
    }
    if (IsContent(tokens[k])) {
      first = k;
      continue;
    }
    size_t c = k;
    while (c > 0 && tokens[c].word && IsConnector(tokens[c].folded)) --c;
    if (c == k || !IsContent(tokens[c]) || tokens[c].begin < floor) break;
    after_connector = k + 1;
    k = c + 1;  // the loop steps onto tokens[c]
  }
  out->push_back({tokens[first].begin, end, "ngo", false, Spelled(text, tokens, first, i - 1)});
  return last + 1;
}

void NamePatterns::ExpandAbbreviations(std::vector<Token>* tokens) const {
  std::vector<Token>& t = *tokens;
  size_t kept = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].word && t[i].capital && !t[i].number && i + 1 < t.size() && t[i + 1].folded == "." &&
        t[i + 1].begin == t[i].end) {
      auto it = abbreviations_.find(t[i].folded);
      if (it != abbreviations_.end()) {
        t[i].expansion = it->second.written;
        t[i].folded = it->second.folded;
        t[i].end = t[i + 1].end;
        t[i].listed = listed_.Find(t[i].folded);
        t[i].phrase_word = Token::kNotLookedUp;
        if (kept != i) t[kept] = std::move(t[i]);
        ++kept;
        ++i;  // the dot is part of the abbreviation
        continue;
      }
    }
    if (t[i].word && t[i].listed == Token::kNotLookedUp) t[i].listed = listed_.Find(t[i].folded);
    if (kept != i) t[kept] = std::move(t[i]);
    ++kept;
  }
  t.resize(kept);
}

std::string_view NamePatterns::SecretariatOf(std::string_view slug) const {
  for (const std::string& s : secretariats_) {
    if (slug.size() <= s.size() + 1 || slug.compare(0, s.size(), s) != 0) continue;
    size_t rest = s.size() + 1;  // after "-": "secretaria-tecnica-de-..."
    if (slug[s.size()] == 'l' && slug[s.size() + 1] == '-')
      ++rest;  // "...-del-..."
    else if (slug[s.size()] != '-')
      continue;
    if (rest < slug.size()) return slug.substr(rest);
  }
  return {};
}

size_t NamePatterns::HonorificStart(const std::vector<Token>& tokens, std::string_view text,
                                    size_t i) const {
  size_t first = i;
  while (first > 0) {
    // "H." is one token when abbreviations.tsv knows it, two ("H", ".") otherwise.
    size_t k = first - 1;
    std::string key(tokens[k].folded);
    if (key == "." && k > 0 && tokens[k - 1].word && tokens[k - 1].end == tokens[k].begin) {
      key = std::string(tokens[--k].folded) + ".";
    } else if (!tokens[k].expansion.empty()) {
      key = Fold(text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin));
    }
    auto it = honorifics_.find(key);
    if (it == honorifics_.end() || !tokens[k].capital) break;
    if (!it->second.empty() && !it->second.count(tokens[first].folded)) break;
    first = k;
  }
  return first;
}

bool NamePatterns::JoinedPlace(const std::vector<Token>& tokens, size_t last, size_t j) const {
  if (joined_places_.empty() || last == 0) return false;
  // The place may start one word before the "y": "latina y el caribe", "asia y el pacifico".
  for (size_t from : {last - 1, last}) {
    std::string phrase;
    for (size_t k = from; k <= j; ++k) {
      if (k != from) phrase += ' ';
      phrase += tokens[k].folded;
    }
    if (joined_places_.count(phrase)) return true;
  }
  return false;
}

bool NamePatterns::Fragment(const std::vector<Token>& tokens, size_t i, size_t last) const {
  for (size_t k = i + 1; k <= last; ++k) {
    auto it = modifiers_.find(tokens[k].folded);
    if (it == modifiers_.end()) return false;
    if (last == i + 1 && it->second.count(tokens[i].folded)) return false;
  }
  return last > i;
}

std::string NamePatterns::Spelled(std::string_view text, const std::vector<Token>& tokens,
                                  size_t first, size_t last) const {
  bool abbreviated = false;
  for (size_t k = first; k <= last; ++k) abbreviated |= !tokens[k].expansion.empty();
  if (!abbreviated) return "";
  // Written out in the case of the text around it: "DIR. GRAL." -> "DIRECCIÓN GENERAL".
  std::string out;
  size_t at = tokens[first].begin;
  for (size_t k = first; k <= last; ++k) {
    if (tokens[k].expansion.empty()) continue;
    out.append(text.substr(at, tokens[k].begin - at));
    std::string word(tokens[k].expansion);
    if (tokens[k].all_caps) word = Upper(word);
    out.append(word);
    at = tokens[k].end;
  }
  out.append(text.substr(at, tokens[last].end - at));
  return out;
}

}  // namespace acervo::institution
