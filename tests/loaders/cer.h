// cer.h — character error rate between a reference text and a hypothesis.
//
// Both texts are NFC-normalized and every run of whitespace (spaces, tabs, line breaks, form
// feeds) becomes one space, ends trimmed; the CER is the Levenshtein distance over code points
// divided by the reference length. The distance uses Myers' bit-parallel algorithm, so whole
// documents (10^5 characters each) compare in well under a second.
#ifndef ACERVO_TESTS_LOADERS_CER_H_
#define ACERVO_TESTS_LOADERS_CER_H_

#include <string>
#include <string_view>

namespace acervo {

// NFC, whitespace runs collapsed to ' ', trimmed.
std::u32string CerNormalize(std::string_view utf8);

// Levenshtein distance (insertions, deletions, substitutions all cost 1).
size_t EditDistance(const std::u32string& a, const std::u32string& b);

struct CerResult {
  size_t edits = 0;
  size_t reference_chars = 0;
  double cer() const { return reference_chars ? double(edits) / reference_chars : 0; }
};

struct CerOptions {
  // Drop list markers ("- ", "* ", "• ") at line starts on both sides first: markdown sources
  // spell bullets as text while PDFs draw them as graphics.
  bool ignore_list_markers = false;
};

CerResult CharacterErrorRate(std::string_view reference, std::string_view hypothesis,
                             const CerOptions& options = CerOptions());

}  // namespace acervo

#endif  // ACERVO_TESTS_LOADERS_CER_H_
