// normalize.h — the one normalization every loader applies to text before extraction.
//
// NFC; ligatures (ﬁ) spelled out; no-break and other odd spaces made ' '; soft hyphens,
// zero-width and control characters dropped ('\n', '\t', '\f' kept); CRLF and CR made '\n';
// escapes left by converters (\$, \_, \*, \#, ...) unescaped; a word hyphenated across a
// line end ("coope-\nración") rejoined, the line break kept after the word. Idempotent.
#ifndef ACERVO_CORE_LOAD_NORMALIZE_H_
#define ACERVO_CORE_LOAD_NORMALIZE_H_

#include <string>
#include <string_view>

namespace acervo {

std::string NormalizeText(std::string_view text);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_NORMALIZE_H_
