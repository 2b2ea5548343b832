// line_marks.h — what opens a line ahead of its text, often set apart from it by a tab or a
// hanging indent: a list marker ("-", "•", "a)", "1.", "2.3.") and the label of a section
// of a legal or administrative text ("ARTÍCULO 63º:", "TITULO I:", "Capítulo 2."; the RE2
// patterns of core/data/loader/section_labels.tsv, matched whole and case-insensitively).
//
// Threads: pure functions (the label patterns load once, thread-safely; without the data
// file no text is a label).
#ifndef ACERVO_CORE_LOAD_LINE_MARKS_H_
#define ACERVO_CORE_LOAD_LINE_MARKS_H_

#include <string>
#include <string_view>

namespace acervo {

// One word that marks a list item.
bool IsListMarker(const std::string& word);

// Text (its words joined by single spaces) that labels a section: "ARTÍCULO 63º:".
bool IsSectionLabel(std::string_view text);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_LINE_MARKS_H_
