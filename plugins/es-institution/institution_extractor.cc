#include "institution_extractor.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "acervo/message_mark.h"
#include "acervo/text.h"
#include "name_resolution.h"

namespace acervo::institution {
namespace {

constexpr double kGazetteerName = 0.95;
constexpr double kGazetteerAcronym = 0.9;
constexpr double kLearnedAcronym = 0.85;
constexpr double kPattern = 0.7;
constexpr double kNestedPattern = 0.65;

struct Candidate {
  size_t begin = 0;
  size_t end = 0;
  nlohmann::json value;
  double confidence = 0;
  std::string acronym_text;  // the acronym this candidate was matched by, if any
};

nlohmann::json ValueOf(const Entry& e) {
  return {{"id", e.id},
          {"name", e.name},
          {"acronym", e.acronym.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.acronym)}};
}

class InstitutionRun : public Run {
 public:
  InstitutionRun(const Gazetteer& gazetteer, const std::vector<nlohmann::json>& values,
                 const NamePatterns& patterns, const Vocabulary& vocabulary,
                 DocumentContext document)
      : gazetteer_(gazetteer),
        values_(values),
        patterns_(patterns),
        vocabulary_(vocabulary),
        document_(std::move(document)) {}

  Status Extract(const Segment& segment, std::vector<Mention>* out) override {
    std::string_view text = segment.text;
    Tokenize(text, &folded_tokens_, &tokens_);
    vocabulary_.Annotate(&tokens_);
    patterns_.ExpandAbbreviations(&tokens_);
    const std::vector<Token>& tokens = tokens_;
    std::vector<GazetteerHit> hits = gazetteer_.Find(text, tokens);
    segment_hits_ = hits;
    std::vector<PatternName> names = patterns_.Find(text, tokens);

    // Outer names compete for the text, leftmost-longest; a pattern name that only adds a
    // place to a gazetteer name ("Secretaría de Relaciones Exteriores de México") yields to
    // the gazetteer entry.
    std::vector<Candidate> outer;
    for (const GazetteerHit& h : hits) {
      bool media = !h.acronym && gazetteer_.entries()[h.entry].kind == "media";
      if (!media || !InsideTitle(text, tokens, h.end, patterns_)) outer.push_back(FromHit(text, h));
    }
    for (const PatternName& p : names) {
      if (p.nested || (p.name.empty() && ExtendsHit(text, tokens, hits, p))) continue;
      outer.push_back(FromPattern(text, p, kPattern));
    }
    std::sort(outer.begin(), outer.end(), [](const Candidate& a, const Candidate& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::vector<Candidate> chosen;
    for (Candidate& c : outer) {
      if (!chosen.empty() && c.begin < chosen.back().end) continue;
      chosen.push_back(std::move(c));
    }
    LearnDefinitions(text, &chosen);
    // "Alianza para Ciudades Saludables (Partnership for Healthy Cities)": the translation.
    for (size_t k = 1; k < chosen.size(); ++k) {
      Candidate& c = chosen[k];
      if (StringField(c.value, "id").rfind("x.", 0) == 0 &&
          FillsParenthesisAfter(text, chosen[k - 1].end, c.begin, c.end)) {
        c.value = chosen[k - 1].value;
      }
    }
    for (Candidate& c : chosen) CountryOffice(text, tokens, &c);

    // Parent bodies named inside a longer name.
    std::vector<Candidate> inner;
    for (const PatternName& p : names) {
      if (p.nested && Inside(chosen, p.begin, p.end)) inner.push_back(FromNested(text, tokens, p));
    }
    for (const GazetteerHit& h : hits) {
      if (Inside(chosen, h.begin, h.end) && AfterParentConnector(tokens, h.begin)) {
        inner.push_back(FromHit(text, h));
      }
    }
    for (Candidate& c : chosen) ServedBody(text, hits, inner, &c);
    // Acronyms learned earlier in the document, wherever nothing else was found.
    for (const Token& t : tokens) {
      if (learned_.empty()) break;
      if (!t.word || !t.capital) continue;
      std::string_view written = text.substr(t.begin, t.end - t.begin);
      if (learned_words_.Find(written) < 0) continue;
      auto it = learned_.find(written);
      if (it == learned_.end() || Overlaps(chosen, t.begin, t.end)) continue;
      chosen.push_back({t.begin, t.end, it->second, kLearnedAcronym, it->first});
    }

    for (std::vector<Candidate>* list : {&chosen, &inner}) {
      for (Candidate& c : *list) {
        bool duplicate = false;
        for (const Mention& m : *out) duplicate |= m.begin == c.begin && m.end == c.end;
        if (duplicate) continue;
        out->push_back({"institution", c.begin, c.end, std::move(c.value), c.confidence});
        Remember(out->back().value);
      }
    }
    std::sort(out->begin(), out->end(), [](const Mention& a, const Mention& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    return Status::Ok();
  }

 private:
  Candidate FromHit(std::string_view text, const GazetteerHit& h) const {
    std::string_view matched = text.substr(h.begin, h.end - h.begin);
    auto learned = h.acronym ? learned_.find(matched) : learned_.end();
    if (learned != learned_.end()) {
      return {h.begin, h.end, learned->second, kLearnedAcronym, std::string(matched)};
    }
    nlohmann::json value = values_[h.entry];
    // (values_[h.entry] is the entry's id, name and acronym, null when it has none.)
    const Entry& entry = gazetteer_.entries()[h.entry];
    if (!acronym_of_id_.empty() && entry.acronym.empty()) {
      auto defined = acronym_of_id_.find(entry.id);
      if (defined != acronym_of_id_.end()) value["acronym"] = defined->second;
    }
    return {h.begin, h.end, std::move(value), h.acronym ? kGazetteerAcronym : kGazetteerName,
            h.acronym ? std::string(matched) : std::string()};
  }

  Candidate FromPattern(std::string_view text, const PatternName& p, double confidence) {
    // "Montevideo: Udelar." (a publisher): an acronym the document defined.
    auto learned = learned_.find(text.substr(p.begin, p.end - p.begin));
    if (learned != learned_.end()) return {p.begin, p.end, learned->second, kLearnedAcronym, ""};
    std::string name =
        CollapseSpaces(JoinLineBreaks(p.name.empty() ? CanonicalAcronyms(text, p) : p.name));
    std::string folded = Fold(name);
    int entry = gazetteer_.FindName(folded);
    // "Financiera de Desarrollo Territorial S.A.": the gazetteer body, named with its legal form.
    std::string_view without_form = patterns_.WithoutLegalForm(name);
    if (entry < 0 && without_form.size() < name.size()) {
      entry = gazetteer_.FindName(Fold(without_form));
    }
    if (entry >= 0) return {p.begin, p.end, values_[entry], kGazetteerName, ""};
    // "DIR. DE SERV. PÚB. MPALES.": the body the document wrote out before.
    const nlohmann::json* same = SeenAbbreviated(text.substr(p.begin, p.end - p.begin), seen_);
    const std::string skeleton = same == nullptr ? Skeleton(folded) : std::string();
    if (same == nullptr) same = SeenAs(folded, skeleton);
    if (same != nullptr) return {p.begin, p.end, *same, confidence, ""};
    // "Secretaría de Movilidad" in a Mexican report: the one body of that name in Mexico.
    std::vector<int> qualified = gazetteer_.FindQualified(folded, document_.country);
    if (qualified.size() > 1 || document_.country.empty()) {
      // Of several bodies with that name, the one this document has already named; in a
      // document of unknown country ("Instituto Tecnológico"), only one it named.
      std::erase_if(qualified, [&](int e) { return !seen_ids_.count(gazetteer_.entries()[e].id); });
    }
    // A long name cut short ("Coordinación General de Asesores y Asuntos"): the one body
    // of the country whose name goes on from it. Short names ("Secretaría de Desarrollo")
    // are too common as the start of several.
    if (qualified.empty() && std::count(skeleton.begin(), skeleton.end(), ' ') >= 4) {
      qualified = gazetteer_.FindLonger(folded, document_.country);
    }
    if (qualified.size() == 1) {
      return {p.begin, p.end, values_[qualified[0]], confidence, ""};
    }
    std::string id = PatternIdOfFolded(folded);
    auto defined = acronym_of_id_.find(id);
    nlohmann::json value = nlohmann::json::object();  // built key by key: cheaper than a list
    value["acronym"] =
        defined == acronym_of_id_.end() ? nlohmann::json(nullptr) : nlohmann::json(defined->second);
    value["id"] = std::move(id);
    value["name"] = std::move(name);
    return {p.begin, p.end, std::move(value), confidence, ""};
  }

  // A body this document already named in full ("Coordinación General de Asesores y Asuntos
  // Internacionales"), met again shortened ("Coordinación General de Asesores y Asuntos")
  // or with a place added ("... de la Ciudad de México"); null when none, or more than one.
  // `skeleton` is Skeleton(folded).
  const nlohmann::json* SeenAs(const std::string& folded, const std::string& skeleton) const {
    const nlohmann::json* found = nullptr;
    for (const auto& [name, value] : seen_) {
      bool shortened = name.size() > folded.size() && name.compare(0, folded.size(), folded) == 0 &&
                       name[folded.size()] == ' ';
      bool placed = folded.size() > name.size() && folded.compare(0, name.size(), name) == 0 &&
                    (folded.compare(name.size(), 4, " de ") == 0 ||
                     folded.compare(name.size(), 5, " del ") == 0 ||
                     folded.compare(name.size(), 4, " en ") == 0);
      if (!shortened && !placed) continue;
      if (found != nullptr && (*found)["id"] != value["id"]) return nullptr;
      found = &value;
    }
    // The same words with other connectors ("Asesores y de Asuntos" for "Asesores y Asuntos").
    auto same = by_skeleton_.find(skeleton);
    if (same != by_skeleton_.end() && same->second != std::string::npos) {
      const nlohmann::json& value = seen_[same->second].second;
      if (found != nullptr && (*found)["id"] != value["id"]) return nullptr;
      found = &value;
    }
    return found;
  }

  // The content words of a folded name: "coordinacion general de asesores y de asuntos
  // internacionales" and "... asesores y asuntos internacionales" are one body; so are
  // "municipio de X" and "municipalidad de X" (a head and its synonym: head_synonyms.tsv).
  std::string Skeleton(std::string_view folded) const {
    std::string out;
    size_t pos = 0;
    while (pos < folded.size()) {
      size_t space = std::min(folded.find(' ', pos), folded.size());
      std::string_view word = folded.substr(pos, space - pos);
      if (pos == 0) word = patterns_.HeadSynonym(word);
      if (!patterns_.IsConnector(word)) out.append(word).push_back(' ');
      pos = space + 1;
    }
    return out;
  }

  // Every value emitted, for SeenAs.
  void Remember(const nlohmann::json& value) {
    seen_ids_.insert(StringField(value, "id"));
    // A name written as before has its folded form in seen_names_ already.
    const std::string& name = StringField(value, "name");
    if (!written_names_.insert(name).second) return;
    std::string folded = Fold(name);
    if (!seen_names_.insert(folded).second) return;
    auto [same, added] = by_skeleton_.emplace(Skeleton(folded), seen_.size());
    if (!added && seen_[same->second].second["id"] != value["id"]) same->second = std::string::npos;
    seen_.emplace_back(std::move(folded), value);
  }

  // The text of a pattern name with every gazetteer acronym inside it written the
  // gazetteer's way, so "Consejo Consultivo del MPICDMX" and "... del MPI CDMX" are one body.
  std::string CanonicalAcronyms(std::string_view text, const PatternName& p) const {
    std::string out;
    size_t at = p.begin;
    for (const GazetteerHit& h : segment_hits_) {
      if (!h.acronym || h.begin < at || h.end > p.end) continue;
      const std::string& acronym = gazetteer_.entries()[h.entry].acronym;
      if (acronym.empty()) continue;
      out.append(text.substr(at, h.begin - at));
      out.append(acronym);
      at = h.end;
    }
    out.append(text.substr(at, p.end - at));
    return out;
  }

  // A parent body inside a longer name: the gazetteer entry it starts with when it only
  // adds a place to it ("la Unión Europea en México" inside a delegation's name).
  Candidate FromNested(std::string_view text, const std::vector<Token>& tokens,
                       const PatternName& p) {
    size_t first = 0, last = 0;
    while (first < tokens.size() && tokens[first].begin < p.begin) ++first;
    for (last = first; last < tokens.size() && tokens[last].end <= p.end;) ++last;
    std::vector<GazetteerHit> hits = gazetteer_.Find(text, tokens, first, last);
    segment_hits_ = hits;
    if (!hits.empty() && hits[0].begin == p.begin) {
      PatternName whole{p.begin, p.end, p.kind, true, ""};
      if (ExtendsHit(text, tokens, hits, whole)) return FromHit(text, hits[0]);
    }
    return FromPattern(text, p, kNestedPattern);
  }

  // True when the pattern name is a gazetteer name plus words joined by a connector ("de
  // México", "del Gobierno de la Ciudad"), or a gazetteer name after its head word.
  bool ExtendsHit(std::string_view text, const std::vector<Token>& tokens,
                  const std::vector<GazetteerHit>& hits, const PatternName& p) const {
    for (const GazetteerHit& h : hits) {
      if (h.begin != p.begin || h.end > p.end) continue;
      if (h.end == p.end) return true;
      for (const Token& t : tokens) {
        if (t.begin >= h.end) {
          return t.word && patterns_.IsConnector(t.folded) &&
                 !UnknownGovernment(text, tokens, hits, h.end, p.end, patterns_);
        }
      }
    }
    // A head word used as a descriptor: "Organización Innovations for Poverty Action".
    for (const GazetteerHit& h : hits) {
      if (h.end != p.end || h.begin <= p.begin) continue;
      size_t pos = p.begin;
      NextCodePoint(text, &pos);
      while (pos < h.begin && IsWordCodePoint(NextCodePoint(text, &pos))) {
      }
      if (text.substr(pos, h.begin - pos).find_first_not_of(' ') == std::string_view::npos &&
          !h.acronym) {
        return true;
      }
    }
    return false;
  }

  // "Nombre (ACR)" or "Nombre (ACR, por sus siglas en inglés)" right after a chosen name:
  // the acronym joins the mention and is remembered for the rest of the document.
  void LearnDefinitions(std::string_view text, std::vector<Candidate>* chosen) {
    std::vector<Candidate> kept;
    size_t swallowed_until = 0;
    for (Candidate& c : *chosen) {
      if (c.begin < swallowed_until) continue;  // the acronym of the previous definition
      size_t p = c.end;
      while (p < text.size() && text[p] == ' ') ++p;
      size_t close = p < text.size() && text[p] == '(' ? text.find(')', p) : std::string_view::npos;
      if (c.acronym_text.empty() && close != std::string_view::npos && close - p < 80) {
        std::string_view inside = text.substr(p + 1, close - p - 1);
        std::string_view acronym = inside.substr(0, inside.find(','));
        while (!acronym.empty() && acronym.back() == ' ') acronym.remove_suffix(1);
        while (!acronym.empty() && acronym.front() == ' ') acronym.remove_prefix(1);
        bool only_acronym =
            acronym.size() == inside.size() ||
            Fold(inside.substr(inside.find(',') + 1)).find("sigla") != std::string::npos;
        if (only_acronym && LooksLikeAcronym(acronym) && AcronymFits(&c, acronym)) {
          std::string a(acronym);
          if (c.value["acronym"].is_null()) {
            c.value["acronym"] = a;
            acronym_of_id_[c.value["id"].get<std::string>()] = a;
          }
          learned_[a] = c.value;
          learned_words_.Add(a);
          c.end = close + 1;
          swallowed_until = c.end;
        }
      }
      kept.push_back(std::move(c));
    }
    *chosen = std::move(kept);
  }

  // Whether a name may take the acronym defined after it. An acronym the gazetteer knows
  // names its entry: a name found by shape becomes that entry ("Organización Mundial de
  // Ciudades Sostenibles e Inteligentes (WeGO)"), unless the entry is named inside it
  // ("Oficina Regional de la Organización ... (WeGO)": the acronym is the parent's); a
  // different gazetteer entry keeps its own.
  bool AcronymFits(Candidate* c, std::string_view acronym) const {
    int known = gazetteer_.FindAcronym(acronym);
    if (known < 0) return true;
    const Entry& entry = gazetteer_.entries()[known];
    if (c->value["id"] == entry.id) return true;
    if (c->value["id"].get<std::string>().rfind("x.", 0) != 0) return false;
    for (const GazetteerHit& h : segment_hits_) {
      if (h.entry == known && c->begin <= h.begin && h.end <= c->end) return false;
    }
    c->value = values_[known];
    c->confidence = kGazetteerAcronym;
    return true;
  }

  // "Secretaría Ejecutiva de Mercociudades", "Secretaría Técnica de la Red ...": the
  // secretariat of a body is that body (secretariats.tsv); the mention keeps its span.
  void ServedBody(std::string_view text, const std::vector<GazetteerHit>& hits,
                  const std::vector<Candidate>& inner, Candidate* c) const {
    const std::string& id = StringField(c->value, "id");
    if (id.rfind("x.", 0) != 0 || !patterns_.IsSecretariat(id.substr(2))) return;
    for (const Candidate& i : inner) {
      if (i.end == c->end && i.begin > c->begin) {
        c->value = i.value;
        return;
      }
    }
    for (const GazetteerHit& h : hits) {
      if (h.end == c->end && h.begin > c->begin && !h.acronym) {
        c->value = FromHit(text, h).value;
        return;
      }
    }
    // "Secretaría Técnica del Comité Directivo": the body this document named before whose
    // name starts so ("Comité Directivo de Seguimiento ..."), the latest one.
    std::string body(patterns_.SecretariatOf(std::string_view(id).substr(2)));
    std::replace(body.begin(), body.end(), '-', ' ');
    for (auto seen = seen_.rbegin(); seen != seen_.rend(); ++seen) {
      const std::string& name = seen->first;
      if (name.compare(0, body.size(), body) == 0 &&
          (name.size() == body.size() || name[body.size()] == ' ')) {
        c->value = seen->second;
        return;
      }
    }
  }

  // "PNUD México", "USAID Perú": an international agency's name or acronym followed, one
  // space apart, by a country (countries.tsv) names its country office; the mention covers
  // the country, the value stays the agency's.
  void CountryOffice(std::string_view text, const std::vector<Token>& tokens, Candidate* c) const {
    if (c->end >= text.size() || text[c->end] != ' ') return;
    const std::string& id = StringField(c->value, "id");
    int entry = gazetteer_.FindId(id);
    if (entry < 0) return;
    const std::string& kind = gazetteer_.entries()[entry].kind;
    if (kind != "un" && kind != "agency" && kind != "intl" && kind != "bank") return;
    size_t k = 0;
    while (k < tokens.size() && tokens[k].begin < c->end + 1) ++k;
    if (k >= tokens.size() || tokens[k].begin != c->end + 1) return;
    std::string country;
    for (size_t last = k; last < tokens.size() && last < k + 3; ++last) {
      if (!tokens[last].capital && !patterns_.IsConnector(tokens[last].folded)) return;
      if (last != k) country += ' ';
      country += tokens[last].folded;
      bool ends = last + 1 == tokens.size() || !tokens[last + 1].word || !tokens[last + 1].capital;
      if (patterns_.IsCountry(country) && ends) {
        c->end = tokens[last].end;
        return;
      }
    }
  }

  // Strictly inside a chosen name, after its first word.
  static bool Inside(const std::vector<Candidate>& chosen, size_t begin, size_t end) {
    for (const Candidate& c : chosen) {
      if (c.begin < begin && end <= c.end) return true;
    }
    return false;
  }
  static bool Overlaps(const std::vector<Candidate>& chosen, size_t begin, size_t end) {
    for (const Candidate& c : chosen) {
      if (begin < c.end && c.begin < end) return true;
    }
    return false;
  }
  bool AfterParentConnector(const std::vector<Token>& tokens, size_t begin) const {
    for (size_t i = 1; i < tokens.size(); ++i) {
      if (tokens[i].begin != begin) continue;
      std::string_view f = tokens[i - 1].folded;
      return f == "del" || f == "la" || f == "las" || f == "los" || f == "el";
    }
    return false;
  }

  const Gazetteer& gazetteer_;
  const std::vector<nlohmann::json>& values_;  // ValueOf each gazetteer entry
  const NamePatterns& patterns_;
  const Vocabulary& vocabulary_;
  const DocumentContext document_;
  WordMap<nlohmann::json> learned_;  // acronym -> value
  WordIndex learned_words_;          // the acronyms of learned_, a cheaper first test for a word
  std::vector<std::pair<std::string, nlohmann::json>> seen_;  // folded name -> value
  std::unordered_set<std::string> seen_names_;                // the names of seen_
  std::unordered_set<std::string> written_names_;             // the names of seen_ before folding
  std::unordered_set<std::string> seen_ids_;                  // the ids of seen_
  // Skeleton of each name of seen_ -> its index there, npos when two bodies share it.
  std::unordered_map<std::string, size_t> by_skeleton_;
  std::vector<GazetteerHit> segment_hits_;  // of the current segment
  std::vector<Token> tokens_;               // of the current segment (kept to reuse its memory)
  std::string folded_tokens_;               // the folded words of the current segment's tokens
  std::unordered_map<std::string, std::string> acronym_of_id_;  // id -> defined acronym
};

}  // namespace

PluginInfo InstitutionExtractor::Info() const {
  return {"es-institution",
          "1.0.0",
          N_("Organisations in Spanish text: gazetteer, name patterns, learned acronyms"),
          {{"institution", "institutions", {"name"}, {"name"}}}};
}

Status InstitutionExtractor::Configure(const PluginConfig& config) {
  ACERVO_RETURN_IF_ERROR(gazetteer_.LoadFile(config.data_dir / "gazetteer.tsv"));
  if (config.params.is_object() && config.params.contains("gazetteers")) {
    const nlohmann::json& extra = config.params["gazetteers"];
    if (!extra.is_array()) {
      return InvalidArgument("es-institution: params.gazetteers must be a list of file paths");
    }
    for (const nlohmann::json& path : extra) {
      if (!path.is_string()) {
        return InvalidArgument("es-institution: params.gazetteers: not a file path: " +
                               path.dump());
      }
      ACERVO_RETURN_IF_ERROR(gazetteer_.LoadFile(path.get<std::string>()));
    }
  }
  gazetteer_.Build();
  values_.clear();
  for (const Entry& e : gazetteer_.entries()) values_.push_back(ValueOf(e));
  ACERVO_RETURN_IF_ERROR(patterns_.Load(config.data_dir));
  vocabulary_.Build(gazetteer_.words(), patterns_.listed_words());
  return Status::Ok();
}

std::unique_ptr<Run> InstitutionExtractor::Begin(const DocumentContext& document) const {
  return std::make_unique<InstitutionRun>(gazetteer_, values_, patterns_, vocabulary_, document);
}

}  // namespace acervo::institution
