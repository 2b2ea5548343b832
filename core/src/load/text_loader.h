// text_loader.h — plain text and markdown exports of reports.
//
// Pages are split at form feeds. Each source line becomes one line of the page text (so a
// mention's line in the source is its page's first_line plus the line breaks before it),
// with markup removed: '#' markers, '**', HTML tags and entities. Lines are classified into
// headings ('#', bold-only lines, short upper-case lines, numbered section titles), bullets,
// table rows (cells separated by tabs, empty cells at either end kept; consecutive rows form
// a table, its caption lines just before it, as captions.tsv describes them; a table whose
// header row repeats at the top of the next page continues there), captions and paragraphs
// (consecutive plain lines). Markdown pipe tables are read as tab-separated rows (see
// pipe_table.h), their `|---|` rule left as an empty line.
#ifndef ACERVO_CORE_LOAD_TEXT_LOADER_H_
#define ACERVO_CORE_LOAD_TEXT_LOADER_H_

#include <string_view>
#include <vector>

#include "acervo/document.h"
#include "acervo/status.h"

namespace acervo {

// `bytes` must be UTF-8 (a BOM is dropped); anything else is an error naming the offset.
Result<Document> LoadText(std::string_view bytes);

// What a loader knows about one line of a page beyond its text.
struct LineHint {
  int heading_level = 0;   // > 0: the source marks the line as a heading of this level
  bool bold = false;       // the whole line is bold
  bool table_row = false;  // the source marks the line as a table row (a pipe table's)
  Box box{};               // where the line sits on a PDF page; empty for text sources
};

// Splits the pages' text (already set, one '\n' per line) into blocks and tables.
// `hints[p][i]` describes line i of page p; missing hints mean none.
void FindStructure(Document* document, const std::vector<std::vector<LineHint>>& hints);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_TEXT_LOADER_H_
