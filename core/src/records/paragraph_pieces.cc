#include "records/paragraph_pieces.h"

#include <algorithm>

namespace acervo {

std::vector<Piece> CutAt(std::string_view text, const std::vector<size_t>& starts) {
  std::vector<Piece> out;
  for (size_t k = 0; k < starts.size(); ++k) {
    size_t e = k + 1 < starts.size() ? starts[k + 1] : text.size();
    while (e > starts[k] && (text[e - 1] == '\n' || text[e - 1] == ' ')) --e;
    out.push_back({starts[k], e});
  }
  return out;
}

std::vector<size_t> DateLedLines(std::string_view text, const std::vector<size_t>& dates) {
  std::vector<size_t> starts;
  for (size_t line = 0; line < text.size();) {
    size_t nl = text.find('\n', line);
    if (std::any_of(dates.begin(), dates.end(),
                    [&](size_t at) { return at >= line && at <= line + 4 && at < nl; })) {
      starts.push_back(line);
    }
    if (nl == std::string_view::npos) break;
    line = nl + 1;
  }
  return starts;
}

}  // namespace acervo
