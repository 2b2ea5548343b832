#include "records/clauses.h"

#include <re2/re2.h>

#include <algorithm>

#include "acervo/text.h"
#include "records/folded_slices.h"

namespace acervo {
namespace {

bool IsUpperStart(std::string_view text, size_t at) {
  if (at >= text.size()) return false;
  unsigned char c = static_cast<unsigned char>(text[at]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= '0' && c <= '9') return true;
  // Opening quotes and marks, and the capitals with accents (UTF-8 C3 80..9F).
  if (c == '"' || c == '(' || text.substr(at, 2) == "¿" || text.substr(at, 3) == "“" ||
      text.substr(at, 2) == "«") {
    return true;
  }
  return c == 0xC3 && at + 1 < text.size() && static_cast<unsigned char>(text[at + 1]) >= 0x80 &&
         static_cast<unsigned char>(text[at + 1]) <= 0x9F;
}

// The word before text[dot] is an abbreviation: a short capitalised word ("Dr", "Sr",
// "N", "No", "Lic") or one letter, so the period ends no sentence.
bool EndsAbbreviation(std::string_view text, size_t dot) {
  size_t start = dot;
  while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n' && text[start - 1] != '(') {
    --start;
  }
  std::string_view word = text.substr(start, dot - start);
  if (word.empty()) return false;
  bool upper_first = word[0] >= 'A' && word[0] <= 'Z';
  bool all_upper = std::all_of(word.begin(), word.end(),
                               [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; });
  if (word.size() == 1) return true;
  return upper_first && word.size() <= 3 && !all_upper;
}

bool IsBoundaryAfter(std::string_view folded, size_t at) {
  if (at >= folded.size()) return true;
  size_t pos = at;
  return !IsWordCodePoint(NextCodePoint(folded, &pos));
}

// Words that join two clauses of one sentence, each reporting its own activity.
constexpr std::string_view kConnectors[] = {" y ",     " e ",     " mientras que ",
                                            " donde ", " luego ", " después "};

// The kind of the activity verbs that are an act's operative words ("autorízase"): see
// VerbClauses.
constexpr std::string_view kDisposition = "disposicion";
// The kind of the verbs of giving ("entregó"): an activity when an activity noun follows
// ("entregó el premio") or the clause states a sum (goods valued in money: a donation).
constexpr std::string_view kDelivery = "entrega";

struct VerbHit {
  size_t begin, end;  // byte span in the original paragraph
  const std::string* kind;
};

// Whether byte `at` of `word` starts an accented vowel (á é í ó ú, either case).
bool AccentedVowelAt(std::string_view word, size_t at) {
  if (at + 1 >= word.size() || static_cast<unsigned char>(word[at]) != 0xC3) return false;
  unsigned char c = static_cast<unsigned char>(word[at + 1]) | 0x20;  // lower case
  return c == 0xA1 || c == 0xA9 || c == 0xAD || c == 0xB3 || c == 0xBA;
}

// Folding drops accents, so "publicó" also finds "crédito público". A reporting verb in
// the preterite is stressed on its last vowel ("publicó", "se reunió") or written without
// an accent ("sostuvo", "firmaron"); an accent on an earlier vowel marks another word
// ("público"), unless an enclitic follows ("Autorízase", "Apruébese"). Text written
// without accents passes.
bool AccentsFitVerb(std::string_view span) {
  size_t word_start = 0;
  for (size_t i = 0; i <= span.size(); ++i) {
    if (i < span.size() && span[i] != ' ') continue;
    std::string_view word = span.substr(word_start, i - word_start);
    word_start = i + 1;
    size_t accent = std::string_view::npos, last_vowel = std::string_view::npos;
    for (size_t k = 0; k < word.size(); ++k) {
      char c = static_cast<char>(word[k] | 0x20);
      if (AccentedVowelAt(word, k)) {
        accent = last_vowel = k;
      } else if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') {
        last_vowel = k;
      }
    }
    bool enclitic = word.size() > 2 &&
                    (word.substr(word.size() - 2) == "se" || word.substr(word.size() - 2) == "SE");
    if (accent != std::string_view::npos && accent != last_vowel && !enclitic) return false;
  }
  return true;
}

std::vector<VerbHit> VerbHits(const FoldedText& folded, const Lexicon& verbs) {
  std::string_view paragraph = folded.original();
  std::vector<VerbHit> out;
  for (const LexiconHit& h : verbs.FindAll(folded.text())) {
    if (!IsBoundaryAfter(folded.text(), h.end)) continue;
    size_t begin = folded.ToOriginal(h.begin), end = folded.ToOriginal(h.end);
    if (!AccentsFitVerb(paragraph.substr(begin, end - begin))) continue;
    if (!out.empty() && begin < out.back().end) {
      // Overlapping phrases ("recibió" and "recibió el premio"): keep the longer.
      if (end - begin > out.back().end - out.back().begin) out.back() = {begin, end, h.label};
      continue;
    }
    out.push_back({begin, end, h.label});
  }
  return out;
}

// A phrase of `cues` labelled `label` in `folded`.
bool HasCue(const Lexicon& cues, std::string_view folded, std::string_view label) {
  std::vector<LexiconHit> hits = cues.FindAll(folded);
  return std::any_of(hits.begin(), hits.end(),
                     [&](const LexiconHit& h) { return *h.label == label; });
}

// The folded rest of the clause after a verb (to its ';' or the sentence's end).
std::string_view ClauseRest(const FoldedSlices& slices, size_t at, std::string* scratch) {
  std::string_view paragraph = slices.folded().original();
  size_t stop = std::min(paragraph.size(), at + 200);
  for (size_t k = at; k < stop; ++k) {
    if (paragraph[k] == ';' || (paragraph[k] == '.' && k + 1 < stop && paragraph[k + 1] == ' ')) {
      stop = k;
      break;
    }
  }
  return slices.Slice(at, stop, scratch);
}

// The kind the verb's object names, from `rest` (ClauseRest): the first activity noun among
// its first words, before a "de" that attaches another noun ("se realizó la Primera Sesión",
// "aprobó, mediante el Acuerdo N.° 4, la adhesión"; not "se llevó a cabo la elaboración de
// la minuta de la sesión"). Articles, prepositions and numerals are skipped.
// `max_words`: how many content words may come before the noun (1: it opens the text).
const std::string* ObjectKind(std::string_view rest, const Lexicon& kinds, int max_words = 8) {
  static const char* const kSkip[] = {
      "el",         "la",        "los",     "las",       "lo",        "un",      "una",
      "unos",       "unas",      "al",      "a",         "en",        "su",      "sus",
      "este",       "esta",      "con",     "dos",       "tres",      "cuatro",  "cinco",
      "primer",     "primera",   "segundo", "segunda",   "tercer",    "tercera", "i",
      "ii",         "iii",       "iv",      "v",         "nuevo",     "nueva",   "enero",
      "febrero",    "marzo",     "abril",   "mayo",      "junio",     "julio",   "agosto",
      "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "dias",    "entre",
      "durante"};
  int content = 0;
  for (size_t pos = 0; pos < rest.size() && content < max_words;) {
    while (pos < rest.size() && !std::isalnum(static_cast<unsigned char>(rest[pos]))) ++pos;
    size_t end = pos;
    while (end < rest.size() && std::isalnum(static_cast<unsigned char>(rest[end]))) ++end;
    std::string_view word = rest.substr(pos, end - pos);
    if (word.empty()) break;
    bool number =
        std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (word == "de" || word == "del") {
      if (content > 0) return nullptr;  // "la elaboración de …"
    } else if (!number && std::find(std::begin(kSkip), std::end(kSkip), word) == std::end(kSkip)) {
      if (const std::string* kind = kinds.Prefix(rest.substr(pos))) return kind;
      ++content;
    }
    pos = end;
  }
  return nullptr;
}

// Each clause runs to the next one, without the connector and spaces between them.
void EndAtNext(std::string_view paragraph, std::vector<ActivityClause>* clauses) {
  std::vector<ActivityClause>& out = *clauses;
  for (size_t k = 0; k + 1 < out.size(); ++k) {
    size_t end = out[k + 1].begin;
    std::string_view text = paragraph.substr(0, end);
    for (bool trimmed = true; trimmed;) {
      trimmed = false;
      while (!text.empty() && (text.back() == ' ' || text.back() == ';' || text.back() == ',' ||
                               text.back() == '\n')) {
        text.remove_suffix(1), trimmed = true;
      }
      for (std::string_view c : {std::string_view(" y"), std::string_view(" e")}) {
        if (text.size() > c.size() && text.substr(text.size() - c.size()) == c) {
          text.remove_suffix(c.size()), trimmed = true;
        }
      }
    }
    out[k].end = std::max(out[k].begin, text.size());
  }
  while (!out.empty() && out.back().end > out.back().begin &&
         (paragraph[out.back().end - 1] == ' ' || paragraph[out.back().end - 1] == '\n')) {
    --out.back().end;
  }
}

}  // namespace

