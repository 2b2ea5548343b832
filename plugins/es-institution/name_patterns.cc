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

bool SameLine(std::string_view text, size_t from, size_t to) {
  return text.substr(from, to - from).find('\n') == std::string_view::npos;
}

}  // namespace

bool NamePatterns::TableAbbreviation(const std::vector<Token>& tokens, std::string_view text,
                                     size_t i, size_t last) const {
  const Token& word = tokens[last];
  size_t size = word.end - word.begin;
  if (last == i || !word.word || !word.all_caps || word.number || !tokens[i].all_caps || size < 2 ||
      size > 8 || last + 1 >= tokens.size() || tokens[last + 1].begin != word.end) {
    return false;
  }
  size_t line = text.rfind('\n', word.begin);
  line = line == std::string_view::npos ? 0 : line + 1;
  size_t line_end = std::min(text.find('\n', word.end), text.size());
  std::string_view row = text.substr(line, line_end - line);
  if (row.find('|') == std::string_view::npos && row.find('\t') == std::string_view::npos) {
    return false;
  }
  if (last + 2 >= tokens.size()) return true;
  const Token& next = tokens[last + 2];
  return !SameLine(text, word.end, next.begin) || next.folded == "|" || next.folded == "\t" ||
         (next.word && next.all_caps && !next.number);
}

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
    std::string phrase = Fold(row.fields[0]);
    if (row.fields[1] == "prefix") {
      rejected_prefix_longest_ = std::max(rejected_prefix_longest_, phrase.size());
    }
    (row.fields[1] == "exact" ? rejected_exact_ : rejected_prefix_).Add(phrase);
  }
  ACERVO_RETURN_IF_ERROR(LoadWordLists(data_dir));
  IndexListings();
  return Status::Ok();
}

const NamePatterns::Head* NamePatterns::HeadOf(const Token& token, std::string_view text) const {
  if (!token.word || !token.capital) return nullptr;
  const Listing& listing = ListingOf(token);
  if (listing.head == nullptr) return nullptr;
  // Accents matter in running text where the head without its accent is a job title:
  // "Secretaria" is a person, "Secretaría" an office (job_titles.tsv). Other heads stand
  // without their accents, as accounting systems and OCR write them ("Direccion de Salud").
  if (!token.all_caps && token.expansion.empty() && listing.job_title &&
      Lower(text.substr(token.begin, token.end - token.begin)) != listing.head->lower) {
    return nullptr;
  }
  return listing.head;
}

bool NamePatterns::IsHead(const Token& token, std::string_view text) const {
  const Head* h = HeadOf(token, text);
  return h != nullptr && h->prefix;
}

