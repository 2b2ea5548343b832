// The DOCX reader: word/document.xml walked in order (paragraphs, tables, content controls),
// then footnotes and endnotes, with headers and footers as furniture. See office.h.
#include <re2/re2.h>

#include "load/office/block_builder.h"
#include "load/office/docx_styles.h"
#include "load/office/office.h"
#include "load/office/xml.h"
#include "load/office/zip_package.h"

namespace acervo {
namespace {

constexpr const char* kMarkupCompatNs =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";

// w:b, w:i, ... are on unless their w:val says 0/false/off.
bool Toggle(const xmlNode* node) {
  if (node == nullptr) return false;
  std::string v = WAttr(node, "val");
  return v != "0" && v != "false" && v != "off";
}

// The text under a node, paragraphs (and nested tables' cells) joined by spaces; field
// codes and deleted text left out.
void WordText(const xmlNode* node, std::string* out) {
  for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
    if (IsW(n, "t")) {
      *out += Text(n);
    } else if (IsW(n, "tab") || IsW(n, "br") || IsW(n, "cr")) {
      out->push_back(' ');
    } else if (IsW(n, "p") || IsW(n, "tc")) {
      if (!out->empty()) out->push_back(' ');
      WordText(n, out);
    } else if (n->type == XML_ELEMENT_NODE && !IsW(n, "del") && !IsW(n, "instrText") &&
               !IsElement(n, {kMarkupCompatNs}, "Fallback")) {
      WordText(n, out);
    }
  }
}

class DocxWalker {
 public:
  DocxWalker(DocxStyles* styles, BlockBuilder* out) : styles_(styles), out_(out) {}

  // The children of w:body, a table cell's content, a text box: blocks in order.
  void Blocks(const xmlNode* parent) {
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
      if (IsW(n, "p")) {
        if (!styles_->IsTableOfContents(WChild(n, "pPr"))) Paragraph(n);
      } else if (IsW(n, "tbl")) {
        Table(n);
      } else if (IsW(n, "sdt")) {
        // A table of contents repeats the headings: left out.
        const xmlNode* gallery = WChild(WChild(WChild(n, "sdtPr"), "docPartObj"), "docPartGallery");
        if (WAttr(gallery, "val") == "Table of Contents") continue;
        if (const xmlNode* content = WChild(n, "sdtContent")) Blocks(content);
      } else if (IsW(n, "customXml") || IsW(n, "ins")) {
        Blocks(n);
      } else if (IsElement(n, {kMarkupCompatNs}, "AlternateContent")) {
        if (const xmlNode* choice = Child(n, kMarkupCompatNs, "Choice")) Blocks(choice);
      }
    }
  }

 private:
  // One paragraph's text, whether all of it is bold, and the text boxes it anchors.
  struct Collected {
    std::string text;
    bool all_bold = true;
    bool any_text = false;
    std::vector<const xmlNode*> text_boxes;
  };

  void Paragraph(const xmlNode* p) {
    const xmlNode* ppr = WChild(p, "pPr");
    if (Toggle(WChild(ppr, "pageBreakBefore"))) out_->PageBreak();
    Collected c;
    level_ = styles_->HeadingLevel(ppr);
    list_ = styles_->NextListMark(ppr);
    Inline(p, &c);
    Flush(&c);
    for (const xmlNode* box : c.text_boxes) Blocks(box);
  }

  void Flush(Collected* c) {
    if (level_ > 0) {
      out_->Heading(c->text, level_);
    } else if (list_.level >= 0) {
      out_->ListItem(c->text, list_.level, list_.marker);
    } else {
      out_->Paragraph(c->text, c->any_text && c->all_bold);
    }
    c->text.clear();
    c->any_text = false;
    c->all_bold = true;
  }