std::vector<size_t> SentenceStarts(std::string_view text) {
  std::vector<size_t> starts = {0};
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    char c = text[i];
    // '!', '.' and '?' sort before every letter: one test passes over most bytes.
    if (static_cast<unsigned char>(c) > '?' || (c != '.' && c != '?' && c != '!')) continue;
    size_t next = i + 1;
    if (next < text.size() && (text[next] == '"' || text[next] == ')')) ++next;
    if (next >= text.size() || (text[next] != ' ' && text[next] != '\n')) continue;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\n')) ++next;
    if (!IsUpperStart(text, next)) continue;
    if (c == '.' && EndsAbbreviation(text, i)) continue;
    starts.push_back(next);
  }
  return starts;
}

namespace {

// The clauses of `paragraph` that a reporting verb opens (see clauses.h).
// Over 80 lines: one pass over the verbs carries the state of the previous clause
// (sentence, end, kept) that each decision reads; split, it would travel in a struct.
std::vector<ActivityClause> VerbClauses(const FoldedSlices& slices,
                                        const std::vector<size_t>& sentences,
                                        const std::vector<size_t>& dates,
                                        const std::vector<size_t>& amounts,
                                        const ClauseLexicons& lexicons) {
  std::vector<ActivityClause> out;
  if (lexicons.activity_verbs.empty()) return out;
  std::string_view paragraph = slices.folded().original();
  std::string lead_scratch, rest_scratch;
  auto sentence_of = [&](size_t at) {
    return *(std::upper_bound(sentences.begin(), sentences.end(), at) - 1);
  };
  size_t previous_end = 0;              // end of the previous verb hit
  size_t previous_sentence = SIZE_MAX;  // the sentence it is in
  bool previous_kept = false;           // whether its clause was kept
  for (const VerbHit& verb : VerbHits(slices.folded(), lexicons.activity_verbs)) {
    size_t sentence = sentence_of(verb.begin);
    bool same_sentence = sentence == previous_sentence;
    previous_sentence = sentence;
    size_t start = sentence;
    bool joined = false;  // by a connector, not by ";" or a new sentence
    if (same_sentence) {
      std::string_view between = paragraph.substr(previous_end, verb.begin - previous_end);
      size_t semicolon = between.rfind(';');
      size_t connector = std::string_view::npos, connector_end = 0;
      for (std::string_view c : kConnectors) {
        size_t at = between.rfind(c);
        if (at != std::string_view::npos &&
            (connector == std::string_view::npos || at > connector)) {
          connector = at, connector_end = at + c.size();
        }
      }
      if (semicolon != std::string_view::npos &&
          (connector == std::string_view::npos || semicolon > connector)) {
        start = previous_end + semicolon + 1;
      } else if (connector != std::string_view::npos) {
        start = previous_end + connector_end;
        joined = true;
      } else {
        previous_end = verb.end;  // a second verb of the same clause
        continue;
      }
      while (start < verb.begin && paragraph[start] == ' ') ++start;
    }
    previous_end = verb.end;
    // A plan or an intention opens the clause: nothing was done.
    std::string_view lead = slices.Slice(start, verb.begin, &lead_scratch);
    if (HasCue(lexicons.plan_cues, lead, "")) {
      previous_kept = false;
      continue;
    }
    std::string kind = *verb.kind;
    std::string_view rest = ClauseRest(slices, verb.end, &rest_scratch);
    // "participó en diversos eventos", "realizó las siguientes acciones": a summary.
    if (HasCue(lexicons.plan_cues, rest.substr(0, 40), "summary")) {
      previous_kept = false;
      continue;
    }
    bool sum = std::any_of(amounts.begin(), amounts.end(),
                           [&](size_t a) { return a >= verb.end && a < verb.end + rest.size(); });
    const std::string* named = nullptr;
    if (kind == "generico" || kind == kDelivery) named = ObjectKind(rest, lexicons.kinds);
    if (named) {
      kind = *named;
    } else if ((kind == kDisposition || kind == kDelivery) && sum) {
      // An act's operative verb ("Autorízase al alcalde para contratar … hasta por $ …") or
      // a delivery ("entregó … equipos valorados en US$ …") that states a sum moves money.
      kind = "financiamiento";
    } else if (kind == "generico" || kind == kDisposition || kind == kDelivery) {
      // Without an activity noun or a sum: a mandate, a routine delivery, a generic "realizó".
      previous_kept = false;
      continue;
    }
    // A date between the clause's start and a little past its verb is its own.
    bool own_date = std::any_of(dates.begin(), dates.end(),
                                [&](size_t d) { return d >= start && d < verb.end + 40; });
    // Joined right before the verb, with no subject of its own in between.
    bool same_subject = verb.begin - start <= 1;
    if (joined && same_subject && previous_kept && !out.empty() && out.back().kind == kind &&
        !own_date) {
      continue;  // the same activity told in two verbs
    }
    out.push_back({start, paragraph.size(), kind});
    previous_kept = true;
  }
  return out;
}

// The sentence of `text` that ends after byte `at`: its end (the next sentence's start).
size_t SentenceEnd(const std::vector<size_t>& starts, size_t at, size_t size) {
  auto next = std::upper_bound(starts.begin(), starts.end(), at);
  return next == starts.end() ? size : *next;
}

// Activities listed after a colon, each an activity noun with its own date: "… fue
// aprobado en dos debates, así: primer debate en la Comisión de Presupuesto, el día 20 de
// noviembre de 2024, y segundo debate en la sesión plenaria, el día 27 de noviembre de
// 2024." Items start after the colon and after ", ", "; ", ", y "; an item is one whose
// opening names an activity (ObjectKind) and that holds a date; two or more make a list.
std::vector<ActivityClause> ListedActivities(const FoldedSlices& slices,
                                             const std::vector<size_t>& sentences,
                                             const std::vector<size_t>& dates,
                                             const Lexicon& kinds) {
  std::vector<ActivityClause> out;
  std::string_view paragraph = slices.folded().original();
  std::string scratch;
  for (size_t colon = paragraph.find(':'); colon != std::string_view::npos;
       colon = paragraph.find(':', colon + 1)) {
    size_t end = SentenceEnd(sentences, colon, paragraph.size());
    std::vector<ActivityClause> items;
    for (size_t k = colon; k < end; ++k) {
      char c = paragraph[k];
      if (c == ':' && k != colon) break;  // the items of the next colon are its own
      if (c != ':' && c != ',' && c != ';') continue;
      size_t at = k + 1;
      while (at < end && paragraph[at] == ' ') ++at;
      if (paragraph.substr(at, 2) == "y ") at += 2;
      const std::string* kind = ObjectKind(slices.Slice(at, at + 120, &scratch), kinds, 1);
      if (kind) items.push_back({at, end, *kind});
    }
    for (size_t k = 0; k + 1 < items.size(); ++k) items[k].end = items[k + 1].begin;
    bool all_dated = std::all_of(items.begin(), items.end(), [&](const ActivityClause& item) {
      return std::any_of(dates.begin(), dates.end(),
                         [&](size_t d) { return d >= item.begin && d < item.end; });
    });
    if (items.size() >= 2 && all_dated) out.insert(out.end(), items.begin(), items.end());
  }
  return out;
}

// A recital of a legal act ("Que la Secretaría presentó …", "Considerando que …"): the
// act's reasons, not what it reports. The `recital` phrases of the plan cues.
bool IsRecital(const FoldedSlices& slices, const Lexicon& plan_cues) {
  std::string scratch;
  std::string_view lead = slices.Slice(0, 40, &scratch);
  for (const LexiconHit& h : plan_cues.FindAll(lead)) {
    if (h.begin == 0 && *h.label == "recital" && IsBoundaryAfter(lead, h.end)) return true;
  }
  return false;
}

// The report presenting itself or a table ("El presente informe da cuenta de …", "Este
// documento relaciona …", "… los convenios que presenta el cuadro siguiente"): a `presentation`
// phrase of the plan cues in the paragraph's first sentence, which dates no activity. It
// tells what the report contains, not what was done, even in a past verb ("ejecutaron").
bool IsPresentation(const FoldedSlices& slices, const std::vector<size_t>& sentences,
                    const std::vector<size_t>& dates, const Lexicon& plan_cues) {
  std::string_view paragraph = slices.folded().original();
  size_t end = sentences.size() > 1 ? sentences[1] : paragraph.size();
  if (std::any_of(dates.begin(), dates.end(), [&](size_t d) { return d < end; })) return false;
  std::string scratch;
  std::string_view first = slices.Slice(0, end, &scratch);
  for (const LexiconHit& h : plan_cues.FindAll(first)) {
    if (*h.label == "presentation" && IsBoundaryAfter(first, h.end)) return true;
  }
  return false;
}

}  // namespace

