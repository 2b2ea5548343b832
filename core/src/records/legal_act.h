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
#include "records/passage.h"

namespace acervo {

// `words`: a heading's folded words (HeadingWords).
bool NamesLegalAct(std::string_view words, const Lexicon& group_headings);

// The document is a legal act: its title, or one of its first five headings, names an act
// and its number. Its headings (articles, chapters, list items a scan set large) are then its
// parts, never activities; only the clauses of its paragraphs can report one.
bool OpensWithLegalAct(const Passages& passages, const Lexicon& group_headings);

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_LEGAL_ACT_H_
