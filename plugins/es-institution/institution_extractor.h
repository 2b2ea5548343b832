// institution_extractor.h — the es-institution plugin: named organisations in Spanish text.
//
// Emits one "institution" mention per occurrence, valued {id, name, acronym}:
//  - gazetteer entries (data/gazetteer.tsv plus the files in params "gazetteers") by name,
//    alias, acronym or upper-case table spelling, all resolving to the entry's id;
//  - other organisations by the shape of their name (name_patterns.h), with id
//    "x.<folded-name-slug>" and acronym null until the document defines one;
//  - acronyms the document defines ("Secretaría de Inclusión y Bienestar Social (SIBISO)",
//    "(UNPOG, por sus siglas en inglés)"), learned for the rest of the document.
// Params: {"gazetteers": ["extra.tsv", ...]}: more gazetteer files, same columns; relative
// paths are relative to the current working directory; an entry with an id already known
// replaces it. A missing or malformed file fails Configure with a message naming it.
#ifndef ACERVO_PLUGINS_ES_INSTITUTION_INSTITUTION_EXTRACTOR_H_
#define ACERVO_PLUGINS_ES_INSTITUTION_INSTITUTION_EXTRACTOR_H_

#include <memory>
#include <vector>

#include "acervo/plugin.h"
#include "gazetteer.h"
#include "name_patterns.h"
#include "vocabulary.h"

namespace acervo::institution {

class InstitutionExtractor : public Extractor {
 public:
  PluginInfo Info() const override;
  Status Configure(const PluginConfig& config) override;
  std::unique_ptr<Run> Begin(const DocumentContext& document) const override;

 private:
  Gazetteer gazetteer_;
  std::vector<nlohmann::json> values_;  // the mention value of each gazetteer entry
  NamePatterns patterns_;
  Vocabulary vocabulary_;  // the words of gazetteer_ and patterns_
};

// The stable id of an organisation found by its shape: "x." + the folded name with every
// run of non-letters turned into one "-" ("x.secretaria-de-inclusion-y-bienestar-social").
std::string PatternId(std::string_view name);

}  // namespace acervo::institution

#endif  // ACERVO_PLUGINS_ES_INSTITUTION_INSTITUTION_EXTRACTOR_H_