std::vector<ActivityClause> FindActivityClauses(std::string_view paragraph,
                                                const std::vector<size_t>& dates,
                                                const ClauseLexicons& lexicons,
                                                const std::vector<size_t>& amounts) {
  // Without verbs or activity nouns (a pipeline without record rules) nothing is reported.
  if (lexicons.activity_verbs.empty() && lexicons.kinds.empty()) return {};
  // Folded and cut into sentences once: every step below reads them.
  const FoldedSlices slices(paragraph);
  if (IsRecital(slices, lexicons.plan_cues)) return {};
  const std::vector<size_t> sentences = SentenceStarts(paragraph);
  if (IsPresentation(slices, sentences, dates, lexicons.plan_cues)) return {};
  std::vector<ActivityClause> out = VerbClauses(slices, sentences, dates, amounts, lexicons);
  std::vector<ActivityClause> listed = ListedActivities(slices, sentences, dates, lexicons.kinds);
  if (!listed.empty()) {
    // The list tells its activities item by item: the verbs of its sentence (the lead-in's
    // "fue aprobado") and of its items are not activities of their own.
    size_t from = *(std::upper_bound(sentences.begin(), sentences.end(), listed.front().begin) - 1);
    size_t to = listed.back().end;
    std::erase_if(out, [&](const ActivityClause& c) { return c.begin >= from && c.begin < to; });
    out.insert(out.end(), listed.begin(), listed.end());
    std::sort(out.begin(), out.end(),
              [](const ActivityClause& a, const ActivityClause& b) { return a.begin < b.begin; });
  }
  EndAtNext(paragraph, &out);
  return out;
}

