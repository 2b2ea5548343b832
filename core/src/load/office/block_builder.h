// load/office/block_builder.h — the one place the DOCX, ODT and HTML readers turn what they
// read (headings, paragraphs, list items, table rows, page breaks, notes, furniture) into a
// Document shaped exactly like the text loader's (see office.h for the line layout).
//
// Promises: every line is cleaned (tabs, line breaks and runs of spaces inside a paragraph or
// cell become one space; ends trimmed) and normalized (normalize.h); empty paragraphs vanish;
// Build runs FindStructure (text_loader.h) with the headings and table rows the reader knew,
// so blocks, tables, captions and header rows come out as they would from the markdown.
// Not thread-safe; one builder per document.
#ifndef ACERVO_CORE_LOAD_OFFICE_BLOCK_BUILDER_H_
#define ACERVO_CORE_LOAD_OFFICE_BLOCK_BUILDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "acervo/document.h"
#include "load/text_loader.h"

namespace acervo {

// Tabs, line breaks and runs of white space made one space; ends trimmed.
std::string CollapseSpaces(std::string_view text);

class BlockBuilder {
 public:
  BlockBuilder();

  void Heading(std::string_view text, int level);
  // A '\n' in `text` is a line break inside the paragraph: the lines stay together.
  // `bold`: every run of the paragraph is bold (the text loader reads a short bold line as a
  // heading, as it does for "**...**" in markdown).
  void Paragraph(std::string_view text, bool bold = false);
  // `level` 0 is the outermost list; `marker` is "-", "3." or "b)".
  void ListItem(std::string_view text, int level, std::string_view marker);
  void TableRow(const std::vector<std::string>& cells);
  void EndTable();
  void PageBreak();
  // Running headers and footers: kept on every page's furniture, never in its text.
  void Furniture(std::string_view text);
  // Footnotes and endnotes: paragraphs after the text of the last page.
  void Note(std::string_view text);
  void Warn(std::string warning) { warnings_.push_back(std::move(warning)); }

  Document Build() &&;

 private:
  enum class Last { kNone, kBlock, kParagraphLine, kListItem, kTableRow };
  void AddLine(std::string text, const LineHint& hint, Last kind);

  std::vector<Page> pages_;
  std::vector<std::vector<LineHint>> hints_;
  Last last_ = Last::kNone;
  std::vector<std::string> furniture_;
  std::vector<std::string> notes_;
  std::vector<std::string> warnings_;
};

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_OFFICE_BLOCK_BUILDER_H_
