#include "load/text_loader.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "acervo/text.h"
#include "load/loader_data.h"
#include "load/normalize.h"
#include "load/pipe_table.h"

namespace acervo {
namespace {

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return s.substr(b, e - b);
}

// Removes HTML tags and entities and markdown emphasis from one line. Block-level tags
// become a space so list items in a table cell stay apart.
std::string StripMarkup(std::string_view line, bool* all_bold) {
  static const RE2 kInline(R"(</?(?i:b|strong|i|em|u|span|sup|sub|font)(?:\s[^>]*)?>)");
  static const RE2 kBlock(R"(</?(?i:ul|ol|li|p|br|div|tr|td|th|table|tbody|thead)(?:\s[^>]*)?/?>)");
  std::string s(line);
  std::string_view t = Trim(s);
  *all_bold = (t.size() > 4 && t.substr(0, 2) == "**" && t.substr(t.size() - 2) == "**") ||
              (t.size() > 7 && RE2::FullMatch(t, R"((?i)<b>.*</b>)") &&
               t.find("<b>", 3) == std::string_view::npos);
  RE2::GlobalReplace(&s, kInline, "");
  RE2::GlobalReplace(&s, kBlock, " ");
  RE2::GlobalReplace(&s, R"(\*\*|__)", "");
  // Single-asterisk emphasis ("*Idem.*"); a lone asterisk (a footnote mark) stays.
  static const RE2 kEmphasis(R"((^|[\s(“"])\*([^\s*](?:[^*]*[^\s*])?)\*)");
  RE2::GlobalReplace(&s, kEmphasis, "\\1\\2");
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&nbsp;", " "},  {"&amp;", "&"}, {"&lt;", "<"},  {"&gt;", ">"},
      {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}};
  for (const auto& [from, to] : kEntities) {
    for (size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, strlen(from), to);
  }
  // Collapse the spaces the removals left behind, keeping tabs (cell separators).
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == ' ' && !out.empty() && (out.back() == ' ' || out.back() == '\t')) continue;
    if (c == '\t')
      while (!out.empty() && out.back() == ' ') out.pop_back();
    out.push_back(c);
  }
  return out;
}

enum class LineKind { kBlank, kHeading, kBullet, kTableRow, kCaption, kText };

struct Line {
  size_t begin = 0, end = 0;  // content span in the page text (markers excluded)
  LineKind kind = LineKind::kBlank;
  int level = 0;
  Box box;
};

bool IsMostlyUpper(std::string_view s) {
  int upper = 0, lower = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = NextCodePoint(s, &pos);
    std::string one;
    AppendUtf8(cp, &one);
    std::string folded = Fold(one);
    if (folded != one)
      ++upper;
    else if (IsWordCodePoint(cp) && !(cp >= '0' && cp <= '9'))
      ++lower;
  }
  return upper >= 3 && lower * 5 <= upper;
}

// The caption patterns of captions.tsv (loader_data.h), anchored at the line's start. Like
// furniture.tsv's, a missing or bad file leaves them out (no line is then a caption).
const RE2* CaptionPatterns() {
  static const std::unique_ptr<RE2> patterns = DataPatternsOrNone("captions.tsv", "^", "");
  return patterns.get();
}

// A heading that ends with a word no heading ends with (heading_connectors.tsv: `de`, `y`,
// `para` …) goes on in the heading line below it. The file's rows are words, compared
// case-insensitively with the heading's last word (what `(?:^|\s)(?:de|y|…)\s*$` matched);
// a row that is more than a word makes them RE2 patterns of that form.
bool HeadingGoesOn(std::string_view heading) {
  static const std::optional<std::vector<std::u32string>> words =
      DataWordsOrNone("heading_connectors.tsv");
  if (words) {
    auto space = [](char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    };
    size_t end = heading.size();
    while (end > 0 && space(heading[end - 1])) --end;
    size_t begin = end;
    while (begin > 0 && !space(heading[begin - 1])) --begin;
    std::u32string last = SimpleCaseFold(heading.substr(begin, end - begin));
    return std::find(words->begin(), words->end(), last) != words->end();
  }
  static const std::unique_ptr<RE2> connectors =
      DataPatternsOrNone("heading_connectors.tsv", "(?:^|\\s)", "\\s*$");
  return connectors && RE2::PartialMatch(heading, *connectors);
}