bool TellsPast(std::string_view text) {
  // Preterite endings ("-ó" stressed, "-aron", "-ieron", "sostuvo", "condujo"), irregular
  // preterites, and an auxiliary "ha"/"han"/"hemos" before a participle ("-ado", "-ido").
  // RE2's \b knows no accented letters: words end before a non-letter or the end.
  static const RE2 kPast(
      R"((?i)(?:\p{L}{2}(?:ó|aron|ieron|eron|uvo|ujo)|(?:^|\PL)(?:fue|hizo|hubo|dijo|puso|vino|dio|vio)|)"
      R"((?:^|\PL)(?:ha|han|hemos|había|habían)\s+\p{L}+(?:ado|ido))(?:\PL|$))");
  return RE2::PartialMatch(text, kPast);
}

bool IsCitation(std::string_view paragraph) {
  static const RE2 kCitationField(R"(\[\s*CITATION\b)");
  // "Apellido, A. (2014)", "Apellido, A., & Otro, B. (2014)", "Apellido Otro, A. B. y …".
  static const RE2 kAuthorYear(
      R"(^\s*(?:[-*]\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?,\s*\p{Lu}\.[^\n]{0,200}?\((?:19|20)\d\d[a-z]?(?:,[^)]*)?\))");
  // An organisation as author: "ONU-Hábitat. (2020). Título."
  static const RE2 kBodyYear(R"(^\s*(?:[-*]\s+)?[^\n.]{2,100}\.\s*\((?:19|20)\d\d[a-z]?\)\.)");
  // Each pattern needs a literal that most paragraphs lack: look for it before running them.
  bool field = paragraph.find("CITATION") != std::string_view::npos;
  bool year = paragraph.find("(19") != std::string_view::npos ||
              paragraph.find("(20") != std::string_view::npos;
  return (field && RE2::PartialMatch(paragraph, kCitationField)) ||
         (year &&
          (RE2::PartialMatch(paragraph, kAuthorYear) || RE2::PartialMatch(paragraph, kBodyYear)));
}

}  // namespace acervo
