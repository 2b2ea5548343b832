// legal_act.h — whether a heading names a legal act by its number: a council's acuerdo, a
// decree, a resolution, an ordinance, a law ("Acuerdo N.° 018 de 2024", "Decreto
// 4112.010.20.0470 de 2025", "Resolución número 45"). Such a heading is the act itself, which
// groups its recitals, articles and certifications and reports no activity; without a
// number ("Acuerdo de hermanamiento con …", "acuerdo no vinculante") it names an activity.
// The act words are the `legal_act` phrases of the pipeline's group headings.
// Pure function; thread-compatible.
#ifndef ACERVO_CORE_RECORDS_LEGAL_ACT_H_
#define ACERVO_CORE_RECORDS_LEGAL_ACT_H_

#include <string_view>

#include "records/lexicon.h"

namespace acervo {

// `words`: a heading's folded words (HeadingWords).
bool NamesLegalAct(std::string_view words, const Lexicon& group_headings);

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_LEGAL_ACT_H_