Line Classify(std::string_view text, size_t line_begin, const LineHint& hint) {
  static const RE2 kBullet(R"(^(\s*(?:[-*•●▪◦·+]|\d{1,2}[.)]|[a-z][)]))\s+\S)");
  static const RE2 kNumberedTitle(R"(^((\d{1,2})((?:\.\d{1,2}){0,3})\.?)\s+\S)");
  Line line;
  std::string_view t = Trim(text);
  if (t.empty()) return line;
  line.begin = line_begin + (t.data() - text.data());
  line.end = line.begin + t.size();
  if (hint.table_row || t.find('\t') != std::string_view::npos) {
    // Tabs at either end are empty cells: the row keeps them, only spaces are trimmed.
    size_t b = 0, e = text.size();
    while (b < e && text[b] == ' ') ++b;
    while (e > b && text[e - 1] == ' ') --e;
    line.begin = line_begin + b;
    line.end = line_begin + e;
    line.kind = LineKind::kTableRow;
    return line;
  }
  if (hint.heading_level > 0) {
    line.kind = LineKind::kHeading;
    line.level = hint.heading_level;
    return line;
  }
  if (const RE2* captions = CaptionPatterns(); captions && RE2::PartialMatch(t, *captions)) {
    line.kind = LineKind::kCaption;
    return line;
  }
  std::string number, first, rest;
  if (t.size() <= 110 && RE2::PartialMatch(t, kNumberedTitle, &number, &first, &rest) &&
      (IsMostlyUpper(t) || t.back() == '.' || t.find(". ") == std::string_view::npos ||
       hint.bold)) {  // a bold "1. Redes de ciudades" is a section title, not a list item
    line.kind = LineKind::kHeading;
    line.level = 2 + static_cast<int>(std::count(rest.begin(), rest.end(), '.'));
    return line;
  }
  std::string marker;
  if (RE2::PartialMatch(t, kBullet, &marker)) {
    line.kind = LineKind::kBullet;
    line.begin = line_begin + (t.data() - text.data()) + marker.size();
    while (line.begin < line.end && text[line.begin - line_begin] == ' ') ++line.begin;
    return line;
  }
  if (hint.bold && t.size() <= 200) {  // bytes: a bold title of up to two lines
    line.kind = LineKind::kHeading;
    line.level = 3;
    return line;
  }
  if (t.size() <= 100 && IsMostlyUpper(t)) {
    line.kind = LineKind::kHeading;
    line.level = 2;
    return line;
  }
  line.kind = LineKind::kText;
  return line;
}

std::vector<std::string> Cells(std::string_view row) {
  std::vector<std::string> cells;
  size_t start = 0;
  while (true) {
    size_t tab = row.find('\t', start);
    cells.emplace_back(Trim(row.substr(start, tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cells;
}

bool SameRow(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Fold(a[i]) != Fold(b[i])) return false;
  }
  return true;
}

}  // namespace

// Longer than 80 lines: one pass over each page's lines whose state (the table being filled,
// the one a title interrupted, the captions waiting for a table, the previous page's open
// table) every case reads and updates; split up, that state would travel through every part.
void FindStructure(Document* document, const std::vector<std::vector<LineHint>>& hints) {
  int open_table = -1;  // the table the previous page ended in, for continuation
  for (size_t p = 0; p < document->pages.size(); ++p) {
    Page& page = document->pages[p];
    page.blocks.clear();
    const std::string& text = page.text;
    std::vector<Line> lines;
    size_t begin = 0;
    for (int i = 0; begin <= text.size(); ++i) {
      size_t nl = text.find('\n', begin);
      size_t end = nl == std::string::npos ? text.size() : nl;
      LineHint hint;
      if (p < hints.size() && static_cast<size_t>(i) < hints[p].size()) hint = hints[p][i];
      lines.push_back(Classify(std::string_view(text).substr(begin, end - begin), begin, hint));
      lines.back().box = hint.box;
      if (nl == std::string::npos) break;
      begin = nl + 1;
    }

    int table = -1;  // the table being filled on this page
    // A table that one title line has just interrupted: a group row spanning the table
    // ("Área 11 – Gestión interna", bold, no cell separators) that the layout made a line.
    int interrupted = -1;
    bool table_at_page_top = true;
    std::vector<size_t> pending_captions;  // caption blocks waiting for their table
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& line = lines[i];
      int line_no = page.first_line > 0 ? page.first_line + static_cast<int>(i) : 0;
      if (line.kind != LineKind::kTableRow && line.kind != LineKind::kBlank) {
        interrupted = table >= 0 && line.kind == LineKind::kHeading ? table : -1;
        table = -1;
        table_at_page_top = false;
      }
      switch (line.kind) {
        case LineKind::kBlank:
          break;
        case LineKind::kTableRow: {
          std::vector<std::string> cells =
              Cells(std::string_view(text).substr(line.begin, line.end - line.begin));
          Block block{
              SegmentKind::kTableRow, line.begin, line.end, 0, -1, false, line_no, line.box};
          if (table < 0 && interrupted >= 0 && pending_captions.empty() &&
              cells.size() == document->tables[interrupted].header.size() &&
              !SameRow(cells, document->tables[interrupted].header)) {
            table = interrupted;  // the rows under a group row go on with their table
          }
          if (table < 0) {
            // A new table, or the continuation of the previous page's table.
            if (table_at_page_top && open_table >= 0 &&
                (SameRow(cells, document->tables[open_table].header) ||
                 (pending_captions.empty() &&
                  cells.size() == document->tables[open_table].header.size()))) {
              table = open_table;
              block.header_row = SameRow(cells, document->tables[table].header);
            } else {
              table = static_cast<int>(document->tables.size());
              Table t;
              t.header = cells;
              for (size_t c : pending_captions) {
                Block& cap = page.blocks[c];
                cap.table = table;
                t.caption.push_back(text.substr(cap.begin, cap.end - cap.begin));
              }
              document->tables.push_back(std::move(t));
              block.header_row = true;
            }
            pending_captions.clear();
          }
          block.table = table;
          page.blocks.push_back(block);
          break;
        }
        case LineKind::kCaption:
          page.blocks.push_back(
              Block{SegmentKind::kCaption, line.begin, line.end, 0, -1, false, line_no, line.box});
          pending_captions.push_back(page.blocks.size() - 1);
          continue;  // keep pending captions
        case LineKind::kHeading: {
          Block* above = page.blocks.empty() ? nullptr : &page.blocks.back();
          if (i > 0 && lines[i - 1].kind == LineKind::kHeading && above &&
              above->kind == SegmentKind::kHeading &&
              HeadingGoesOn(
                  std::string_view(text).substr(above->begin, above->end - above->begin))) {
            above->end = line.end;
            above->box = above->box.United(line.box);
            break;
          }
          page.blocks.push_back(Block{SegmentKind::kHeading, line.begin, line.end, line.level, -1,
                                      false, line_no, line.box});
          break;
        }
        case LineKind::kBullet:
          page.blocks.push_back(
              Block{SegmentKind::kBullet, line.begin, line.end, 0, -1, false, line_no, line.box});
          break;
        case LineKind::kText: {
          bool continues = i > 0 && lines[i - 1].kind == LineKind::kText && !page.blocks.empty() &&
                           page.blocks.back().kind == SegmentKind::kParagraph;
          if (continues) {
            page.blocks.back().end = line.end;
            page.blocks.back().box = page.blocks.back().box.United(line.box);
          } else {
            page.blocks.push_back(Block{SegmentKind::kParagraph, line.begin, line.end, 0, -1, false,
                                        line_no, line.box});
          }
          break;
        }
      }
      if (line.kind != LineKind::kBlank) {
        // A caption not followed by a table (only blank lines may stand between) is text.
        for (size_t c : pending_captions) {
          if (page.blocks[c].table < 0) page.blocks[c].kind = SegmentKind::kParagraph;
        }
        pending_captions.clear();
      }
    }
    open_table = table;
  }
}

