// The ODT reader: content.xml's office:text walked in order (headings, paragraphs, lists,
// tables, sections), notes after the text, the master pages' headers and footers as
// furniture. See office.h.
#include <algorithm>
#include <map>
#include <set>

#include "load/office/block_builder.h"
#include "load/office/office.h"
#include "load/office/xml.h"
#include "load/office/zip_package.h"

namespace acervo {
namespace {

constexpr const char* kTextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr const char* kTableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr const char* kOfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr const char* kStyleNs = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr const char* kDrawNs = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
constexpr const char* kFoNs = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
constexpr std::string_view kOdtMime = "application/vnd.oasis.opendocument.text";

bool IsText(const xmlNode* n, std::string_view local) { return IsElement(n, {kTextNs}, local); }
bool IsTable(const xmlNode* n, std::string_view local) { return IsElement(n, {kTableNs}, local); }

// What the automatic and common styles say: which text styles are bold, which paragraph
// styles break the page, which list styles number their items.
struct OdtStyles {
  std::set<std::string> bold{"Strong_20_Emphasis"};
  std::set<std::string> break_before, break_after;
  std::map<std::string, std::set<int>> numbered_levels;  // list style -> numbered levels

  void Load(const xmlNode* styles_parent) {
    for (const xmlNode* s = styles_parent ? styles_parent->children : nullptr; s; s = s->next) {
      std::string name = Attr(s, kStyleNs, "name");
      if (IsElement(s, {kStyleNs}, "style")) {
        if (Attr(Child(s, kStyleNs, "text-properties"), kFoNs, "font-weight") == "bold") {
          bold.insert(name);
        }
        const xmlNode* para = Child(s, kStyleNs, "paragraph-properties");
        if (Attr(para, kFoNs, "break-before") == "page") break_before.insert(name);
        if (Attr(para, kFoNs, "break-after") == "page") break_after.insert(name);
      } else if (IsText(s, "list-style")) {
        for (const xmlNode* l = s->children; l != nullptr; l = l->next) {
          if (IsText(l, "list-level-style-number") && !Attr(l, kStyleNs, "num-format").empty()) {
            numbered_levels[name].insert(std::atoi(Attr(l, kTextNs, "level").c_str()));
          }
        }
      }
    }
  }
};

class OdtWalker {
 public:
  OdtWalker(const OdtStyles& styles, BlockBuilder* out) : styles_(styles), out_(out) {}

  // Block-level content: office:text, a section, a cell, a text box, a list item.
  void Blocks(const xmlNode* parent, int list_depth, const std::string& list_style) {
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
      if (IsText(n, "h") || IsText(n, "p")) {
        Paragraph(n, list_depth, list_style);
      } else if (IsText(n, "list")) {
        List(n, list_depth + 1, list_style);
      } else if (IsTable(n, "table")) {
        Table(n);
      } else if (IsText(n, "section") || IsText(n, "index-body")) {
        Blocks(n, list_depth, list_style);
      }
      // Left out: tables of contents and indexes (they repeat headings), tracked changes,
      // forms, variable declarations.
    }
  }

 private:
  struct Collected {
    std::string text;
    bool any_plain = false, any_bold = false;
    std::vector<const xmlNode*> boxes;
  };

  void Paragraph(const xmlNode* p, int list_depth, const std::string& list_style) {
    std::string style = Attr(p, kTextNs, "style-name");
    if (styles_.break_before.count(style)) out_->PageBreak();
    Collected c;
    Inline(p, false, &c);
    if (IsText(p, "h")) {
      int level = std::atoi(Attr(p, kTextNs, "outline-level").c_str());
      out_->Heading(c.text, level > 0 ? level : 1);
    } else if (list_depth > 0 && !item_started_) {
      int level = list_depth - 1;
      bool numbered = false;
      if (auto it = styles_.numbered_levels.find(list_style); it != styles_.numbered_levels.end()) {
        numbered = it->second.count(list_depth) > 0;
      }
      std::string marker = numbered ? std::to_string(++counters_[level]) + "." : "-";
      out_->ListItem(c.text, level, marker);
      item_started_ = true;
    } else {
      out_->Paragraph(c.text, c.any_bold && !c.any_plain);
    }
    for (const xmlNode* box : c.boxes) Blocks(box, 0, "");
    if (styles_.break_after.count(style)) out_->PageBreak();
  }

  void Inline(const xmlNode* parent, bool bold, Collected* c) {
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
      if (n->type == XML_TEXT_NODE) {
        std::string_view t(reinterpret_cast<const char*>(n->content));
        if (t.find_first_not_of(" \t\r\n") != std::string_view::npos) {
          (bold ? c->any_bold : c->any_plain) = true;
        }
        for (char ch : t) c->text.push_back(ch == '\n' || ch == '\r' ? ' ' : ch);
      } else if (IsText(n, "s") || IsText(n, "tab")) {
        c->text.push_back(' ');
      } else if (IsText(n, "number")) {  // a heading's or item's number, as last shown
        c->text += Text(n) + " ";
      } else if (IsText(n, "line-break")) {
        c->text.push_back('\n');
      } else if (IsText(n, "note")) {
        std::string note;
        if (const xmlNode* body = Child(n, kTextNs, "note-body")) note = Text(body);
        out_->Note(note);
      } else if (IsElement(n, {kDrawNs}, "text-box")) {
        c->boxes.push_back(n);
      } else if (IsElement(n, {kOfficeNs}, "annotation") || IsText(n, "tracked-changes")) {
        continue;
      } else if (n->type == XML_ELEMENT_NODE) {
        Inline(n, bold || styles_.bold.count(Attr(n, kTextNs, "style-name")) > 0, c);
      }
    }
  }

