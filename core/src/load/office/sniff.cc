// SniffOffice (office.h): the few bytes that tell a DOCX, an ODT or an HTML page apart.
#include <algorithm>
#include <cctype>

#include "load/office/office.h"
#include "load/office/zip_package.h"

namespace acervo {

std::string SniffOffice(std::string_view bytes) {
  if (IsCfb(bytes)) return "ole";
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    // ODF stores "mimetype" first and uncompressed, so its value sits right after the name.
    if (bytes.substr(30, 8) == "mimetype" &&
        bytes.substr(38, 39) == "application/vnd.oasis.opendocument.text") {
      return "odt";
    }
    if (bytes.find("word/document.xml") != std::string_view::npos) return "docx";
    return "";
  }
  std::string_view head = bytes.substr(0, 1024);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || head[first] != '<') return "";
  std::string lower(head.substr(first));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.find("<!doctype html") != std::string::npos ||
      lower.find("<html") != std::string::npos) {
    return "html";
  }
  return "";
}

}  // namespace acervo