Result<Document> LoadText(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t before = pos;
    if (NextCodePoint(bytes, &pos) == 0xFFFD && bytes.substr(before, 3) != "\xEF\xBF\xBD") {
      return Corrupt("not UTF-8 text (invalid byte at offset " + std::to_string(before) + ")");
    }
  }
  if (bytes.find('\0') != std::string_view::npos) {
    return Corrupt("not a text file (contains NUL bytes)");
  }
  // Pipe tables first: normalization would unescape their `\|`.
  std::vector<bool> pipe_rows;
  std::string text = NormalizeText(PipeTablesToTabs(bytes, &pipe_rows));

  Document doc;
  std::vector<std::vector<LineHint>> hints;
  static const RE2 kMdHeading(R"(^\s{0,3}(#{1,6})\s+)");
  int line_no = 1;
  size_t page_begin = 0;
  while (true) {
    size_t ff = text.find('\f', page_begin);
    std::string_view raw =
        std::string_view(text).substr(page_begin, ff == std::string::npos ? ff : ff - page_begin);
    Page page;
    page.number = static_cast<int>(doc.pages.size()) + 1;
    page.first_line = line_no;
    std::vector<LineHint> page_hints;
    size_t b = 0;
    while (true) {
      size_t nl = raw.find('\n', b);
      std::string_view line = raw.substr(b, nl == std::string_view::npos ? nl : nl - b);
      LineHint hint;
      size_t at = static_cast<size_t>(line_no - 1);
      hint.table_row = at < pipe_rows.size() && pipe_rows[at];
      re2::StringPiece rest(line.data(), line.size());
      std::string hashes;
      if (!hint.table_row && RE2::Consume(&rest, kMdHeading, &hashes)) {
        hint.heading_level = static_cast<int>(hashes.size());
        line = std::string_view(rest.data(), rest.size());
      }
      page.text += StripMarkup(line, &hint.bold);
      page_hints.push_back(hint);
      if (nl == std::string_view::npos) break;
      page.text.push_back('\n');
      ++line_no;
      b = nl + 1;
    }
    doc.pages.push_back(std::move(page));
    hints.push_back(std::move(page_hints));
    if (ff == std::string::npos) break;
    page_begin = ff + 1;
  }
  // A trailing form feed leaves an empty last page: drop it.
  if (doc.pages.size() > 1 && Trim(doc.pages.back().text).empty()) {
    doc.pages.pop_back();
    hints.pop_back();
  }
  FindStructure(&doc, hints);
  return doc;
}

}  // namespace acervo
