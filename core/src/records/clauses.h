// clauses.h — the activities a paragraph of running prose reports, one span each.
//
// A paragraph of a narrative report often tells two or three activities: "En marzo la
// ciudad sostuvo una reunión con …; en el mismo viaje formalizó su adhesión a … y participó
// en el taller …". FindActivityClauses splits the paragraph into sentences (at ". " before
// a capital, not after an abbreviation like "Dr." or "N."), the sentences into clauses (at
// ";" and at "y", "e", "mientras que", "donde" when a reporting verb follows), and keeps the
// clauses whose words report a completed activity (the `activity_verbs` lexicon: past forms
// only) and that no plan cue ("tiene como objetivo", "se prevé") opens. Each kept clause
// starts a record's span, which runs to the next one, so the sentences that only add detail
// ("con quienes revisó …") stay with the activity they describe. A clause joined by "y" to
// the previous one, reporting the same kind of activity and with no date of its own, is the
// same activity told in two verbs ("visitó la ciudad y sostuvo mesas de trabajo").
//
// Pure functions over text; thread-compatible.
#ifndef ACERVO_CORE_RECORDS_CLAUSES_H_
#define ACERVO_CORE_RECORDS_CLAUSES_H_

#include <string>
#include <string_view>
#include <vector>

#include "records/lexicon.h"

namespace acervo {

struct ActivityClause {
  size_t begin = 0, end = 0;  // byte span in the paragraph
  std::string kind;           // the reporting verb's kind ("acuerdo", "reunion", …)
};

struct ClauseLexicons {
  const Lexicon& activity_verbs;
  const Lexicon& plan_cues;
  // Activity nouns ("taller", "convenio"): a verb of kind "generico" ("se realizó", "se
  // llevó a cabo", "presentó") reports an activity only when one follows it in its clause;
  // "se llevó a cabo la actualización del portal" reports none.
  const Lexicon& kinds;
};

// `dates` are the byte offsets of the paragraph's activity dates (to tell a clause with its
// own date from one that continues the previous activity), `amounts` those of its sums of
// money (an act's operative verb, "Autorízase … hasta por la suma de $ …", reports a
// financing decision only with one). Besides the clauses its verbs open, a paragraph may
// list dated activities after a colon ("así: primer debate …, el 20 de noviembre, y
// segundo debate …, el 27 de noviembre"): one clause per item. A recital of a legal act
// ("Que …", "Considerando que …") reports none.
std::vector<ActivityClause> FindActivityClauses(std::string_view paragraph,
                                                const std::vector<size_t>& dates,
                                                const ClauseLexicons& lexicons,
                                                const std::vector<size_t>& amounts = {});

// The byte offsets where the sentences of `text` begin (0 first).
std::vector<size_t> SentenceStarts(std::string_view text);

// Whether `text` tells anything in a past tense: a verb in the preterite ("presentó",
// "hicieron", "sostuvo", "fue") or the present perfect ("ha firmado"), whatever verb. A
// paragraph without one describes, in the present, what a body is or usually does ("los
// socios principales son …", "ofrece el marco regional"): it reports no activity.
bool TellsPast(std::string_view text);

// True for a bibliography entry or a citation left by a word processor:
// "Apellido, A. (2014). Título. Editorial.", "Apellido, A. y Otro, B. (2014) …",
// "[ CITATION Gar14 \l 2058 ]".
bool IsCitation(std::string_view paragraph);

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_CLAUSES_H_
