// paragraph_pieces.h — a paragraph cut into pieces that each report one activity, at the
// places where a piece opens with its own date: its lines ("El 09 de enero, el Director …"
// twice or more: a bulleted list whose markers a PDF lost), or the sentences of a
// chronology's entry ("El 14 de septiembre el BID aprobó …. En octubre del mismo año …").
// Pure functions over text and byte offsets; thread-compatible.
#ifndef ACERVO_CORE_RECORDS_PARAGRAPH_PIECES_H_
#define ACERVO_CORE_RECORDS_PARAGRAPH_PIECES_H_

#include <string_view>
#include <vector>

namespace acervo {

struct Piece {
  size_t begin = 0, end = 0;  // byte span in the paragraph
};

// One piece per start (sorted byte offsets), each running to the next start, without the
// spaces and line breaks before it.
std::vector<Piece> CutAt(std::string_view text, const std::vector<size_t>& starts);

// The starts of the lines of `text` that open with one of `dates` (byte offsets of the
// activity dates), at most 4 bytes in ("- El 09 de enero" counts).
std::vector<size_t> DateLedLines(std::string_view text, const std::vector<size_t>& dates);

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_PARAGRAPH_PIECES_H_
