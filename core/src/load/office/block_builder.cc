#include "load/office/block_builder.h"

#include <algorithm>

#include "load/normalize.h"

namespace acervo {

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

BlockBuilder::BlockBuilder() : pages_(1), hints_(1) {}

void BlockBuilder::AddLine(std::string text, const LineHint& hint, Last kind) {
  Page& page = pages_.back();
  std::vector<LineHint>& hints = hints_.back();
  // A blank line between blocks, as markdown has; list items and the rows of one table stay
  // together.
  bool together = (kind == last_ && (kind == Last::kListItem || kind == Last::kTableRow)) ||
                  kind == Last::kParagraphLine;
  if (!page.text.empty() || !hints.empty()) {
    page.text.push_back('\n');
    if (!together) {
      hints.emplace_back();
      page.text.push_back('\n');
    }
  }
  page.text += NormalizeText(text);
  hints.push_back(hint);
  last_ = kind;
}

void BlockBuilder::Heading(std::string_view text, int level) {
  std::string line = CollapseSpaces(text);
  if (line.empty()) return;
  LineHint hint;
  hint.heading_level = std::clamp(level, 1, 6);
  AddLine(std::move(line), hint, Last::kBlock);
}

void BlockBuilder::Paragraph(std::string_view text, bool bold) {
  // Each line break of the paragraph is a line of the page, as a wrapped markdown paragraph
  // has: plain lines in a row are one paragraph block, a caption line stays a caption.
  bool first = true;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t nl = text.find('\n', begin);
    std::string line =
        CollapseSpaces(text.substr(begin, nl == std::string_view::npos ? nl : nl - begin));
    if (!line.empty()) {
      LineHint hint;
      hint.bold = bold;
      AddLine(std::move(line), hint, first ? Last::kBlock : Last::kParagraphLine);
      first = false;
    }
    if (nl == std::string_view::npos) break;
    begin = nl + 1;
  }
}

void BlockBuilder::ListItem(std::string_view text, int level, std::string_view marker) {
  std::string body = CollapseSpaces(text);
  if (body.empty()) return;
  std::string line(2 * static_cast<size_t>(std::clamp(level, 0, 8)), ' ');
  line.append(marker).push_back(' ');
  AddLine(line + body, LineHint{}, Last::kListItem);
}

void BlockBuilder::TableRow(const std::vector<std::string>& cells) {
  std::string row;
  bool any = false;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) row.push_back('\t');
    std::string cell = CollapseSpaces(cells[i]);
    any = any || !cell.empty();
    row += cell;
  }
  if (!any) return;
  LineHint hint;
  hint.table_row = true;
  AddLine(std::move(row), hint, Last::kTableRow);
}

void BlockBuilder::EndTable() {
  if (last_ == Last::kTableRow) last_ = Last::kBlock;
}

void BlockBuilder::PageBreak() {
  if (pages_.back().text.empty()) return;  // a break before any text starts no page
  pages_.emplace_back();
  hints_.emplace_back();
  last_ = Last::kNone;
}

void BlockBuilder::Furniture(std::string_view text) {
  std::string line = CollapseSpaces(text);
  if (!line.empty() && std::find(furniture_.begin(), furniture_.end(), line) == furniture_.end()) {
    furniture_.push_back(NormalizeText(line));
  }
}

void BlockBuilder::Note(std::string_view text) {
  std::string line = CollapseSpaces(text);
  if (!line.empty()) notes_.push_back(std::move(line));
}

Document BlockBuilder::Build() && {
  for (std::string& note : notes_) AddLine(std::move(note), LineHint{}, Last::kBlock);
  if (pages_.size() > 1 && pages_.back().text.empty()) {
    pages_.pop_back();
    hints_.pop_back();
  }
  Document doc;
  doc.pages = std::move(pages_);
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    doc.pages[i].number = static_cast<int>(i) + 1;
    doc.pages[i].furniture = furniture_;
  }
  FindStructure(&doc, hints_);
  doc.warnings = std::move(warnings_);
  return doc;
}

}  // namespace acervo
