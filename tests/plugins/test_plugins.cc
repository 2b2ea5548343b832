// Plugins built only for the tests, each compiled into its own module by tests/CMakeLists.txt
// with one of these defined:
//   TEST_PLUGIN_GOOD      finds the word "acervo" (type "probe", declared to fill the
//                         records' "probes": a type core knows nothing about)
//   TEST_PLUGIN_THROWING  throws from Extract, to check the host's boundary
//   TEST_PLUGIN_OLD_API   claims plugin API version 0, to check the refusal
//   TEST_PLUGIN_FAULTS    on a document marked ACERVO-TEST-CRASH, -HANG, -MEMORY or -SLOW,
//                         crashes, hangs, eats memory or takes 300 ms (ingest's isolation)
#include <signal.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>
#include <vector>

#include "acervo/plugin.h"

namespace {

// A type core knows nothing about: each "acervo" found, kept in a record's "probes" once
// per word.
const std::vector<acervo::MentionTypeInfo> kProbe = {{"probe", "probes", {"word"}, {}}};

class ProbeExtractor : public acervo::Extractor {
 public:
  acervo::PluginInfo Info() const override {
#ifdef TEST_PLUGIN_THROWING
    return {"test-throwing", "0.0.1", "Throws from Extract", kProbe};
#elif defined(TEST_PLUGIN_FAULTS)
    return {"test-faults", "0.0.1", "Crashes, hangs or eats memory on marked documents", {}};
#elif defined(TEST_PLUGIN_OLD_API)
    return {"test-old-api", "0.0.1", "Built for an old plugin API", kProbe};
#else
    return {"test-good", "0.0.1", "Finds the word acervo", kProbe};
#endif
  }
  acervo::Status Configure(const acervo::PluginConfig&) override { return acervo::Status::Ok(); }

  std::unique_ptr<acervo::Run> Begin(const acervo::DocumentContext&) const override {
    class ProbeRun : public acervo::Run {
     public:
      acervo::Status Extract(const acervo::Segment& s, std::vector<acervo::Mention>* out) override {
#ifdef TEST_PLUGIN_THROWING
        (void)s, (void)out;
        throw std::runtime_error("deliberate failure");
#elif defined(TEST_PLUGIN_FAULTS)
        (void)out;
        if (s.text.find("ACERVO-TEST-CRASH") != std::string_view::npos) raise(SIGSEGV);
        if (s.text.find("ACERVO-TEST-HANG") != std::string_view::npos) {
          while (true) pause();
        }
        if (s.text.find("ACERVO-TEST-MEMORY") != std::string_view::npos) {
          std::vector<char*> hog;
          while (true) {
            char* block = new char[64 << 20];
            std::memset(block, 1, 64 << 20);
            hog.push_back(block);
          }
        }
        if (s.text.find("ACERVO-TEST-SLOW") != std::string_view::npos) usleep(300000);
        return acervo::Status::Ok();
#else
        for (size_t at = s.text.find("acervo"); at != std::string_view::npos;
             at = s.text.find("acervo", at + 1)) {
          out->push_back({"probe", at, at + 6, {{ "word", "acervo" }}, 0.9});
        }
        return acervo::Status::Ok();
#endif
      }
    };
    return std::make_unique<ProbeRun>();
  }
};

}  // namespace

#ifdef TEST_PLUGIN_OLD_API
extern "C" __attribute__((visibility("default"))) int acervo_plugin_api_version() { return 0; }
extern "C" __attribute__((visibility("default"))) std::unique_ptr<acervo::Extractor>
acervo_plugin_create() {
  return std::make_unique<ProbeExtractor>();
}
#else
ACERVO_PLUGIN(ProbeExtractor);
#endif
