// name_patterns.h — finds organisation names that are not in the gazetteer by their shape.
//
// A name starts at a capitalised head word ("Secretaría", "Embajada", "Fundación", ...) and
// runs over capitalised words joined by short connectors ("de", "la", "y", "para", ...):
// "Secretaría de Relaciones Exteriores de México" stops before the lower-case verb that
// follows it. It also stops where a second name begins ("... y la Secretaría de ..."), at
// punctuation (except inside a list of capitalised words closed by "y": "Secretaría de
// Educación, Ciencia, Tecnología e Innovación"), and it never ends on a connector.
// English names end in a head word instead ("New Cities Foundation"). A parent body named
// inside a name ("Dirección General ... de la Secretaría de ...") is reported as well.
// A name stops at a word that names what follows the body rather than the body ("Premio",
// "Informe": name_enders.tsv), and a head followed only by generic adjectives ("Oficina
// Regional": generic_modifiers.tsv) is a fragment, not a name. Abbreviated words of tables
// ("DIR. GRAL. DE ...": abbreviations.tsv) count as the words they stand for. Capitalised
// words before a legal form ("... del Diálogo A.C.": legal_forms.tsv) are a name. An
// honorific before a head belongs to the name ("H. Ayuntamiento de ...": honorifics.tsv); a
// place spelled with "y el" does not split it ("... de América Latina y el Caribe":
// joined_places.tsv); a capitalised Spanish function word ("Según", "Para":
// function_words.tsv) never starts an English name.
// English names go on after their head only with "of", "on", "for" ("Council on Foreign
// Relations"); the publisher slot of an author-date reference is a name whatever its words
// ("Madrid: Taurus."); a table cell may abbreviate words the abbreviation list does not know
// ("COORD. DE PROT. CIVIL MPAL."); a lower-case head before a proper name names a body ("la
// embajada de Francia").
// Heads, connectors and known non-organisations come from data files; see Load.
#ifndef ACERVO_PLUGINS_ES_INSTITUTION_NAME_PATTERNS_H_
#define ACERVO_PLUGINS_ES_INSTITUTION_NAME_PATTERNS_H_

#include <bitset>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "acervo/status.h"
#include "tokens.h"
#include "word_index.h"

namespace acervo::institution {

// Sets and maps keyed by std::string in which a token's folded view is looked up as it is,
// without a string made for the lookup.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>()(s); }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;
template <typename Value>
using WordMap = std::unordered_map<std::string, Value, WordHash, std::equal_to<>>;

// A name found by shape: its byte span and the kind of its head word.
struct PatternName {
  size_t begin = 0;
  size_t end = 0;
  std::string kind;     // from heads.tsv: "body", "embassy", "city", ...
  bool nested = false;  // a parent body named inside a longer name
  // The name when it is not the covered text: one member of an elliptic list ("las
  // alcaldías de Madrid, París y Barcelona" covers "París" and names "Alcaldía de París").
  std::string name;
};

class NamePatterns {
 public:
  NamePatterns() = default;
  // Not copyable: the word listings point into the word lists.
  NamePatterns(const NamePatterns&) = delete;
  NamePatterns& operator=(const NamePatterns&) = delete;

  // Reads heads.tsv, plural_heads.tsv, connectors.tsv, not_institutions.tsv,
  // name_enders.tsv, generic_modifiers.tsv, abbreviations.tsv, legal_forms.tsv,
  // job_titles.tsv, function_words.tsv, joined_places.tsv, honorifics.tsv,
  // secretariats.tsv, countries.tsv, head_synonyms.tsv, clause_words.tsv, activity_heads.tsv,
  // personal_titles.tsv and lower_case_heads.tsv.
  Status Load(const std::filesystem::path& data_dir);

  // Joins each capitalised abbreviation and its dot into one token that stands for the
  // written-out word ("DIR" "." -> "DIR." as "Dirección"), and looks each word up in the
  // word lists once (Token::listed) unless Vocabulary::Annotate already did. Call before Find
  // (which is only slower without it).
  void ExpandAbbreviations(std::vector<Token>* tokens) const;

  // Every word the lists know, by the id Token::listed holds.
  const WordIndex& listed_words() const { return listed_; }

  // Names in `text`, ordered by begin; outer names and their nested parents may overlap.
  std::vector<PatternName> Find(std::string_view text, const std::vector<Token>& tokens) const;

