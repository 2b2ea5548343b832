// load/office/html_charset.h — an HTML page's bytes made UTF-8, whatever it declared.
//
// Promises: the encoding is taken from a byte order mark, else from the first `charset=` in
// the page's first 4 KB (<meta charset>, or http-equiv Content-Type); UTF-8 bytes pass
// through; ISO-8859-1 and ASCII are read as Windows-1252 (as browsers do); any other declared
// encoding iconv knows is converted. An undeclared or unknown encoding in bytes that are not
// UTF-8 is read as Windows-1252, and bytes a converter cannot read become U+FFFD: both add a
// warning; neither fails. Safe from any thread.
#ifndef ACERVO_CORE_LOAD_OFFICE_HTML_CHARSET_H_
#define ACERVO_CORE_LOAD_OFFICE_HTML_CHARSET_H_

#include <string>
#include <string_view>
#include <vector>

namespace acervo {

std::string HtmlToUtf8(std::string_view bytes, std::vector<std::string>* warnings);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_OFFICE_HTML_CHARSET_H_
