// phrases.h — how es-ods matches the phrases of its data files.
//
// Text is searched as an acervo::MatchText and phrases are added normalized the same way
// (acervo::NormalizePhrase). A phrase edge that is punctuation needs no word boundary ("no."
// matches in "No.13"), and a phrase ending in '*' matches any ending of its last word.
#ifndef ACERVO_PLUGINS_ES_ODS_PHRASES_H_
#define ACERVO_PLUGINS_ES_ODS_PHRASES_H_

#include "acervo/match_text.h"
#include "acervo/phrase_matcher.h"

namespace acervo::ods {

// With `digit_may_follow`, a phrase ending in a letter may touch a digit ("ODS11").
inline PhraseMatcher::Options PhraseOptions(bool digit_may_follow = false) {
  PhraseMatcher::Options options;
  options.boundary_only_at_word_edges = true;
  options.digit_may_follow = digit_may_follow;
  options.stems = true;
  return options;
}

}  // namespace acervo::ods

#endif  // ACERVO_PLUGINS_ES_ODS_PHRASES_H_
