// load/office/xml.h — untrusted XML parsed safely with libxml2's DOM, and small helpers to walk
// it by namespace and local name.
//
// Promises: ParseXml never fetches anything from the network (XML_PARSE_NONET), never loads
// a DTD and never substitutes entities (no XML_PARSE_NOENT, no XML_PARSE_DTDLOAD), and keeps
// libxml2's limits on text node sizes (no XML_PARSE_HUGE); a document that does not parse,
// or is truncated, is a Corrupt status naming the part and libxml2's first error line.
// Text() reads only text and CDATA nodes: an entity reference contributes nothing.
// libxml2 parser state is per call; these functions are safe from any thread once
// xmlInitParser has run (ParseXml calls it).
#ifndef ACERVO_CORE_LOAD_OFFICE_XML_H_
#define ACERVO_CORE_LOAD_OFFICE_XML_H_

#include <libxml/tree.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include "acervo/status.h"

namespace acervo {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

// `part` names the XML in errors ("word/document.xml").
Result<XmlDoc> ParseXml(std::string_view bytes, const std::string& part);

// True when `node` is an element named `local` in one of the namespaces `ns` (URIs).
bool IsElement(const xmlNode* node, std::initializer_list<std::string_view> ns,
               std::string_view local);
// The local name of an element ("" for other nodes) and its namespace URI ("" for none).
std::string_view LocalName(const xmlNode* node);
std::string_view NamespaceOf(const xmlNode* node);

// The value of attribute `local` in namespace `ns` (any namespace when `ns` is empty); ""
// when absent.
std::string Attr(const xmlNode* node, std::string_view ns, std::string_view local);

// The first child element named `local` in namespace `ns`, or null.
xmlNode* Child(const xmlNode* node, std::string_view ns, std::string_view local);

// The concatenated text and CDATA under `node`.
std::string Text(const xmlNode* node);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_OFFICE_XML_H_