bool NamePatterns::IsContent(const Token& t) const {
  return t.word && t.capital && !t.number && !ListingOf(t).connector;
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
      if (j == last + 1 && ListingOf(t).ender) break;
      if (StopsBefore(tokens, text, i, last, j)) break;
      // "US$", "RD$": a currency, not a word of the name.
      if (j + 1 < tokens.size() && tokens[j + 1].folded == "$" && tokens[j + 1].begin == t.end)
        break;
      if (t.word && j > last + 1) {
        // Reached through connectors: decide whether it still belongs to this name.
        size_t first = last + 1;
        Role role = RoleOf(tokens[first]);
        bool has_article = tokens[first].folded == "del";
        for (size_t k = first; k < j; ++k) {
          has_article |= RoleOf(tokens[k]) == Role::kArticle;
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
    if (IsConnectorWord(t)) {
      if (j - last > 3) break;  // too many connectors in a row
      // Right after the head only "de", "para", ... may follow: not "el Ayuntamiento a la".
      Role t_role = RoleOf(t);
      if (last == i && j == i + 1 && t_role != Role::kOf && t_role != Role::kOther) break;
      if (t_role == Role::kOf) has_of = true;
      if (t_role == Role::kOther) has_purpose = true;
      ++j;
      continue;
    }
    if (t.folded == "," && j == last + 1 && (has_of || has_purpose)) {
      // "Secretaría de Educación, Ciencia, Tecnología e Innovación", "Secretaría contra la
      // Violencia Sexual, Explotación y Trata de Personas"; not "Gobierno, Sociedad Civil y
      // Academia", which lists actors.
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
    // "COORD. DE PROT. CIVIL MPAL." in a table cell: a word the table abbreviates (one
    // abbreviations.tsv does not know) goes on; the document's own usage settles it.
    if (t.folded == "." && j == last + 1 && TableAbbreviation(tokens, text, i, last)) {
      if (j + 1 == tokens.size() || !SameLine(text, t.end, tokens[j + 1].begin) ||
          tokens[j + 1].folded == "|" || tokens[j + 1].folded == "\t") {
        // The cell ends: the dot is an abbreviation's ("MPALES.") when the word is short or
        // the name abbreviates another word, else a full stop ("GOBIERNO ABIERTO.").
        bool abbreviated = tokens[last].end - tokens[last].begin <= 4;
        for (size_t k = i; k < last; ++k) {
          abbreviated |= !tokens[k].expansion.empty() || tokens[k].folded == ".";
        }
        if (abbreviated) last = j;
        break;
      }
      last = j++;
      continue;
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

// Names written in English (or another language that puts the head last) end in a suffix
// head; walk back over the capitalised words before it and "of", "for", "the", "and"
// between them. After the head only an English connector goes on ("University of Hyogo",
// "Council on Foreign Relations", "Centre for International Affairs"), and a suffix head
// right after it closes it ("Yale University Press").
size_t NamePatterns::EnglishName(const std::vector<Token>& tokens, std::string_view text, size_t i,
                                 size_t after, std::vector<PatternName>* out) const {
  auto english = [](std::string_view f) {
    return f == "of" || f == "for" || f == "on" || f == "the" || f == "and" || f == "&";
  };
  size_t first = i;
  for (size_t k = i; k-- > 0;) {
    const Token& t = tokens[k];
    if (t.begin < after) break;
    if (IsContent(t) && !IsHead(t, text) && !function_words_.count(t.folded) &&
        !enders_.count(t.folded)) {
      first = k;
      continue;
    }
    if (english(t.folded) && k > 0 && IsContent(tokens[k - 1])) continue;
    if (t.folded == "the" && t.capital) first = k;
    break;
  }
  size_t last = i;
  if (i + 1 < tokens.size() && english(tokens[i + 1].folded) && tokens[i + 1].folded != "the") {
    std::vector<size_t> nested;
    last = ExtendRight(tokens, text, i, &nested);
    // Spanish text goes on after the name: "... for International Peace y el Council ...".
    for (size_t k = i + 1; k <= last; ++k) {
      if (tokens[k].word && connectors_.count(tokens[k].folded) && !english(tokens[k].folded)) {
        last = k - 1;
        while (last > i && connectors_.count(tokens[last].folded)) --last;
        break;
      }
    }
  }
  while (last + 1 < tokens.size() && tokens[last + 1].begin == tokens[last].end + 1 &&
         IsContent(tokens[last + 1])) {
    const Head* next = HeadOf(tokens[last + 1], text);
    if (next == nullptr || next->prefix) break;
    ++last;  // "Yale University Press", "Cambridge University Press"
  }
  if (first == i && last == i) return 0;
  size_t begin = tokens[first].begin, end = tokens[last].end;
  if (!Rejected(text, begin, end)) {
    out->push_back(
        {begin, end, HeadOf(tokens[i], text)->kind, false, Spelled(text, tokens, first, last)});
  }
  return last;
}

std::vector<PatternName> NamePatterns::Find(std::string_view text,
                                            const std::vector<Token>& tokens) const {
  std::vector<PatternName> out;
  size_t covered_until = 0;  // token index: names do not start inside an earlier name
  for (size_t i = 0; i < tokens.size(); ++i) {
    // Most tokens start nothing: a word no head list has (a connector, a word in no list), a
    // punctuation mark other than ':', that cannot start a legal form either.
    const Token& t = tokens[i];
    bool inert = t.word ? !ListingOf(t).starts_name : t.folded != ":";
    if (inert && !MayStartLegalForm(text, t.begin)) continue;
    if (i >= covered_until) {
      size_t after = LegalFormName(tokens, text, i, &out);
      if (after > i) {
        covered_until = after;
        i = after - 1;
        continue;
      }
    }
    if (i >= covered_until && tokens[i].folded == ":") {
      size_t last = PublisherName(tokens, text, i, &out);
      if (last > i) {
        covered_until = last + 1;
        i = last;
        continue;
      }
    }
    if (i >= covered_until && tokens[i].word && ListingOf(tokens[i]).plural) {
      size_t last = PluralList(tokens, text, i, &out);
      if (last > i) {
        covered_until = last + 1;
        continue;
      }
    }
    const Head* head = HeadOf(tokens[i], text);
    if (head == nullptr && !t.capital && t.word && ListingOf(t).lower_case_head) {
      head = LowerCaseHead(tokens, text, i);
    }
    if (head == nullptr) continue;
    if (head->prefix && i >= covered_until) {
      // "Programa de Gobierno", "Jefa de Gobierno": a head after a bare "de" names no body.
      // "certificado como Academia de Entrenamiento ...", "acreditado como Centro de ...": a
      // head right after "como" names a category the subject belongs to.
      bool after_bare_de = (i >= 2 && tokens[i - 1].folded == "de" && tokens[i - 2].word) ||
                           (i >= 1 && tokens[i - 1].folded == "como");
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
    if (head->suffix && i >= covered_until) {
      size_t last = EnglishName(tokens, text, i, out.empty() ? 0 : out.back().end, &out);
      if (last > 0) covered_until = last + 1;
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const PatternName& a, const PatternName& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace acervo::institution
