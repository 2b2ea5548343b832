#include "name_patterns.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "acervo/text.h"
#include "acervo/tsv.h"

namespace acervo::institution {
namespace {

constexpr size_t kMaxNameTokens = 30;

std::string Lower(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .toLower()
      .toUTF8String(out);
  return out;
}

bool IsOpeningQuote(std::string_view s) { return s == "\u201C" || s == "\"" || s == "\u00AB"; }
bool IsClosingQuote(std::string_view s) { return s == "\u201D" || s == "\"" || s == "\u00BB"; }

// tokens[k] is a short acronym ("PJ", "UCR") that ends its line, table cell or passage.
bool AcronymClosesLine(const std::vector<Token>& tokens, std::string_view text, size_t k) {
  if (k >= tokens.size() || !tokens[k].word || !tokens[k].all_caps || tokens[k].number)
    return false;
  size_t size = tokens[k].end - tokens[k].begin;
  if (size < 2 || size > 6) return false;
  if (k + 1 == tokens.size() || tokens[k + 1].folded == "\t") return true;
  return text.substr(tokens[k].end, tokens[k + 1].begin - tokens[k].end).find('\n') !=
         std::string_view::npos;
}

}  // namespace

Status NamePatterns::Load(const std::filesystem::path& data_dir) {
  Result<std::vector<TsvRow>> heads = ReadTsv(data_dir / "heads.tsv");
  if (!heads.ok()) return heads.status();
  for (const TsvRow& row : *heads) {
    if (row.fields.size() != 3 ||
        (row.fields[2] != "prefix" && row.fields[2] != "suffix" && row.fields[2] != "both")) {
      return Corrupt((data_dir / "heads.tsv").string() + ":" + std::to_string(row.line) +
                     ": expected word, kind, prefix|suffix|both");
    }
    Head h{Lower(row.fields[0]), row.fields[1], row.fields[2] != "suffix",
           row.fields[2] != "prefix"};
    heads_[Fold(row.fields[0])] = std::move(h);
  }
  Result<std::vector<TsvRow>> plurals = ReadTsv(data_dir / "plural_heads.tsv");
  if (!plurals.ok()) return plurals.status();
  for (const TsvRow& row : *plurals) {
    if (row.fields.size() != 2 || !heads_.count(Fold(row.fields[1]))) {
      return Corrupt((data_dir / "plural_heads.tsv").string() + ":" + std::to_string(row.line) +
                     ": expected plural, singular (a word of heads.tsv)");
    }
    plurals_[Fold(row.fields[0])] = row.fields[1];
  }
  Result<std::vector<TsvRow>> connectors = ReadTsv(data_dir / "connectors.tsv");
  if (!connectors.ok()) return connectors.status();
  for (const TsvRow& row : *connectors) {
    static const std::unordered_map<std::string, Role> kRoles = {{"of", Role::kOf},
                                                                 {"article", Role::kArticle},
                                                                 {"and", Role::kAnd},
                                                                 {"other", Role::kOther},
                                                                 {"inner", Role::kInner}};
    auto role = row.fields.size() == 2 ? kRoles.find(row.fields[1]) : kRoles.end();
    if (role == kRoles.end()) {
      return Corrupt((data_dir / "connectors.tsv").string() + ":" + std::to_string(row.line) +
                     ": expected word, of|article|and|other|inner");
    }
    connectors_[row.fields[0]] = role->second;
  }
  Result<std::vector<TsvRow>> rejected = ReadTsv(data_dir / "not_institutions.tsv");
  if (!rejected.ok()) return rejected.status();
  for (const TsvRow& row : *rejected) {
    if (row.fields.size() != 2 || (row.fields[1] != "exact" && row.fields[1] != "prefix")) {
      return Corrupt((data_dir / "not_institutions.tsv").string() + ":" + std::to_string(row.line) +
                     ": expected phrase, exact|prefix");
    }
    (row.fields[1] == "exact" ? rejected_exact_ : rejected_prefix_).insert(Fold(row.fields[0]));
  }
  return LoadWordLists(data_dir);
}

const NamePatterns::Head* NamePatterns::HeadOf(const Token& token, std::string_view text) const {
  if (!token.word || !token.capital) return nullptr;
  auto it = heads_.find(token.folded);
  if (it == heads_.end()) return nullptr;
  // Accents matter in running text where the head without its accent is a job title:
  // "Secretaria" is a person, "Secretaría" an office (job_titles.tsv). Other heads stand
  // without their accents, as accounting systems and OCR write them ("Direccion de Salud").
  if (!token.all_caps && token.expansion.empty() && job_titles_.count(token.folded) &&
      Lower(text.substr(token.begin, token.end - token.begin)) != it->second.lower) {
    return nullptr;
  }
  return &it->second;
}

bool NamePatterns::IsHead(const Token& token, std::string_view text) const {
  const Head* h = HeadOf(token, text);
  return h != nullptr && h->prefix;
}

bool NamePatterns::IsContent(const Token& t) const {
  return t.word && t.capital && !t.number && !connectors_.count(t.folded);
}

size_t NamePatterns::ListEnd(const std::vector<Token>& tokens, std::string_view text,
                             size_t comma) const {
  // Items are capitalised words, possibly joined by connectors; the list ends with
  // "y"/"e" + item. Anything else (a verb, a second head, other punctuation) is no list.
  size_t k = comma + 1;
  bool closed = false;
  while (k < tokens.size()) {
    if (!IsContent(tokens[k]) || IsHead(tokens[k], text)) return 0;
    size_t last = k++;
    while (k < tokens.size()) {
      if (IsContent(tokens[k])) {
        last = k++;
        continue;
      }
      auto c = connectors_.find(tokens[k].folded);
      if (c != connectors_.end() && c->second != Role::kAnd && k + 1 < tokens.size()) {
        ++k;
        continue;
      }
      break;
    }
    if (closed) return last;
    k = last + 1;
    if (k >= tokens.size()) return 0;
    if (tokens[k].folded == ",") {
      ++k;
      continue;
    }
    auto c = connectors_.find(tokens[k].folded);
    if (c == connectors_.end() || c->second != Role::kAnd) return 0;
    closed = true;
    ++k;
  }
  return 0;
}

// One left-to-right walk whose cases share its state (the last word kept, whether a "de" or
// a purpose was crossed); split up, that state would have to travel between the parts.
size_t NamePatterns::ExtendRight(const std::vector<Token>& tokens, std::string_view text, size_t i,
                                 std::vector<size_t>* nested) const {
  size_t last = i;
  size_t j = i + 1;
  bool has_of = false;
  bool has_purpose =
      false;  // "para", "contra", "sobre" ... seen: "para la Exportación y el Turismo"
  while (j < tokens.size() && j - i < kMaxNameTokens) {
    const Token& t = tokens[j];
    if (IsContent(t)) {
      // "Fundación ... Gates Premio ...": an award, report or event named after the body.
      if (j == last + 1 && enders_.count(t.folded)) break;
      if (StopsBefore(tokens, text, i, last, j)) break;
      // "US$", "RD$": a currency, not a word of the name.
      if (j + 1 < tokens.size() && tokens[j + 1].folded == "$" && tokens[j + 1].begin == t.end)
        break;
      if (t.word && j > last + 1) {
        // Reached through connectors: decide whether it still belongs to this name.
        size_t first = last + 1;
        Role role = RoleOf(tokens[first].folded);
        bool has_article = tokens[first].folded == "del";
        for (size_t k = first; k < j; ++k) {
          has_article |= RoleOf(tokens[k].folded) == Role::kArticle;
        }
        bool head = IsHead(t, text);
        // "Comité de Seguimiento y Coordinación de la Ejecución ...": after "de" + a
        // complement, "y" with no article + a head that also names an activity
        // (activity_heads.tsv) is one more activity of this body, not a second body.
        if (head && role == Role::kAnd && !has_article && has_of &&
            activity_heads_.count(t.folded)) {
          head = false;
        }
        // After a purpose ("Comisión ... para la Exportación y el Turismo") "y el" joins a
        // second object of it; elsewhere it starts a second name.
        if (role == Role::kAnd && has_article && !head && JoinedPlace(tokens, last, j)) {
          last = j++;  // "América Latina y el Caribe": one place, not a second name
          continue;
        }
        if (role == Role::kAnd && (head || (has_article && !has_purpose))) break;
        // "... Noticias Andina y RPP Noticias": an acronym after "y" in mixed-case text
        // starts another body.
        if (role == Role::kAnd && t.all_caps && !tokens[i].all_caps && t.end - t.begin > 1) break;
        if (head && role != Role::kOf) break;
        // "de la Secretaría", "del Gobierno": a parent body, also reported on its own;
        // a bare "de" keeps the head inside this name ("Junta de Gobierno").
        if (head && has_article) nested->push_back(j);
      } else if (j > i + 1 && IsHead(t, text)) {
        break;  // two names side by side: "... de México Embajada de ..."
      }
      last = j++;
      continue;
    }
    if (t.word && connectors_.count(t.folded)) {
      if (j - last > 3) break;  // too many connectors in a row
      // Right after the head only "de", "para", ... may follow: not "el Ayuntamiento a la".
      if (last == i && j == i + 1 && RoleOf(t.folded) != Role::kOf &&
          RoleOf(t.folded) != Role::kOther) {
        break;
      }
      if (RoleOf(t.folded) == Role::kOf) has_of = true;
      if (RoleOf(t.folded) == Role::kOther) has_purpose = true;
      ++j;
      continue;
    }
    if (t.folded == "," && j == last + 1 && has_of) {
      // "Secretaría de Educación, Ciencia, Tecnología e Innovación"; not "Gobierno, Sociedad
      // Civil y Academia", which lists actors.
      size_t end = ListEnd(tokens, text, j);
      if (end == 0) break;
      last = end;
      j = end + 1;
      continue;
    }
    // "Hospital Municipal Dr. Horacio Ruiz": the dot of a personal title right after the
    // head (and its generic adjectives) names the person the body is named after.
    if (t.folded == "." && j == last + 1 && t.begin == tokens[last].end && last > i &&
        (last == i + 1 || Fragment(tokens, i, last - 1)) &&
        personal_titles_.count(tokens[last].folded) && j + 1 < tokens.size() &&
        IsContent(tokens[j + 1]) && !IsHead(tokens[j + 1], text)) {
      last = j++;
      continue;
    }
    if (t.folded == "-" && j == last + 1 && AcronymClosesLine(tokens, text, j + 1)) {
      last = j + 1;  // "Frente para la Victoria - PJ": the party the bloc belongs to
      break;
    }
    if (IsOpeningQuote(t.folded) && j == last + 1 && !has_of) {
      // A proper name in quotes ends the name: Escuela Primaria “Benito Juárez”.
      size_t k = j + 1;
      while (k < tokens.size() && k - j < 8 &&
             (IsContent(tokens[k]) || (tokens[k].word && connectors_.count(tokens[k].folded)))) {
        ++k;
      }
      if (k > j + 1 && k < tokens.size() && IsClosingQuote(tokens[k].folded)) last = k;
    }
    break;
  }
  return last;
}

size_t NamePatterns::PluralList(const std::vector<Token>& tokens, std::string_view text, size_t i,
                                std::vector<PatternName>* out) const {
  auto plural = plurals_.find(tokens[i].folded);
  if (plural == plurals_.end() || i + 2 >= tokens.size() || tokens[i + 1].folded != "de") {
    return i;
  }
  const std::string& singular = plural->second;
  const std::string& kind = heads_.at(Fold(singular)).kind;
  auto is_and = [&](size_t k) {
    auto c = connectors_.find(tokens[k].folded);
    return tokens[k].word && c != connectors_.end() && c->second == Role::kAnd;
  };
  std::vector<std::pair<size_t, size_t>> items;  // first and last token of each member
  bool repeated_de = false;  // ", de Trabajo y Fomento": only "y de" ends a member
  bool closing = false;
  size_t k = i + 2;
  while (k < tokens.size() && IsContent(tokens[k]) && !IsHead(tokens[k], text)) {
    size_t last = k;
    size_t j = k + 1;
    while (j < tokens.size()) {
      const Token& t = tokens[j];
      if (IsContent(t) && !IsHead(t, text)) {
        last = j++;
        continue;
      }
      bool inner_and = repeated_de && is_and(j) && j + 1 < tokens.size() &&
                       tokens[j + 1].folded != "de" && IsContent(tokens[j + 1]);
      auto c = connectors_.find(t.folded);
      bool joins = t.word && c != connectors_.end() && c->second != Role::kAnd;
      if ((inner_and || joins) && j + 1 < tokens.size() && !IsHead(tokens[j + 1], text) &&
          !(joins && c->second == Role::kOf && j + 2 < tokens.size() &&
            IsHead(tokens[j + 2], text))) {
        ++j;
        continue;
      }
      break;
    }
    items.emplace_back(k, last);
    if (closing) break;  // the member after the final "y"
    size_t sep = last + 1;
    if (sep >= tokens.size()) break;
    bool final_item = false;
    if (tokens[sep].folded == ",") {
      ++sep;
    } else if (is_and(sep)) {
      ++sep;
      final_item = true;
    } else {
      break;
    }
    if (sep < tokens.size() && tokens[sep].folded == "de") {
      if (items.size() == 1 && !final_item) repeated_de = true;
      ++sep;
    } else if (repeated_de) {
      break;
    }
    k = sep;
    closing = final_item;
  }
  if (items.size() < 2) return i;
  for (const auto& [first, last] : items) {
    size_t begin = tokens[first].begin, end = tokens[last].end;
    out->push_back({begin, end, kind, false,
                    singular + " de " + std::string(text.substr(begin, end - begin))});
  }
  return items.back().second;
}

bool NamePatterns::CutAtBreak(const std::vector<Token>& tokens, std::string_view text,
                              size_t last) const {
  if (last + 1 >= tokens.size() || tokens[last + 1].folded != "-" ||
      tokens[last + 1].begin != tokens[last].end) {
    return false;
  }
  size_t after = tokens[last + 1].end;
  return last + 2 == tokens.size() || text[after] == '\n' || text[after] == '\r';
}

bool NamePatterns::Rejected(std::string_view text, size_t begin, size_t end) const {
  std::string folded = Fold(text.substr(begin, end - begin));
  if (rejected_exact_.count(folded) || rejected_prefix_.count(folded)) return true;
  for (size_t space = folded.find(' '); space != std::string::npos;
       space = folded.find(' ', space + 1)) {
    if (rejected_prefix_.count(folded.substr(0, space))) return true;
  }
  return false;
}

std::vector<PatternName> NamePatterns::Find(std::string_view text,
                                            const std::vector<Token>& tokens) const {
  std::vector<PatternName> out;
  size_t covered_until = 0;  // token index: names do not start inside an earlier name
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i >= covered_until) {
      size_t after = LegalFormName(tokens, text, i, &out);
      if (after > i) {
        covered_until = after;
        i = after - 1;
        continue;
      }
    }
    if (i >= covered_until && tokens[i].word && plurals_.count(tokens[i].folded)) {
      size_t last = PluralList(tokens, text, i, &out);
      if (last > i) {
        covered_until = last + 1;
        continue;
      }
    }
    const Head* head = HeadOf(tokens[i], text);
    if (head == nullptr) continue;
    if (head->prefix && i >= covered_until) {
      // "Programa de Gobierno", "Jefa de Gobierno": a head after a bare "de" names no body.
      bool after_bare_de = i >= 2 && tokens[i - 1].folded == "de" && tokens[i - 2].word;
      std::vector<size_t> nested;
      size_t last = after_bare_de ? i : ExtendRight(tokens, text, i, &nested);
      if (last > i) {
        size_t begin = tokens[HonorificStart(tokens, text, i)].begin, end = tokens[last].end;
        if (!Rejected(text, begin, end) && !Fragment(tokens, i, last) &&
            !CutAtBreak(tokens, text, last)) {
          out.push_back({begin, end, head->kind, false, Spelled(text, tokens, i, last)});
        }
        for (size_t k : nested) {
          if (k < last && !Rejected(text, tokens[k].begin, end) && !Fragment(tokens, k, last)) {
            out.push_back({tokens[k].begin, end, HeadOf(tokens[k], text)->kind, true,
                           Spelled(text, tokens, k, last)});
          }
        }
        covered_until = last + 1;
        continue;
      }
    }
    if (head->suffix && i > 0 && i >= covered_until) {
      // English names end in their head: walk back over capitalised words and "of", "for",
      // "the", "and" between them.
      size_t first = i;
      for (size_t k = i; k-- > 0;) {
        const Token& t = tokens[k];
        if (t.begin < (out.empty() ? 0 : out.back().end)) break;
        if (IsContent(t) && !IsHead(t, text) && !function_words_.count(t.folded)) {
          first = k;
          continue;
        }
        bool english = t.folded == "of" || t.folded == "for" || t.folded == "the" ||
                       t.folded == "and" || t.folded == "&";
        if (english && k > 0 && IsContent(tokens[k - 1])) continue;
        if (t.folded == "the" && t.capital) first = k;
        break;
      }
      if (first < i) {
        std::vector<size_t> nested;
        size_t last = ExtendRight(tokens, text, i, &nested);
        // Only "of" continues an English name ("University of Hyogo").
        if (last > i && tokens[i + 1].folded != "of") last = i;
        size_t begin = tokens[first].begin, end = tokens[last].end;
        if (!Rejected(text, begin, end)) {
          out.push_back({begin, end, head->kind, false, Spelled(text, tokens, first, last)});
        }
        covered_until = last + 1;
      }
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const PatternName& a, const PatternName& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace acervo::institution
