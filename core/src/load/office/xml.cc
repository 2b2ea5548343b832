#include "load/office/xml.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

namespace acervo {
namespace {

std::string_view View(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

void AppendText(const xmlNode* node, std::string* out) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      out->append(View(c->content));
    } else if (c->type == XML_ELEMENT_NODE) {
      AppendText(c, out);
    }
  }
}

}  // namespace

Result<XmlDoc> ParseXml(std::string_view bytes, const std::string& part) {
  xmlInitParser();
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (ctxt == nullptr) return Internal("cannot create an XML parser");
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  XmlDoc doc(xmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()), part.c_str(),
                               nullptr, options));
  std::string error;
  if (const xmlError* e = xmlCtxtGetLastError(ctxt);
      e != nullptr && e->message != nullptr && e->level >= XML_ERR_ERROR) {
    error = e->message;
    while (!error.empty() && (error.back() == '\n' || error.back() == ' ')) error.pop_back();
    error += " at line " + std::to_string(e->line);
  }
  bool well_formed = ctxt->wellFormed != 0;
  xmlFreeParserCtxt(ctxt);
  if (doc == nullptr || !well_formed || xmlDocGetRootElement(doc.get()) == nullptr) {
    return Corrupt(part + " is not well-formed XML" + (error.empty() ? "" : " (" + error + ")"));
  }
  return doc;
}

std::string_view LocalName(const xmlNode* node) {
  return node && node->type == XML_ELEMENT_NODE ? View(node->name) : std::string_view();
}

std::string_view NamespaceOf(const xmlNode* node) {
  return node && node->ns ? View(node->ns->href) : std::string_view();
}

bool IsElement(const xmlNode* node, std::initializer_list<std::string_view> ns,
               std::string_view local) {
  if (LocalName(node) != local) return false;
  std::string_view href = NamespaceOf(node);
  for (std::string_view n : ns) {
    if (n == href) return true;
  }
  return false;
}

std::string Attr(const xmlNode* node, std::string_view ns, std::string_view local) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return "";
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (View(a->name) != local) continue;
    if (!ns.empty() && (a->ns == nullptr || View(a->ns->href) != ns)) continue;
    std::string value;
    for (const xmlNode* c = a->children; c != nullptr; c = c->next) {
      if (c->type == XML_TEXT_NODE) value.append(View(c->content));
    }
    return value;
  }
  return "";
}

xmlNode* Child(const xmlNode* node, std::string_view ns, std::string_view local) {
  if (node == nullptr) return nullptr;
  for (xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (LocalName(c) == local && NamespaceOf(c) == ns) return c;
  }
  return nullptr;
}

std::string Text(const xmlNode* node) {
  std::string out;
  if (node != nullptr) AppendText(node, &out);
  return out;
}

}  // namespace acervo