  // `name` without the legal form that ends it ("Luz A.C." -> "Luz"), or `name` itself.
  std::string_view WithoutLegalForm(std::string_view name) const;
  bool IsConnector(std::string_view folded) const {
    int32_t id = listed_.Find(folded);  // every connector has a listing
    return id >= 0 && listings_[id].connector;
  }
  // The head a folded head word is a synonym of ("municipio" -> "municipalidad":
  // head_synonyms.tsv), or the word itself.
  std::string_view HeadSynonym(std::string_view folded) const {
    auto it = head_synonyms_.find(folded);
    return it == head_synonyms_.end() ? folded : std::string_view(it->second);
  }
  bool IsHead(const Token& token, std::string_view text) const;
  // The kind of the prefix head tokens[i] is (heads.tsv: "gov", "city", ...), or "".
  std::string_view HeadKind(const Token& token, std::string_view text) const {
    const Head* h = HeadOf(token, text);
    return h != nullptr && h->prefix ? std::string_view(h->kind) : std::string_view();
  }
  // The body whose secretariat a pattern id's slug names (secretariats.tsv + "de"/"del"):
  // "mercociudades" for "secretaria-ejecutiva-de-mercociudades", "comite-directivo" for
  // "secretaria-tecnica-del-comite-directivo"; empty when the slug names none.
  std::string_view SecretariatOf(std::string_view slug) const;
  bool IsSecretariat(std::string_view slug) const { return !SecretariatOf(slug).empty(); }
  // Whether the folded words, one space apart, name a country of countries.tsv.
  bool IsCountry(const std::string& folded) const { return countries_.count(folded) > 0; }
  // Whether they name a state, province or department of regions.tsv.
  bool IsRegion(const std::string& folded) const { return regions_.count(folded) > 0; }

 private:
  enum class Role { kOf, kArticle, kAnd, kOther, kInner };
  struct Head {
    std::string lower;  // lower-cased, accents kept
    std::string kind;
    bool prefix = false;
    bool suffix = false;
  };
  // What the word lists say about one folded word, so that a token's word is looked up
  // once (ExpandAbbreviations) rather than once per list and question.
  struct Listing {
    const Head* head = nullptr;  // in heads_
    bool connector = false;      // in connectors_, with this role
    Role role = Role::kOther;
    bool plural = false;           // plurals_
    bool lower_case_head = false;  // lower_case_heads_
    bool job_title = false;        // job_titles_
    bool ender = false;            // enders_
    bool clause_word = false;      // clause_words_
    // A head, plural head or lower-case head: a word that may start a name (Find).
    bool starts_name = false;
  };
  // Fills listed_ and listings_ from the word lists; the end of Load.
  void IndexListings();
  const Listing& ListingOf(const Token& token) const {
    if (token.listed >= 0) return listings_[token.listed];
    if (token.listed == -1) return unlisted_;
    int32_t id = listed_.Find(token.folded);
    return id < 0 ? unlisted_ : listings_[id];
  }
  bool IsConnectorWord(const Token& token) const {
    return token.word && ListingOf(token).connector;
  }
  const Head* HeadOf(const Token& token, std::string_view text) const;
  // The role of a word known to be a connector.
  Role RoleOf(std::string_view folded) const { return connectors_.find(folded)->second; }
  Role RoleOf(const Token& token) const { return ListingOf(token).role; }
  // The head tokens[i] is when written in lower case before "de" + a proper name ("la
  // embajada de Francia"; lower_case_heads.tsv), or null (lower_case_heads.cc).
  const Head* LowerCaseHead(const std::vector<Token>& tokens, std::string_view text,
                            size_t i) const;
  bool Rejected(std::string_view text, size_t begin, size_t end) const;
  // Whether a legal form may start at text[pos]: its first two bytes start one.
  bool MayStartLegalForm(std::string_view text, size_t pos) const {
    const unsigned first = static_cast<unsigned char>(text[pos]);
    const unsigned second = pos + 1 < text.size() ? static_cast<unsigned char>(text[pos + 1]) : 0;
    return legal_starts_[first << 8 | second];
  }
  // The name's last word is the first half of a word hyphenated across a break the
  // passage does not cross ("Coordinación General de Aseso-" at the end of a paragraph).
  bool CutAtBreak(const std::vector<Token>& tokens, std::string_view text, size_t last) const;
  Status LoadWordLists(const std::filesystem::path& data_dir);
  // Whether the name from the head at tokens[i], kept up to tokens[last], ends before the
  // content word tokens[j]: a clause word, a dotted acronym, or a line break that ends it.
  bool StopsBefore(const std::vector<Token>& tokens, std::string_view text, size_t i, size_t last,
                   size_t j) const;
  // Whether the name from the head at tokens[i] to tokens[last] ends at the line break
  // after tokens[last]: a signature block or an org chart, where the next line holds the
  // signer ("Departamento Administrativo⏎Ana María ...": a head and generic adjectives) or
  // the office holder ("SECRETARÍA DE SALUD⏎Dr. Juan Pérez", "⏎DIRECTOR GENERAL").
  bool EndsAtLineBreak(const std::vector<Token>& tokens, std::string_view text, size_t i,
                       size_t last) const;
  // tokens[i] is a head and every token after it up to `last` a generic adjective that does
  // not complete that head.
  bool Fragment(const std::vector<Token>& tokens, size_t i, size_t last) const;
  // When a legal form starts at tokens[i], the name it closes (capitalised words and
  // connectors before it) is added to *out, or the last name in *out is extended to it;
  // returns the index of the token after the form, or i when there is none.
  size_t LegalFormName(const std::vector<Token>& tokens, std::string_view text, size_t i,
                       std::vector<PatternName>* out) const;
  // The index of the first honorific before the head at tokens[i] that belongs to the
  // name ("H. Ayuntamiento", "Ilustre Municipalidad"), or i when there is none.
  size_t HonorificStart(const std::vector<Token>& tokens, std::string_view text, size_t i) const;
  // Whether tokens[last], the "y", the article and tokens[j] spell a place that contains
  // "y" + article ("latina y el caribe": joined_places.tsv).
  bool JoinedPlace(const std::vector<Token>& tokens, size_t last, size_t j) const;
  // The name as reported: the covered text, or with abbreviations written out.
  std::string Spelled(std::string_view text, const std::vector<Token>& tokens, size_t first,
                      size_t last) const;
  // Extends a name that starts with the head at tokens[i]; returns the index of its last
  // token (i when nothing follows) and adds nested parent heads to *nested.
  size_t ExtendRight(const std::vector<Token>& tokens, std::string_view text, size_t i,
                     std::vector<size_t>* nested) const;
  // A name that ends in the suffix head at tokens[i] ("Brookings Institution", "University
  // of Michigan Press"), starting at or after byte `after`, added to *out; returns the index
  // of its last token, or 0 when there is none.
  size_t EnglishName(const std::vector<Token>& tokens, std::string_view text, size_t i,
                     size_t after, std::vector<PatternName>* out) const;
  // The publisher after the place's colon at tokens[i] in a bibliography entry ("New Haven:
  // Yale University Press."), added to *out; returns the index of its last token, or i when
  // tokens[i] is no such colon (publisher_names.cc).
  size_t PublisherName(const std::vector<Token>& tokens, std::string_view text, size_t i,
                       std::vector<PatternName>* out) const;
  // Whether tokens[last], a word of the all-caps name from tokens[i], is an abbreviation of
  // a table cell whose dot follows it ("PROT." in "| COORD. DE PROT. CIVIL MPAL. |"): a
  // short all-caps word in a table row, its dot followed by more of the name or the cell end.
  bool TableAbbreviation(const std::vector<Token>& tokens, std::string_view text, size_t i,
                         size_t last) const;
  // Index of the last token of a list "A, B y C" that continues a name after the comma at
  // `comma`, or 0 when the tokens that follow are not such a list.
  size_t ListEnd(const std::vector<Token>& tokens, std::string_view text, size_t comma) const;
  bool IsContent(const Token& t) const;
  // Members of an elliptic list after the plural head at tokens[i]; returns the index of
  // the last token used, or i when there is no list of at least two.
  size_t PluralList(const std::vector<Token>& tokens, std::string_view text, size_t i,
                    std::vector<PatternName>* out) const;

