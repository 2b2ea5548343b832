// gazetteer.h — known organisations and every spelling they appear under.
//
// A gazetteer is read from TSV files (see data/gazetteer.tsv for the columns). Every name,
// alias and acronym is one phrase of a single automaton over the passage's words (tokens.h,
// split at hyphens), so a passage is read once whatever the gazetteer's size. Names and
// aliases match case- and accent-insensitively, and across line breaks; acronyms (and
// aliases that look like one: upper case, no spaces) must also be written exactly so in
// the text, so "SAT" is an institution and "sat" is not. Single-word names must start with a
// capital letter in the text, so the alias "Metropolis" does not fire on "metrópolis", and
// the names of media (kind "media") must be written with capitals ("El Tiempo").
// Built once in Configure; read-only and thread-safe afterwards.
#ifndef ACERVO_PLUGINS_ES_INSTITUTION_GAZETTEER_H_
#define ACERVO_PLUGINS_ES_INSTITUTION_GAZETTEER_H_

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "acervo/status.h"
#include "acervo/text.h"
#include "acervo/tsv.h"
#include "tokens.h"
#include "word_automaton.h"

namespace acervo::institution {

struct Entry {
  std::string id;       // "mx.sre"
  std::string name;     // "Secretaría de Relaciones Exteriores"
  std::string acronym;  // "SRE", or "" when it has none
  std::vector<std::string> aliases;
  std::string kind;     // "ministry", "network", ...
  std::string country;  // "MX", or "" for international bodies
};

// A gazetteer hit in a text: which entry, and where (byte span in the original text).
struct GazetteerHit {
  size_t begin = 0;
  size_t end = 0;
  int entry = 0;         // index into Gazetteer::entries()
  bool acronym = false;  // matched through an acronym
};

class Gazetteer {
 public:
  // Adds the entries of one TSV file. A later entry with an id already loaded replaces
  // the earlier one (so users can correct the bundled data). Errors name the file and line.
  Status LoadFile(const std::filesystem::path& path);
  // Adds entries from TSV text; `origin` names it in errors.
  Status LoadText(std::string_view tsv, const std::string& origin);
  // Builds the matchers. Call once after the last Load.
  void Build();

  // Leftmost-longest, non-overlapping hits among tokens[first, last) of `text` (tokens as
  // Tokenize gives them, abbreviations expanded or not), ordered by position.
  std::vector<GazetteerHit> Find(std::string_view text, const std::vector<Token>& tokens,
                                 size_t first, size_t last) const;
  std::vector<GazetteerHit> Find(std::string_view text, const std::vector<Token>& tokens) const {
    return Find(text, tokens, 0, tokens.size());
  }

  const std::vector<Entry>& entries() const { return entries_; }
  // Every word of every spelling, by the id Token::phrase_word holds.
  const WordIndex& words() const { return automaton_.words(); }
  // The entry with this id, or -1.
  int FindId(const std::string& id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? -1 : it->second;
  }
  // The entry whose acronym (or acronym-like alias) is exactly `acronym`, or -1.
  int FindAcronym(std::string_view acronym) const;
  // The entry with this folded name or alias, or -1.
  int FindName(std::string_view folded_name) const;
  // Entries with a name or alias that is `folded_name` followed by a place ("secretaria de
  // movilidad" -> "secretaria de movilidad de la ciudad de mexico"), restricted to
  // `country` when it is not empty.
  std::vector<int> FindQualified(std::string_view folded_name, std::string_view country) const;
  // Entries with a name or alias that starts with `folded_name` and a space ("coordinacion
  // general de asesores y asuntos" -> "... y asuntos internacionales"), restricted to
  // `country` when it is not empty.
  std::vector<int> FindLonger(std::string_view folded_name, std::string_view country) const;

 private:
  Status AddRows(const std::vector<TsvRow>& rows, const std::string& origin);
  // Entries with a name or alias that starts with `prefix` and passes `keep`, of `country`
  // when it is not empty; each once.
  std::vector<int> EntriesStartingWith(const std::string& prefix, std::string_view country,
                                       const std::function<bool(std::string_view)>& keep) const;
  int Add(Entry entry);

  std::vector<Entry> entries_;
  std::unordered_map<std::string, int> by_id_;
  std::unordered_map<std::string, int> by_acronym_;
  std::unordered_map<std::string, int> by_folded_name_;
  std::vector<std::pair<std::string, int>> sorted_names_;  // by_folded_name_, sorted
  // One phrase of the automaton: a spelling of an entry.
  struct Spelling {
    int entry = 0;
    bool acronym = false;      // matched only when written exactly as `exact`
    bool single_word = false;  // a one-word name: must start with a capital in the text
    bool capitalised = false;  // a medium: every long word capitalised
    std::string exact;         // the acronym as written
  };
  WordAutomaton automaton_;
  std::vector<Spelling> spellings_;  // by automaton value
};

// True when `s` is written like an acronym: no spaces, at most 16 bytes, starting with a
// capital or a digit, two capitals (or one and a digit) and no run of three lower-case
// letters. "SRE", "STyFE", "WeGO" and "C40" are; "México", "APC-Colombia" and "MPI CDMX"
// are not (they match as names).
bool LooksLikeAcronym(std::string_view s);

}  // namespace acervo::institution

#endif  // ACERVO_PLUGINS_ES_INSTITUTION_GAZETTEER_H_
