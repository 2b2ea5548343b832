// activity_names.h — whether words name activities in the plural ("Acuerdos de
// hermanamiento firmados", "Visitas recibidas": the heading or lead-in of a list whose items
// are activities) or one in the singular ("Taller de movilidad": the one activity a section
// tells), from the hits of the record-kind lexicon in them.
// Pure functions; thread-compatible.
#ifndef ACERVO_CORE_RECORDS_ACTIVITY_NAMES_H_
#define ACERVO_CORE_RECORDS_ACTIVITY_NAMES_H_

#include <string_view>
#include <vector>

#include "records/lexicon.h"

namespace acervo {

// `kind_hits`: the record-kind lexicon's hits in `folded` (folded text).
// A kind word followed by a plural ending ("talleres", "visitas").
bool NamesActivities(std::string_view folded, const std::vector<LexiconHit>& kind_hits);
// A kind word not followed by a plural ending.
bool NamesSingleActivity(std::string_view folded, const std::vector<LexiconHit>& kind_hits);

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_ACTIVITY_NAMES_H_
