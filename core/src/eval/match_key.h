// match_key.h — the normal forms the scorer compares, so that two spellings of the same
// thing compare equal and nothing else does.
#ifndef ACERVO_CORE_EVAL_MATCH_KEY_H_
#define ACERVO_CORE_EVAL_MATCH_KEY_H_

#include <string>
#include <string_view>

namespace acervo::eval {

// Text reduced to its words: HTML tags and entities and markdown emphasis (**, __) removed
// as the text loader removes them, then lower-cased and accent-free (acervo::Fold), every
// run of other characters (punctuation, quotes, bullets, line breaks) made one space, and
// trimmed. "**Secretaría de  Salud**," and "SECRETARIA DE SALUD" give "secretaria de salud".
std::string MatchKey(std::string_view text);

// A decimal string in its shortest exact form: "100000.00" -> "100000", "0012.50" -> "12.5",
// "-0.0" -> "0". Digits only, never through floating point. Anything that is not a plain
// decimal number is returned unchanged, so it matches only itself.
std::string CanonicalDecimal(std::string_view amount);

}  // namespace acervo::eval

#endif  // ACERVO_CORE_EVAL_MATCH_KEY_H_
