// load/office/docx_styles.h — what a Word paragraph's style and numbering say about it: its
// heading level (a "heading N" / "Título N" style, the Title style, or an outline level,
// directly or through the styles it is based on) and its list marker (numbering.xml: a
// bullet, "N." for decimal lists, "a)" for lettered ones, counted per list and level).
// Not thread-safe (list counters); one per document.
#ifndef ACERVO_CORE_LOAD_OFFICE_DOCX_STYLES_H_
#define ACERVO_CORE_LOAD_OFFICE_DOCX_STYLES_H_

#include <libxml/tree.h>

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace acervo {

// The WordprocessingML namespaces: transitional (what Word writes) and strict.
inline constexpr const char* kWordNs =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* kWordStrictNs = "http://purl.oclc.org/ooxml/wordprocessingml/main";

// A w: element named `local` (either namespace); its first such child; its w: attribute.
bool IsW(const xmlNode* node, std::string_view local);
xmlNode* WChild(const xmlNode* node, std::string_view local);
std::string WAttr(const xmlNode* node, std::string_view local);

class DocxStyles {
 public:
  // Either root may be null (a package without styles.xml or numbering.xml).
  void LoadStyles(const xmlNode* styles_root);
  void LoadNumbering(const xmlNode* numbering_root);

  // 0 for body text; else 1..9. `ppr` is the paragraph's w:pPr (may be null).
  int HeadingLevel(const xmlNode* ppr) const;
  // A table-of-contents entry (styles "toc N", "TDC N"): it repeats a heading.
  bool IsTableOfContents(const xmlNode* ppr) const;

  struct ListMark {
    int level = -1;  // -1: not a list item
    std::string marker;
  };
  // The paragraph's list level and marker; advances that list's counter.
  ListMark NextListMark(const xmlNode* ppr);

 private:
  struct Style {
    std::string based_on;
    int heading = 0;  // from its name or outline level; 0 none
    bool toc = false;
    std::string num_id;
    int ilvl = 0;
  };
  int StyleHeading(const std::string& id, int depth) const;
  const Style* FindStyle(const std::string& id) const;

  std::map<std::string, Style> styles_;
  std::map<std::string, std::string> num_to_abstract_;
  std::map<std::pair<std::string, int>, std::string> formats_;  // (abstract, ilvl) -> numFmt
  std::map<std::string, std::vector<int>> counters_;            // numId -> count per level
};

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_OFFICE_DOCX_STYLES_H_
