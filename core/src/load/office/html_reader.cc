// The HTML reader: libxml2's forgiving HTML parser, then a walk of the DOM that keeps the
// page's content (headings, paragraphs, lists, tables) and leaves out what is not (scripts,
// styles, navigation, page headers and footers, forms, menus, cookie notices). See office.h.
#include <libxml/HTMLparser.h>
#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "load/office/block_builder.h"
#include "load/office/html_charset.h"
#include "load/office/office.h"
#include "load/office/xml.h"

namespace acervo {
namespace {

std::string_view Name(const xmlNode* n) { return LocalName(n); }

int HeadingLevel(std::string_view name);  // 1..6 for h1..h6, else 0

bool IsSkipped(const xmlNode* n, bool in_article) {
  static const std::set<std::string_view> kSkip = {
      "script", "style",  "noscript", "template", "nav",   "aside",  "form",
      "button", "select", "textarea", "iframe",   "svg",   "canvas", "menu",
      "dialog", "head",   "object",   "embed",    "video", "audio",  "map"};
  std::string_view name = Name(n);
  if (kSkip.count(name)) return true;
  if ((name == "header" || name == "footer") && !in_article) return true;
  if (!Attr(n, "", "hidden").empty() || Attr(n, "", "aria-hidden") == "true") return true;
  static const RE2 kHiddenStyle(R"((?i)display\s*:\s*none|visibility\s*:\s*hidden)");
  if (RE2::PartialMatch(Attr(n, "", "style"), kHiddenStyle)) return true;
  static const RE2 kRole(
      R"((?i)navigation|banner|contentinfo|complementary|search|menu|menubar|dialog|alertdialog)");
  if (RE2::FullMatch(Attr(n, "", "role"), kRole)) return true;
  // Boilerplate named by its class or id ("menu-principal", "cookie-banner", "sidebar"),
  // never on the page's containers, never a state class ("has-sidebar", "no-comments").
  if (name == "html" || name == "body" || name == "main" || name == "article") return false;
  static const RE2 kBoilerplate(
      R"((?i)(?:[a-z0-9]+[_-])?(?:nav|navbar|navigation|menu|breadcrumbs?|cookies?|consent|gdpr|sidebar|share|sharing|social|skip-?links?|newsletter|related|comments?|advert|ads)(?:[_-][a-z0-9_-]*)?)");
  static const RE2 kState(R"((?i)(?:has|no|with|is)[_-].*)");
  // A heading's id is an anchor made from its own words ("desarrollo-social" for "1.
  // Desarrollo social"): only its class can name boilerplate.
  bool heading = HeadingLevel(name) > 0;
  std::string tokens = Attr(n, "", "class") + " " + (heading ? "" : Attr(n, "", "id"));
  size_t at = 0;
  while (at < tokens.size()) {
    size_t end = tokens.find_first_of(" \t\n", at);
    if (end == std::string::npos) end = tokens.size();
    std::string_view token(tokens.data() + at, end - at);
    if (!token.empty() && RE2::FullMatch(token, kBoilerplate) && !RE2::FullMatch(token, kState)) {
      return true;
    }
    at = end + 1;
  }
  return false;
}

bool IsBlock(std::string_view name) {
  static const std::set<std::string_view> kBlocks = {
      "p",          "div",    "section", "article", "main",    "blockquote", "address", "figure",
      "figcaption", "dd",     "dt",      "dl",      "center",  "body",       "html",    "pre",
      "hr",         "header", "footer",  "details", "summary", "fieldset"};
  return kBlocks.count(name) > 0;
}

int HeadingLevel(std::string_view name) {
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return name[1] - '0';
  return 0;
}

class HtmlWalker {
 public:
  explicit HtmlWalker(BlockBuilder* out) : out_(out) {}

  void Finish() { Flush(); }

  void Walk(const xmlNode* node, bool in_article) {
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        AppendText(reinterpret_cast<const char*>(n->content));
        continue;
      }
      if (n->type != XML_ELEMENT_NODE || IsSkipped(n, in_article)) continue;
      std::string_view name = Name(n);
      if (int level = HeadingLevel(name)) {
        Flush();
        out_->Heading(InlineText(n), level);
      } else if (name == "ul" || name == "ol") {
        Flush();
        List(n, 0);
      } else if (name == "table") {
        Flush();
        Table(n);
      } else if (name == "br") {
        line_.push_back('\n');
      } else if (IsBlock(name)) {
        Flush();
        Walk(n, in_article || name == "article" || name == "main");
        Flush();
      } else {
        bool bold = name == "b" || name == "strong";
        bold_depth_ += bold;
        Walk(n, in_article);
        bold_depth_ -= bold;
      }
    }
  }

 private:
  void AppendText(const char* text) {
    if (text == nullptr) return;
    std::string_view t(text);
    if (t.find_first_not_of(" \t\r\n\f") != std::string_view::npos) {
      (bold_depth_ > 0 ? any_bold_ : any_plain_) = true;
    }
    for (char c : t) line_.push_back(c == '\n' || c == '\r' ? ' ' : c);
  }

  void Flush() {
    out_->Paragraph(line_, any_bold_ && !any_plain_);
    line_.clear();
    any_bold_ = any_plain_ = false;
  }