  struct Abbreviation {
    std::string written;  // the word written out: "Dirección"
    std::string folded;   // and folded: "direccion"
  };
  WordMap<Head> heads_;           // by folded word
  WordMap<std::string> plurals_;  // folded plural -> singular
  WordMap<Role> connectors_;
  WordIndex rejected_exact_;              // folded phrases of not_institutions.tsv
  WordIndex rejected_prefix_;             // the same, marked "prefix"
  size_t rejected_prefix_longest_ = 0;    // in bytes
  WordSet enders_;                        // folded
  WordMap<WordSet> modifiers_;            // -> heads
  WordMap<Abbreviation> abbreviations_;   // by folded abbreviation
  std::vector<std::string> legal_forms_;  // longest first
  // The first two bytes of each of legal_forms_ (a one-byte form: with any byte after it).
  std::bitset<0x10000> legal_starts_;
  WordSet job_titles_;                     // folded
  WordSet function_words_;                 // folded
  WordSet clause_words_;                   // folded
  WordSet activity_heads_;                 // folded
  WordSet personal_titles_;                // folded, without the dot
  std::vector<std::string> secretariats_;  // slugs, ending in -de
  WordSet countries_;                      // folded, one space apart
  WordSet regions_;                        // folded, one space apart
  WordMap<bool> lower_case_heads_;         // folded -> needs a place
  WordSet joined_places_;                  // folded, one space apart
  WordMap<std::string> head_synonyms_;     // folded -> folded head
  // folded honorific ("h.", "honorable") -> the folded heads it precedes (empty: any)
  WordMap<WordSet> honorifics_;
  WordIndex listed_;               // every word of the lists above that a Listing covers
  std::vector<Listing> listings_;  // by id in listed_
  Listing unlisted_;               // of every other word
};

}  // namespace acervo::institution

#endif  // ACERVO_PLUGINS_ES_INSTITUTION_NAME_PATTERNS_H_