  // Runs and what contains them (hyperlinks, insertions, fields, content controls).
  void Inline(const xmlNode* parent, Collected* c) {
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
      if (IsW(n, "r")) {
        Run(n, c);
      } else if (IsW(n, "del") || IsW(n, "moveFrom") || IsW(n, "pPr")) {
        continue;  // deleted text; paragraph properties
      } else if (IsElement(n, {kMarkupCompatNs}, "AlternateContent")) {
        if (const xmlNode* choice = Child(n, kMarkupCompatNs, "Choice")) Inline(choice, c);
      } else if (n->type == XML_ELEMENT_NODE) {
        Inline(n, c);
      }
    }
  }

  void Run(const xmlNode* r, Collected* c) {
    bool bold = Toggle(WChild(WChild(r, "rPr"), "b"));
    for (const xmlNode* n = r->children; n != nullptr; n = n->next) {
      if (IsW(n, "t")) {
        std::string t = Text(n);
        if (t.find_first_not_of(' ') != std::string::npos) {
          c->any_text = true;
          c->all_bold = c->all_bold && bold;
        }
        c->text += t;
      } else if (IsW(n, "tab")) {
        c->text.push_back(' ');
      } else if (IsW(n, "br") || IsW(n, "cr")) {
        if (WAttr(n, "type") == "page") {
          Flush(c);
          out_->PageBreak();
        } else {
          c->text.push_back('\n');  // a line break (text wrapping); a column break too
        }
      } else if (IsW(n, "noBreakHyphen")) {
        c->text.push_back('-');
      } else if (n->type == XML_ELEMENT_NODE && !IsW(n, "instrText") && !IsW(n, "delText")) {
        FindTextBoxes(n, c);  // w:drawing, w:pict, mc:AlternateContent
      }
    }
  }

  void FindTextBoxes(const xmlNode* node, Collected* c) {
    if (IsW(node, "txbxContent")) {
      c->text_boxes.push_back(node);
      return;
    }
    if (IsElement(node, {kMarkupCompatNs}, "Fallback")) return;  // the Choice said it
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (n->type == XML_ELEMENT_NODE) FindTextBoxes(n, c);
    }
  }

  // Rows in order; a cell spanning N grid columns is followed by N-1 empty cells, and the
  // continuation of a vertical merge (w:vMerge without "restart") is empty.
  void Table(const xmlNode* tbl) {
    for (const xmlNode* tr = tbl->children; tr != nullptr; tr = tr->next) {
      if (!IsW(tr, "tr")) continue;
      std::vector<std::string> cells;
      const xmlNode* trpr = WChild(tr, "trPr");
      int before = std::atoi(WAttr(WChild(trpr, "gridBefore"), "val").c_str());
      for (int i = 0; i < before && i < 64; ++i) cells.emplace_back();
      for (const xmlNode* tc = tr->children; tc != nullptr; tc = tc->next) {
        if (!IsW(tc, "tc")) continue;
        const xmlNode* tcpr = WChild(tc, "tcPr");
        const xmlNode* vmerge = WChild(tcpr, "vMerge");
        std::string text;
        if (vmerge == nullptr || WAttr(vmerge, "val") == "restart") WordText(tc, &text);
        cells.push_back(std::move(text));
        int span = std::atoi(WAttr(WChild(tcpr, "gridSpan"), "val").c_str());
        for (int i = 1; i < span && i < 64; ++i) cells.emplace_back();
      }
      out_->TableRow(cells);
    }
    out_->EndTable();
  }

  DocxStyles* styles_;
  BlockBuilder* out_;
  int level_ = 0;
  DocxStyles::ListMark list_;
};

// Optional parts (styles, numbering, notes, headers): absent is fine, broken is a warning.
const xmlNode* OptionalPart(const ZipPackage& zip, const std::string& name,
                            std::vector<XmlDoc>* keep, BlockBuilder* out) {
  if (!zip.Has(name)) return nullptr;
  Result<std::string> bytes = zip.Read(name);
  Result<XmlDoc> doc = bytes.ok() ? ParseXml(*bytes, name) : Result<XmlDoc>(bytes.status());
  if (!doc.ok()) {
    out->Warn(doc.status().message() + "; left out");
    return nullptr;
  }
  keep->push_back(std::move(doc.value()));
  return xmlDocGetRootElement(keep->back().get());
}

void Notes(const xmlNode* root, std::string_view local, BlockBuilder* out) {
  if (root == nullptr) return;
  for (const xmlNode* note = root->children; note != nullptr; note = note->next) {
    if (!IsW(note, local)) continue;
    std::string type = WAttr(note, "type");
    if (!type.empty() && type != "normal") continue;  // separators
    std::string text;
    WordText(note, &text);
    out->Note(text);
  }
}

}  // namespace

Result<Document> ReadDocx(std::string_view bytes, const std::string& source) {
  Result<ZipPackage> zip = ZipPackage::Open(bytes);
  if (!zip.ok()) return zip.status();
  if (!zip->Has("word/document.xml")) {
    return Corrupt("a ZIP package without word/document.xml: not a Word document");
  }
  Result<std::string> main = zip->Read("word/document.xml");
  if (!main.ok()) return main.status();
  Result<XmlDoc> doc = ParseXml(*main, "word/document.xml");
  if (!doc.ok()) return doc.status();
  const xmlNode* body = WChild(xmlDocGetRootElement(doc->get()), "body");
  if (body == nullptr) return Corrupt("word/document.xml has no w:body");

  BlockBuilder out;
  std::vector<XmlDoc> parts;
  DocxStyles styles;
  styles.LoadStyles(OptionalPart(*zip, "word/styles.xml", &parts, &out));
  styles.LoadNumbering(OptionalPart(*zip, "word/numbering.xml", &parts, &out));
  DocxWalker(&styles, &out).Blocks(body);
  Notes(OptionalPart(*zip, "word/footnotes.xml", &parts, &out), "footnote", &out);
  Notes(OptionalPart(*zip, "word/endnotes.xml", &parts, &out), "endnote", &out);
  static const RE2 kFurniture(R"(word/(?:header|footer)\d*\.xml)");
  for (const std::string& name : zip->Names()) {
    if (!RE2::FullMatch(name, kFurniture)) continue;
    if (const xmlNode* root = OptionalPart(*zip, name, &parts, &out)) {
      for (const xmlNode* p = root->children; p != nullptr; p = p->next) {
        std::string text;
        if (IsW(p, "p") || IsW(p, "tbl")) WordText(p, &text);
        out.Furniture(text);
      }
    }
  }
  Document result = std::move(out).Build();
  for (std::string& w : result.warnings) w = source + ": " + w;
  return result;
}

}  // namespace acervo
