// acervo/engine.h — the pipeline as a library: load a pipeline and its plugins once, then
// turn files into extraction results (document, mentions, records).
//
// `acervo extract`, `acervo ingest` and `acervo eval --run` are thin layers over this.
#ifndef ACERVO_ENGINE_H_
#define ACERVO_ENGINE_H_

#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/document.h"
#include "acervo/extraction.h"
#include "acervo/status.h"

namespace acervo {

class Env;           // core/src/io/env.h: files and the clock, replaceable in tests
class MentionTypes;  // core/src/records/mention_types.h: what the plugins declare

struct EngineOptions {
  std::string pipeline = "default";  // a name in the pipeline search path, or a YAML file
  std::vector<std::string> only;     // run only these plugins (by name); empty: all
  std::vector<std::filesystem::path> plugin_dirs;  // searched before the defaults
  // Where pipelines, plugins and documents are looked up and read; null is the real file
  // system (Env::Default()). Must outlive the engine.
  const Env* env = nullptr;
};

struct PageOcr;  // opaque outside the core

// Per-document settings that override what the document says about itself.
struct Overrides {
  std::string country;       // "MX"
  std::string title;         // the document's title
  std::string period_start;  // the period the document reports on, "2020-07" (or "2020")
  std::string period_end;
  std::string context_date;  // "2024-02-01"
  std::string ocr;           // "auto" (default), "always", "never"
  std::string source;        // the name to record as document.source ("" = the path)
  // Passwords for encrypted PDFs, tried in turn (each as owner and as user password).
  std::vector<std::string> passwords;
  // Called as pages are loaded (pages_done of pages), so a supervisor can tell a long OCR
  // job from a hung one. May be empty.
  std::function<void(int pages_done, int pages)> progress;
  // For `acervo ingest`, which OCRs the pages of a document in parallel workers: OCR already
  // done, or a request to plan it (core/src/load/page_ocr.h). Null for everyone else.
  std::shared_ptr<PageOcr> page_ocr;
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Open(const EngineOptions& options);
  virtual ~Engine() = default;

  // Loads, extracts and assembles one file ("-" reads UTF-8 text from stdin).
  virtual Result<Extraction> Process(const std::filesystem::path& file,
                                     const Overrides& overrides) const = 0;
  // The same for a file's bytes already read; `source` names it (and its type, by extension).
  virtual Result<Extraction> ProcessBytes(std::string_view bytes, const std::string& source,
                                          const Overrides& overrides) const = 0;
  // The same for a document already loaded (re-extraction from stored page text).
  virtual Result<Extraction> ProcessDocument(Document document,
                                             const Overrides& overrides) const = 0;
  virtual std::string PipelineId() const = 0;  // "informe-actividades@1"
  // The mention types the pipeline's plugins declare (PluginInfo::mention_types).
  virtual const MentionTypes& mention_types() const = 0;
};

// The extraction in the exact shape of the output contract (docs/output-format.md).
nlohmann::json ToContractJson(const Extraction& extraction);

}  // namespace acervo

#endif  // ACERVO_ENGINE_H_
