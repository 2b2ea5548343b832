#include "records/agenda_item.h"

#include <re2/re2.h>

#include <algorithm>

namespace acervo {

size_t AgendaItemTitleEnd(std::string_view paragraph) {
  static const RE2 kLabel(
      R"((?i)^\s*(?:primero|segundo|tercero|cuarto|quinto|sexto|s[eé]ptimo|octavo|noveno|)"
      R"(d[eé]cimo)\s*(?:\.\s*[-–—]|:\s*[-–—]?|[-–—])\s*)");
  re2::StringPiece rest(paragraph.data(), paragraph.size());
  if (!RE2::Consume(&rest, kLabel)) return 0;
  size_t title_begin = paragraph.size() - rest.size();
  size_t stop = paragraph.find(". ", title_begin);
  size_t line = paragraph.find(".\n", title_begin);
  stop = std::min(stop, line);
  if (stop == std::string_view::npos || stop == title_begin || stop - title_begin > 120) return 0;
  std::string_view title = paragraph.substr(title_begin, stop - title_begin);
  if (std::count(title.begin(), title.end(), ' ') >= 12) return 0;
  return stop;
}

}  // namespace acervo
