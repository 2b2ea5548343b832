// name_resolution.h — rules that settle which organisation a name found in a passage is,
// where the answer depends on the words around it or on the names the document used before
// (the stateful part, what the document has named, is passed in). Pure; thread-safe.
#ifndef ACERVO_PLUGINS_ES_INSTITUTION_NAME_RESOLUTION_H_
#define ACERVO_PLUGINS_ES_INSTITUTION_NAME_RESOLUTION_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gazetteer.h"
#include "name_patterns.h"
#include "tokens.h"

namespace acervo::institution {

// The string `key` holds in a mention value (an object that has it), found without
// building a key string as operator[] does.
const std::string& StringField(const nlohmann::json& value, std::string_view key);

// One space for every run of whitespace, so a name broken over lines reads as one.
std::string CollapseSpaces(std::string_view s);

// PatternId (institution_extractor.h) of a name already folded (acervo::Fold).
std::string PatternIdOfFolded(std::string_view folded);

// "serv" for "servicios", "mpales" for "municipales": the same first letter, and every
// letter of the (folded) abbreviation in order in the (folded) word, which is longer.
bool Abbreviates(std::string_view abbreviation, std::string_view word);

// The value of the body the document named in full ("DIRECCIÓN DE SERVICIOS PÚBLICOS
// MUNICIPALES") that `covered`, a name with abbreviated words ("DIR. DE SERV. PÚB. MPALES."),
// spells word for word. `seen` holds the folded names the document used, with their values.
// Null when none, or more than one body, fits, or when `covered` abbreviates nothing.
const nlohmann::json* SeenAbbreviated(
    std::string_view covered, const std::vector<std::pair<std::string, nlohmann::json>>& seen);

// Whether [begin, end) fills the parenthesis that opens right after byte `previous_end`:
// "Alianza para Ciudades Saludables (Partnership for Healthy Cities)".
bool FillsParenthesisAfter(std::string_view text, size_t previous_end, size_t begin, size_t end);

// Whether a newspaper's name ending at byte `end` is read inside a longer capitalised title:
// "la Tercera Sesión" (an ordinal), "El Mundo Árabe". A medium's name goes on only with a
// connector ("El Tiempo de Bogotá"), punctuation or a line break.
bool InsideTitle(std::string_view text, const std::vector<Token>& tokens, size_t end,
                 const NamePatterns& patterns);

// Whether the words a pattern name adds to a gazetteer name (from byte `hit_end` to
// `name_end`) name a government or city the gazetteer does not know: "Secretaría de
// Administración y Finanzas" + "del Gobierno del Estado de Yucatán" is another state's
// secretariat, not the entry of that name ("... del Gobierno de la Ciudad de México", a
// parent the gazetteer knows, is the entry; so is a unit of an embassy).
bool UnknownGovernment(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<GazetteerHit>& hits, size_t hit_end, size_t name_end,
                       const NamePatterns& patterns);

}  // namespace acervo::institution

#endif  // ACERVO_PLUGINS_ES_INSTITUTION_NAME_RESOLUTION_H_
