// load/office/office.h — Word (DOCX), OpenDocument text (ODT) and HTML files read directly,
// without converting them through another program.
//
// Each reader returns the Document the text loader would return for the same content written
// as markdown: one line per paragraph, heading or list item (list items keep a "- " or "N. "
// marker and two spaces of indent per level), table rows as tab-separated cells (a cell
// spanning columns is followed by empty cells; the continuation of a vertically merged cell
// is empty), a blank line between blocks, then FindStructure (text_loader.h) and
// NormalizeText (normalize.h). Footnotes and endnotes follow the text on the last page;
// headers and footers go to Page::furniture; text boxes are read where they are anchored;
// an explicit page break starts a new page.
//
// Bad input ends as a Status, never a crash: an encrypted Office file (a CFB container, not a
// ZIP), a corrupt ZIP, a part larger than kMaxPartBytes uncompressed (a zip bomb), XML that
// does not parse. HTML in an undeclared or unknown encoding that is not UTF-8 is read as
// Windows-1252 with a warning. Messages do not name the file: LoadBytes prefixes it.
// Pure functions of their input; safe from any thread.
#ifndef ACERVO_CORE_LOAD_OFFICE_OFFICE_H_
#define ACERVO_CORE_LOAD_OFFICE_OFFICE_H_

#include <string>
#include <string_view>

#include "acervo/document.h"
#include "acervo/status.h"

namespace acervo {

// `source` names the file in warnings; the caller sets DocumentInfo's id, source and type.
Result<Document> ReadDocx(std::string_view bytes, const std::string& source);
Result<Document> ReadOdt(std::string_view bytes, const std::string& source);
// The page's <title> becomes DocumentInfo::title. Its publication date (<meta>
// article:published_time, date, DC.date, ...), as written, goes to `*published` when given:
// metadata, never page text (DocumentInfo has no field for it yet).
Result<Document> ReadHtml(std::string_view bytes, const std::string& source,
                          std::string* published = nullptr);

// What the bytes look like: "docx", "odt", "html", "ole" (a CFB container: an encrypted
// OOXML file or a legacy .doc), or "" for none of these.
std::string SniffOffice(std::string_view bytes);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_OFFICE_OFFICE_H_
