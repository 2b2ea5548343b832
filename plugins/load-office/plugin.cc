// load-office: DOCX and ODT (libzip + libxml2) and HTML (libxml2's HTML parser).
#include "acervo/loader_plugin.h"
#include "load/bundled_loader.h"
#include "load/office/office.h"

namespace {

const char kDocx[] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const char kOdt[] = "application/vnd.oasis.opendocument.text";

class OfficeLoader : public acervo::Loader {
 public:
  acervo::LoaderInfo Info() const override {
    return acervo::BundledLoaderInfo(
        "office", acervo::N_("DOCX and ODT (libzip, libxml2) and HTML (libxml2)"),
        {{kDocx, 0, {".docx"}},
         {kOdt, 0, {".odt"}},
         {"text/html", 0, {".html", ".htm", ".xhtml"}}});
  }
  acervo::Result<acervo::Document> Load(std::string_view bytes,
                                        const acervo::LoadContext& c) const override {
    if (c.media_type == kDocx) return acervo::ReadDocx(bytes, c.source);
    if (c.media_type == kOdt) return acervo::ReadOdt(bytes, c.source);
    return acervo::ReadHtml(bytes, c.source);
  }
};

}  // namespace

ACERVO_LOADER_PLUGIN(OfficeLoader);