  void List(const xmlNode* list, int depth, std::string style) {
    if (std::string own = Attr(list, kTextNs, "style-name"); !own.empty()) style = own;
    counters_.resize(static_cast<size_t>(depth), 0);
    if (Attr(list, kTextNs, "continue-numbering") != "true") counters_[depth - 1] = 0;
    for (const xmlNode* item = list->children; item != nullptr; item = item->next) {
      if (!IsText(item, "list-item") && !IsText(item, "list-header")) continue;
      item_started_ = false;  // the item's first paragraph carries the marker
      Blocks(item, depth, style);
      item_started_ = false;
    }
  }

  // Rows in order; a covered cell (under a merge, across or down) is an empty cell.
  void Table(const xmlNode* table) {
    for (const xmlNode* n = table->children; n != nullptr; n = n->next) {
      if (IsTable(n, "table-header-rows") || IsTable(n, "table-rows") ||
          IsTable(n, "table-row-group")) {
        Rows(n);
      } else if (IsTable(n, "table-row")) {
        Row(n);
      }
    }
    out_->EndTable();
  }
  void Rows(const xmlNode* group) {
    for (const xmlNode* r = group->children; r != nullptr; r = r->next) {
      if (IsTable(r, "table-row")) Row(r);
    }
  }
  void Row(const xmlNode* row) {
    std::vector<std::string> cells;
    for (const xmlNode* c = row->children; c != nullptr; c = c->next) {
      bool covered = IsTable(c, "covered-table-cell");
      if (!covered && !IsTable(c, "table-cell")) continue;
      std::string text;
      if (!covered) {
        for (const xmlNode* p = c->children; p != nullptr; p = p->next) {
          if (p->type != XML_ELEMENT_NODE) continue;
          Collected part;
          Inline(p, false, &part);
          if (!text.empty()) text.push_back(' ');
          text += part.text;
        }
      }
      int repeat =
          std::clamp(std::atoi(Attr(c, kTableNs, "number-columns-repeated").c_str()), 1, 64);
      for (int i = 0; i < repeat; ++i) cells.push_back(text);
    }
    out_->TableRow(cells);
  }

  const OdtStyles& styles_;
  BlockBuilder* out_;
  std::vector<int> counters_;  // numbering per list level
  bool item_started_ = false;
};

Result<XmlDoc> ReadPart(const ZipPackage& zip, const std::string& name) {
  Result<std::string> bytes = zip.Read(name);
  if (!bytes.ok()) return bytes.status();
  return ParseXml(*bytes, name);
}

}  // namespace

Result<Document> ReadOdt(std::string_view bytes, const std::string& source) {
  Result<ZipPackage> zip = ZipPackage::Open(bytes);
  if (!zip.ok()) return zip.status();
  Result<std::string> mime = zip->Read("mimetype", 256);
  if (!mime.ok() || mime->rfind(kOdtMime, 0) != 0) {
    return Unsupported("not an OpenDocument text (mimetype '" + (mime.ok() ? *mime : "") + "')");
  }
  if (Result<std::string> manifest = zip->Read("META-INF/manifest.xml");
      manifest.ok() && manifest->find("encryption-data") != std::string::npos) {
    return Unsupported("encrypted: needs a password");
  }
  Result<XmlDoc> content = ReadPart(*zip, "content.xml");
  if (!content.ok()) return content.status();
  const xmlNode* root = xmlDocGetRootElement(content->get());
  const xmlNode* text = Child(Child(root, kOfficeNs, "body"), kOfficeNs, "text");
  if (text == nullptr) return Corrupt("content.xml has no office:text");

  BlockBuilder out;
  OdtStyles styles;
  Result<XmlDoc> common = ReadPart(*zip, "styles.xml");
  if (common.ok()) {
    const xmlNode* styles_root = xmlDocGetRootElement(common->get());
    styles.Load(Child(styles_root, kOfficeNs, "styles"));
    styles.Load(Child(styles_root, kOfficeNs, "automatic-styles"));
    // Headers and footers of the master pages.
    const xmlNode* masters = Child(styles_root, kOfficeNs, "master-styles");
    for (const xmlNode* m = masters ? masters->children : nullptr; m; m = m->next) {
      for (const xmlNode* part = m->children; part != nullptr; part = part->next) {
        if (NamespaceOf(part) != kStyleNs) continue;
        for (const xmlNode* p = part->children; p != nullptr; p = p->next) out.Furniture(Text(p));
      }
    }
  } else if (zip->Has("styles.xml")) {
    out.Warn(source + ": " + common.status().message() + "; styles left out");
  }
  styles.Load(Child(root, kOfficeNs, "automatic-styles"));
  OdtWalker(styles, &out).Blocks(text, 0, "");
  return std::move(out).Build();
}

}  // namespace acervo
