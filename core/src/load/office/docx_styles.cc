#include "load/office/docx_styles.h"

#include <re2/re2.h>

#include <algorithm>

#include "acervo/text.h"
#include "load/office/xml.h"

namespace acervo {
namespace {

std::string WVal(const xmlNode* node) { return WAttr(node, "val"); }

int ToInt(const std::string& s, int fallback) {
  if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) {
    return fallback;
  }
  return std::stoi(s);
}

// "heading 2", "Título 2", "Titre 2", "Überschrift 2", "Title".
int HeadingFromName(const std::string& name) {
  static const RE2 kNumbered(R"((?:heading|titulo|titre|uberschrift|titolo|kop)\s*(\d))");
  std::string folded = Fold(name);
  int level = 0;
  if (RE2::FullMatch(folded, kNumbered, &level)) return level;
  if (folded == "title" || folded == "titulo") return 1;
  return 0;
}

int OutlineLevel(const xmlNode* ppr) {
  int level = ToInt(WVal(WChild(ppr, "outlineLvl")), 9);
  return level < 9 ? level + 1 : 0;
}

}  // namespace

bool IsW(const xmlNode* node, std::string_view local) {
  return IsElement(node, {kWordNs, kWordStrictNs}, local);
}

xmlNode* WChild(const xmlNode* node, std::string_view local) {
  if (node == nullptr) return nullptr;
  for (xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (IsW(c, local)) return c;
  }
  return nullptr;
}

std::string WAttr(const xmlNode* node, std::string_view local) {
  if (node == nullptr) return "";
  std::string v = Attr(node, kWordNs, local);
  return v.empty() ? Attr(node, kWordStrictNs, local) : v;
}

void DocxStyles::LoadStyles(const xmlNode* root) {
  if (root == nullptr) return;
  for (const xmlNode* s = root->children; s != nullptr; s = s->next) {
    if (!IsW(s, "style")) continue;
    std::string id = WAttr(s, "styleId");
    if (id.empty()) continue;
    Style style;
    style.based_on = WVal(WChild(s, "basedOn"));
    const xmlNode* ppr = WChild(s, "pPr");
    std::string name = Fold(WVal(WChild(s, "name")));
    static const RE2 kToc(R"((?:toc|tdc|tabla de contenido|indice)\s*\d)");
    style.toc = RE2::FullMatch(name, kToc);
    style.heading = HeadingFromName(name);
    if (style.heading == 0) style.heading = OutlineLevel(ppr);
    if (const xmlNode* num = WChild(ppr, "numPr")) {
      style.num_id = WVal(WChild(num, "numId"));
      style.ilvl = ToInt(WVal(WChild(num, "ilvl")), 0);
    }
    styles_[id] = std::move(style);
  }
}

void DocxStyles::LoadNumbering(const xmlNode* root) {
  if (root == nullptr) return;
  for (const xmlNode* n = root->children; n != nullptr; n = n->next) {
    if (IsW(n, "abstractNum")) {
      std::string abstract = WAttr(n, "abstractNumId");
      for (const xmlNode* lvl = n->children; lvl != nullptr; lvl = lvl->next) {
        if (!IsW(lvl, "lvl")) continue;
        int ilvl = ToInt(WAttr(lvl, "ilvl"), 0);
        formats_[{abstract, ilvl}] = WVal(WChild(lvl, "numFmt"));
      }
    } else if (IsW(n, "num")) {
      num_to_abstract_[WAttr(n, "numId")] = WVal(WChild(n, "abstractNumId"));
    }
  }
}

const DocxStyles::Style* DocxStyles::FindStyle(const std::string& id) const {
  auto it = styles_.find(id);
  return it == styles_.end() ? nullptr : &it->second;
}

int DocxStyles::StyleHeading(const std::string& id, int depth) const {
  const Style* style = FindStyle(id);
  if (style == nullptr || depth > 16) return 0;
  if (style->heading > 0) return style->heading;
  return StyleHeading(style->based_on, depth + 1);
}

bool DocxStyles::IsTableOfContents(const xmlNode* ppr) const {
  const Style* style = FindStyle(WVal(WChild(ppr, "pStyle")));
  return style != nullptr && style->toc;
}

int DocxStyles::HeadingLevel(const xmlNode* ppr) const {
  if (int direct = OutlineLevel(ppr); direct > 0) return direct;
  return StyleHeading(WVal(WChild(ppr, "pStyle")), 0);
}

DocxStyles::ListMark DocxStyles::NextListMark(const xmlNode* ppr) {
  std::string num_id;
  int ilvl = 0;
  if (const xmlNode* num = WChild(ppr, "numPr")) {
    num_id = WVal(WChild(num, "numId"));
    ilvl = ToInt(WVal(WChild(num, "ilvl")), 0);
  } else {
    // Through the paragraph style and the styles it is based on.
    const Style* style = FindStyle(WVal(WChild(ppr, "pStyle")));
    for (int depth = 0; style != nullptr && depth < 16; ++depth) {
      if (!style->num_id.empty()) {
        num_id = style->num_id;
        ilvl = style->ilvl;
        break;
      }
      style = FindStyle(style->based_on);
    }
  }
  ListMark mark;
  if (num_id.empty() || num_id == "0") return mark;  // numId 0 removes numbering
  ilvl = std::clamp(ilvl, 0, 8);
  std::string format = "bullet";
  if (auto a = num_to_abstract_.find(num_id); a != num_to_abstract_.end()) {
    if (auto f = formats_.find({a->second, ilvl}); f != formats_.end()) format = f->second;
  }
  std::vector<int>& counts = counters_[num_id];
  counts.resize(9, 0);
  int n = ++counts[ilvl];
  for (int deeper = ilvl + 1; deeper < 9; ++deeper) counts[deeper] = 0;
  mark.level = ilvl;
  if (format == "decimal" || format == "decimalZero") {
    mark.marker = std::to_string(n);
    mark.marker.push_back('.');
  } else if (format == "lowerLetter" && n <= 26) {
    mark.marker.push_back(static_cast<char>('a' + n - 1));
    mark.marker.push_back(')');
  } else {
    mark.marker.push_back('-');  // (assigning "-" trips GCC 12's -Wrestrict here)
  }
  return mark;
}

}  // namespace acervo
