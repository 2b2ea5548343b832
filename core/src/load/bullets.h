// bullets.h — list items whose marker is not in the text.
//
// Born-digital PDFs often draw list bullets (a filled disc) instead of writing a glyph, and
// OCR reads such discs as "+", "»" or "*", on the item's line or on a line of their own.
// Either way the item's first line has a small mark just to its left. Such a line gets "- "
// in front, as a text export writes a list item, so the structure finder sees a bullet and
// the text reads as the document shows it. Drawn marks come from the page's vector graphics
// (no rendering), misread ones from the OCR words.
#ifndef ACERVO_CORE_LOAD_BULLETS_H_
#define ACERVO_CORE_LOAD_BULLETS_H_

#include <vector>

#include "acervo/document.h"
#include "load/layout.h"
#include "load/ocr.h"

namespace acervo {

// Takes out of OCR `words` the ones that are misread bullets: one or two marker glyphs
// starting an engine line, alone on it or followed by a wide gap. Returns their boxes.
std::vector<Box> TakeOcrMarks(std::vector<Word>* words);

// The lines that may have a drawn marker: indented from the page's leftmost line by half an
// em to three ems (a list's indent, not a centred title), not table rows, and not already
// starting with a bullet glyph.
std::vector<size_t> MarkCandidates(const std::vector<LaidLine>& lines);

// The region to look for the marker of `line` in: up to 2.5 em left of its first line.
Box MarkRegion(const LaidLine& line);

// The drawn marks among the page's filled paths `fills` (see vector_graphics.h): a path
// from 0.15 to 0.8 em either way, no more than twice as long as it is wide, alone in the
// MarkRegion of one of the `candidates`. Boxes are in points.
std::vector<Box> MarksAmong(const std::vector<Box>& fills, const std::vector<LaidLine>& lines,
                            const std::vector<size_t>& candidates);

// Puts "- " in front of each line with one of `marks` in its MarkRegion (each mark serves
// the nearest line), shifting the line's word spans.
void AddListMarkers(const std::vector<Box>& marks, std::vector<LaidLine>* lines);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_BULLETS_H_
