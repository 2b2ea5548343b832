// acervo/document.h — a loaded document: pages of normalized text and their structure.
//
// Loaders (text, PDF, OCR) produce a Document; the pipeline turns its blocks into Segments
// for the extractors. Every offset is a byte offset into Page::text, which is the normalized
// text the store keeps, so any span can be shown to a reviewer exactly.
#ifndef ACERVO_DOCUMENT_H_
#define ACERVO_DOCUMENT_H_

#include <string>
#include <vector>

#include "acervo/segment_kind.h"

namespace acervo {

// A rectangle on a page in PDF points (1/72 inch), origin at the top left, y growing
// downwards.
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  // The smallest box holding this one and `other`; an empty box adds nothing.
  Box United(const Box& other) const {
    if (other.empty()) return *this;
    if (empty()) return other;
    return Box{x0 < other.x0 ? x0 : other.x0, y0 < other.y0 ? y0 : other.y0,
               x1 > other.x1 ? x1 : other.x1, y1 > other.y1 ? y1 : other.y1};
  }
};

// A structural unit of a page: a heading, a paragraph, a bullet, a caption or a table row
// (cells separated by '\t'). Blocks are in reading order and do not overlap.
struct Block {
  SegmentKind kind = SegmentKind::kParagraph;
  size_t begin = 0;  // byte span in Page::text
  size_t end = 0;
  int heading_level = 0;  // for kHeading: 1 is the top level
  int table = -1;         // for kTableRow and kCaption: index into Document::tables
  bool header_row = false;
  int line = 0;  // 1-based line of the source text file where known, else 0
  Box box{};     // where the block sits on a PDF page; empty for text sources
};

// A table, possibly continued over several pages (its header row repeated there).
struct Table {
  std::vector<std::string> caption;  // caption lines ("CUADRO 8. ...", "Cifras en millones")
  std::vector<std::string> header;   // header cells, empty when none was recognised
};

// Spans of OCR'd text with the recognizer's confidence, so mentions read from a poor scan
// can be trusted less.
struct ConfidenceSpan {
  size_t begin = 0;
  size_t end = 0;
  double confidence = 1;  // in [0, 1]
};

struct Page {
  int number = 1;  // 1-based
  std::string text;
  int first_line = 0;  // for text sources: the source line of text[0] (1-based), else 0
  double width = 0;    // for PDF pages: the page's size in points, else 0
  double height = 0;
  std::vector<Block> blocks;
  std::vector<std::string> furniture;  // running headers, footers, page numbers removed
  bool ocr = false;                    // text came from OCR
  std::vector<ConfidenceSpan> ocr_confidence;
  std::vector<std::string> warnings;  // per-page problems that did not stop the document
};

struct Period {
  std::string start;  // ISO 8601 at month precision ("2020-07") or coarser; "" unknown
  std::string end;
};

// What the document says about itself, and where it came from.
struct DocumentInfo {
  std::string id;          // "sha256:<hex of the file's bytes>"
  std::string source;      // the path as given by the user
  std::string media_type;  // "text/plain", "text/markdown", "application/pdf"
  std::string title;
  std::string country;  // ISO 3166-1 alpha-2, "" when unknown
  Period period;
  std::string date;  // YYYY-MM-DD the document says it was written (front matter), "" if not
};

struct Document {
  DocumentInfo info;
  std::vector<Page> pages;
  std::vector<Table> tables;
  std::vector<std::string> warnings;  // document-level notes (reconciliation, loader notes)
};

}  // namespace acervo

#endif  // ACERVO_DOCUMENT_H_
