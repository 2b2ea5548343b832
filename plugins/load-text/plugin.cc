// load-text: plain text and markdown exports (core/src/load/text_loader.h does the work).
// Any other text libmagic names (source code, troff, CSV) is read as plain text too: the
// host falls back to text/plain for text/* types no loader claims (docs/loaders.md).
#include "acervo/loader_plugin.h"
#include "load/bundled_loader.h"
#include "load/text_loader.h"

namespace {

class TextLoader : public acervo::Loader {
 public:
  acervo::LoaderInfo Info() const override {
    return acervo::BundledLoaderInfo(
        "text", acervo::N_("Plain text and markdown (UTF-8): headings, bullets, pipe tables"),
        {{"text/plain", 0, {".txt", ".text"}}, {"text/markdown", 0, {".md", ".markdown"}}});
  }
  acervo::Result<acervo::Document> Load(std::string_view bytes,
                                        const acervo::LoadContext&) const override {
    return acervo::LoadText(bytes);
  }
};

}  // namespace

ACERVO_LOADER_PLUGIN(TextLoader);
