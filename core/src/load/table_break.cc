#include "load/table_break.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "acervo/text.h"
#include "load/normalize.h"

namespace acervo {
namespace {

// How many header rows a repeated header may have.
constexpr size_t kHeaderRows = 3;

size_t Fields(const LaidLine& line) {
  return 1 + static_cast<size_t>(std::count(line.text.begin(), line.text.end(), '\t'));
}

// The text of each '\t'-separated field of `text`, with where it starts.
std::vector<std::pair<size_t, std::string>> FieldsOf(const std::string& text) {
  std::vector<std::pair<size_t, std::string>> out;
  size_t start = 0;
  while (true) {
    size_t tab = text.find('\t', start);
    out.emplace_back(start, text.substr(start, tab == std::string::npos ? tab : tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}

// Whether every field of `row` with text starts with a lower-case letter (and one does).
bool ContinuesCells(const LaidLine& row) {
  bool any = false;
  for (const auto& [start, field] : FieldsOf(row.text)) {
    if (field.empty()) continue;
    size_t pos = 0;
    if (!u_islower(static_cast<UChar32>(NextCodePoint(field, &pos)))) return false;
    any = true;
  }
  return any;
}

// `row` with the cells of `rest` (as many fields) appended to its own, cell by cell: after a
// space, or rejoining a word hyphenated over the break.
void AppendCells(const LaidLine& rest, LaidLine* row) {
  auto head = FieldsOf(row->text), tail = FieldsOf(rest.text);
  std::string text;
  std::vector<PlacedWord> words;
  auto move_words = [&](const LaidLine& from, size_t begin, size_t end, size_t to) {
    for (PlacedWord w : from.words) {
      if (w.begin < begin || w.begin > end) continue;
      w.begin = w.begin - begin + to, w.end = w.end - begin + to;
      words.push_back(w);
    }
  };
  for (size_t f = 0; f < head.size(); ++f) {
    if (f > 0) text.push_back('\t');
    const auto& [start, mine] = head[f];
    move_words(*row, start, start + mine.size(), text.size());
    text += mine;
    const auto& [rest_start, more] = tail[f];
    if (more.empty()) continue;
    size_t word = mine.find_last_of(' ') + 1;  // 0 when there is no space
    bool broken = mine.size() >= 2 && mine.back() == '-';
    bool compound =
        broken && KeepsLineEndHyphen(std::string_view(mine).substr(word, mine.size() - 1 - word));
    if (broken && !compound) {
      text.pop_back();
    } else if (!mine.empty() && !compound) {
      text.push_back(' ');
    }
    move_words(rest, rest_start, rest_start + more.size(), text.size());
    text += more;
  }
  row->text = std::move(text);
  row->words = std::move(words);
  row->box = row->box.United(rest.box);
}

// The body lines (not furniture) of a page, in order.
std::vector<size_t> Body(const std::vector<bool>& furniture) {
  std::vector<size_t> out;
  for (size_t l = 0; l < furniture.size(); ++l) {
    if (!furniture[l]) out.push_back(l);
  }
  return out;
}

}  // namespace

void JoinTablesOverPageBreaks(std::vector<PageLines>* pages,
                              std::vector<std::vector<bool>>* furniture) {
  std::vector<std::string> first_rows;  // of the table the previous page ended in
  LaidLine* last_row = nullptr;         // the previous page's last line, a row of that table
  for (size_t p = 0; p < pages->size(); ++p) {
    std::vector<LaidLine>& lines = (*pages)[p].lines;
    std::vector<size_t> body = Body((*furniture)[p]);
    bool continued = last_row != nullptr && !body.empty() && lines[body[0]].table_row &&
                     Fields(lines[body[0]]) == Fields(*last_row);
    size_t k = 0;
    for (; continued && k < body.size() && k < first_rows.size(); ++k) {
      const LaidLine& line = lines[body[k]];
      if (!line.table_row || !SameLineText(line.text, first_rows[k])) break;
      (*furniture)[p][body[k]] = true;
    }
    body.erase(body.begin(), body.begin() + k);
    if (continued && !body.empty() && lines[body[0]].table_row &&
        Fields(lines[body[0]]) == Fields(*last_row) && ContinuesCells(lines[body[0]])) {
      AppendCells(lines[body[0]], last_row);
      lines.erase(lines.begin() + body[0]);
      (*furniture)[p].erase((*furniture)[p].begin() + body[0]);
      body = Body((*furniture)[p]);
    }
    // The table this page ends in, and its first rows: this page's, unless it goes on from
    // the previous page and fills this one.
    last_row = nullptr;
    if (body.empty() || !lines[body.back()].table_row) continue;
    size_t start = body.size() - 1;
    while (start > 0 && lines[body[start - 1]].table_row &&
           Fields(lines[body[start - 1]]) == Fields(lines[body.back()])) {
      --start;
    }
    last_row = &lines[body.back()];
    if (start == 0 && continued) continue;
    first_rows.clear();
    for (size_t i = start; i < body.size() && first_rows.size() < kHeaderRows; ++i) {
      first_rows.push_back(lines[body[i]].text);
    }
  }
}

}  // namespace acervo