  // The text under `node` but not under a nested list or table, nor skipped elements.
  std::string InlineText(const xmlNode* node) {
    std::string text;
    CollectInline(node, &text);
    return text;
  }
  void CollectInline(const xmlNode* node, std::string* text) {
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        *text += reinterpret_cast<const char*>(n->content);
      } else if (n->type == XML_ELEMENT_NODE && !IsSkipped(n, true)) {
        std::string_view name = Name(n);
        if (name == "ul" || name == "ol" || name == "table") continue;
        if (name == "br" || IsBlock(name) || HeadingLevel(name)) text->push_back(' ');
        CollectInline(n, text);
      }
    }
  }

  void List(const xmlNode* list, int depth) {
    bool ordered = Name(list) == "ol";
    int number = ordered ? std::max(1, std::atoi(Attr(list, "", "start").c_str())) : 1;
    for (const xmlNode* li = list->children; li != nullptr; li = li->next) {
      if (li->type != XML_ELEMENT_NODE || IsSkipped(li, true)) continue;
      if (Name(li) != "li") {  // a list nested without its <li>
        if (Name(li) == "ul" || Name(li) == "ol") List(li, depth + 1);
        continue;
      }
      std::string marker = ordered ? std::to_string(number++) + "." : "-";
      out_->ListItem(InlineText(li), depth, marker);
      for (const xmlNode* c = li->children; c != nullptr; c = c->next) {
        if (Name(c) == "ul" || Name(c) == "ol") List(c, depth + 1);
        if (Name(c) == "table") Table(c);
      }
    }
  }

  // Rows in order, header rows first as written; colspan adds empty cells after a cell, and
  // rowspan leaves an empty cell in the rows below it.
  void Table(const xmlNode* table) {
    std::vector<const xmlNode*> rows;
    for (const xmlNode* n = table->children; n != nullptr; n = n->next) {
      std::string_view name = Name(n);
      if (name == "caption") {
        out_->Paragraph(InlineText(n));
      } else if (name == "tr") {
        rows.push_back(n);
      } else if (name == "thead" || name == "tbody" || name == "tfoot") {
        for (const xmlNode* r = n->children; r != nullptr; r = r->next) {
          if (Name(r) == "tr") rows.push_back(r);
        }
      }
    }
    std::vector<int> spanned;  // per column: rows still covered by a rowspan above
    for (const xmlNode* tr : rows) {
      std::vector<std::string> cells;
      auto fill_spanned = [&]() {
        while (cells.size() < spanned.size() && spanned[cells.size()] > 0) {
          --spanned[cells.size()];
          cells.emplace_back();
        }
      };
      for (const xmlNode* td = tr->children; td != nullptr; td = td->next) {
        if (Name(td) != "td" && Name(td) != "th") continue;
        fill_spanned();
        size_t col = cells.size();
        cells.push_back(InlineText(td));
        int colspan = std::clamp(std::atoi(Attr(td, "", "colspan").c_str()), 1, 64);
        int rowspan = std::clamp(std::atoi(Attr(td, "", "rowspan").c_str()), 1, 1000);
        for (int i = 1; i < colspan; ++i) cells.emplace_back();
        if (spanned.size() < cells.size()) spanned.resize(cells.size(), 0);
        for (size_t c = col; c < cells.size(); ++c) spanned[c] = rowspan - 1;
      }
      fill_spanned();
      out_->TableRow(cells);
    }
    out_->EndTable();
  }

  BlockBuilder* out_;
  std::string line_;
  int bold_depth_ = 0;
  bool any_bold_ = false, any_plain_ = false;
};

// The page's <main> (or role="main"), searched depth first; null when none.
const xmlNode* FindMain(const xmlNode* node) {
  for (const xmlNode* n = node; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (Name(n) == "main" || Attr(n, "", "role") == "main") return n;
    if (Name(n) == "head" || Name(n) == "script" || Name(n) == "style") continue;
    if (const xmlNode* found = FindMain(n->children)) return found;
  }
  return nullptr;
}

// <meta name|property="article:published_time|date|DC.date..." content="...">
std::string MetaDate(const xmlNode* head) {
  static const std::set<std::string> kNames = {
      "article:published_time", "date",    "dc.date",     "dc.date.issued",   "dcterms.date",
      "dcterms.issued",         "pubdate", "publishdate", "og:published_time"};
  for (const xmlNode* n = head ? head->children : nullptr; n != nullptr; n = n->next) {
    if (Name(n) != "meta") continue;
    std::string key = Attr(n, "", "name");
    if (key.empty()) key = Attr(n, "", "property");
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (kNames.count(key)) return CollapseSpaces(Attr(n, "", "content"));
  }
  return "";
}

}  // namespace

Result<Document> ReadHtml(std::string_view bytes, const std::string& source,
                          std::string* published) {
  std::vector<std::string> warnings;
  std::string utf8 = HtmlToUtf8(bytes, &warnings);
  if (utf8.size() > static_cast<size_t>(INT32_MAX)) return Unsupported("HTML larger than 2 GB");
  xmlInitParser();
  XmlDoc doc(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), source.c_str(), "UTF-8",
                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOIMPLIED));
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) return Corrupt("not readable as HTML");

  BlockBuilder out;
  for (std::string& w : warnings) out.Warn(source + ": " + w);
  const xmlNode* head = nullptr;
  for (const xmlNode* n = root; n != nullptr && head == nullptr; n = n->next) {
    if (Name(n) == "html") head = Child(n, "", "head");
  }
  HtmlWalker walker(&out);
  if (const xmlNode* main = FindMain(root)) {
    // The page says where its content is: only that, none of the page around it.
    walker.Walk(main, true);
  } else {
    // Walk from a parent of the root, so content outside <html> (a fragment) is read too.
    xmlNode holder{};
    holder.children = const_cast<xmlNode*>(root);
    walker.Walk(&holder, false);
  }
  walker.Finish();
  Document result = std::move(out).Build();
  if (head != nullptr) {
    if (const xmlNode* title = Child(head, "", "title"))
      result.info.title = CollapseSpaces(Text(title));
    if (published != nullptr) *published = MetaDate(head);
  }
  return result;
}

}  // namespace acervo
