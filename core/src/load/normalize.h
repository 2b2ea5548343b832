// normalize.h — the one normalization every loader applies to text before extraction.
//
// NFC; ligatures (ﬁ) spelled out; no-break and other odd spaces made ' '; soft hyphens,
// zero-width and control characters dropped ('\n', '\t', '\f' kept); CRLF and CR made '\n';
// escapes left by converters (\$, \_, \*, \#, ...) unescaped; a word hyphenated across a
// line end ("coope-\nración") rejoined, the line break kept after the word, unless the part
// before the hyphen is a whole word that a hyphen joins to the next (KeepsLineEndHyphen).
// Idempotent.
//
// Threads: pure functions (KeepsLineEndHyphen loads its word list once, thread-safely).
#ifndef ACERVO_CORE_LOAD_NORMALIZE_H_
#define ACERVO_CORE_LOAD_NORMALIZE_H_

#include <string>
#include <string_view>

namespace acervo {

std::string NormalizeText(std::string_view text);

// Whether `word`, set before a hyphen at a line end, is a whole word the hyphen joins to the
// next one rather than the first part of a word broken there: a month name
// (data/loader/months.tsv), as in a range "febrero-" / "diciembre 2022" wrapped in a table
// cell. Case and accents folded.
bool KeepsLineEndHyphen(std::string_view word);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_NORMALIZE_H_
