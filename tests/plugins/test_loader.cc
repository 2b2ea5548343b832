// Loader plugins for the loader host's tests, one per TEST_LOADER_* variant:
//   GOOD     reads "application/x-acervo-test" (.acervotest) and, with priority 1, text/plain,
//            into one page saying which loader read it
//   OLD_API  claims loader API version 0
//   THROWING throws from Load
#include <stdexcept>

#include "acervo/loader_plugin.h"

namespace {

class TestLoader : public acervo::Loader {
 public:
  acervo::LoaderInfo Info() const override {
    acervo::LoaderInfo info;
    info.name = "test";
    info.version = "0.0.1";
    info.description = "test loader";
    info.license = "same as acervo";
    info.origin = "tests/plugins/test_loader.cc";
    info.reads = {{"application/x-acervo-test", 0, {".acervotest"}}, {"text/plain", 1, {}}};
    return info;
  }
  acervo::Result<acervo::Document> Load(std::string_view bytes,
                                        const acervo::LoadContext& context) const override {
#ifdef TEST_LOADER_THROWING
    throw std::runtime_error("boom");
#endif
    acervo::Document doc;
    acervo::Page page;
    page.text = "read by the test loader as " + context.media_type + ": " + std::string(bytes);
    page.blocks.push_back(acervo::Block{acervo::SegmentKind::kParagraph, 0, page.text.size()});
    doc.pages.push_back(std::move(page));
    return doc;
  }
};

}  // namespace

#ifdef TEST_LOADER_OLD_API
extern "C" __attribute__((visibility("default"))) int acervo_loader_api_version() { return 0; }
extern "C" __attribute__((visibility("default"))) std::unique_ptr<acervo::Loader>
acervo_loader_create() {
  return std::make_unique<TestLoader>();
}
#else
ACERVO_LOADER_PLUGIN(TestLoader);
#endif
