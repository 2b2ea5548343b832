// acervo/loader_plugin.h — the contract between acervo and a loader plugin: a file's bytes
// in, a Document (acervo/document.h) out.
//
// A loader plugin is a shared library named load-NAME.so in the plugin folders (beside the
// extractor plugins, data in load-NAME/ beside it) that exports, through
// ACERVO_LOADER_PLUGIN(Class), its API version and a factory for one Loader. acervo loads every
// load-*.so it finds, refuses one whose API version is not kLoaderApiVersion, configures it
// once, and asks it for the media types it reads. For each file, acervo decides the media type
// from the bytes (libmagic; the name only breaks ties) and hands the bytes to the loader that
// claims that type with the highest priority (docs/loaders.md).
//
// Rules for loader authors:
//  - Fill Page::text with UTF-8 in NFC, one '\n' per line, no soft hyphens or control
//    characters but '\t' and '\n' (the bundled loaders use core/src/load/normalize.h), and
//    Page::blocks with its structure: headings with their level, paragraphs, bullets,
//    captions and table rows (cells separated by '\t', Table::caption and Table::header filled).
//    Number pages from 1 where the format has pages; a format without pages gives one page (or
//    splits at form feeds). acervo sets DocumentInfo::id, source and media_type, and the title,
//    country and period when the loader leaves them empty.
//  - A problem with one page that does not stop the document goes to Page::warnings, naming
//    the page; a problem that stops it is a Status whose message says what is wrong (acervo
//    prefixes the file's name).
//  - Do not throw across this interface; acervo catches what escapes and reports it with the
//    loader's name.
//  - One Loader serves all threads: Load must be safe to call concurrently once configured.
//
// Threads: everything here is plain data except Loader, as said above.
#ifndef ACERVO_LOADER_PLUGIN_H_
#define ACERVO_LOADER_PLUGIN_H_

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/document.h"
#include "acervo/plugin_export.h"
#include "acervo/status.h"

namespace acervo {

// Bumped whenever this header (or acervo/document.h) changes in a way that breaks loaders
// built against it. Same ABI rule as kPluginApiVersion (acervo/plugin.h): a plugin of another
// version is refused; new fields go at the end of a struct, with a default.
// 2: DocumentInfo::date (the date a document's front matter gives), which moves
//    Document::pages for a loader built against version 1.
inline constexpr int kLoaderApiVersion = 2;

enum class OcrMode { kAuto, kAlways, kNever };

// Host-internal: OCR of a PDF's pages planned or done in other processes (see
// core/src/load/page_ocr.h). Loaders other than the bundled PDF loader ignore it.
struct PageOcr;

// How the user asked for the document to be read.
struct LoadOptions {
  OcrMode ocr = OcrMode::kAuto;  // pages without text: read with OCR (auto), always, never
  // Called after each page is loaded (pages_done of pages); may be empty. Loaders that take
  // long per page (OCR, conversion) must call it, so a supervisor can tell slow from hung.
  std::function<void(int pages_done, int pages)> progress;
  PageOcr* page_ocr = nullptr;  // see above; null for every load but the PDF's in ingest
  // Passwords for an encrypted document, tried in turn.
  std::vector<std::string> passwords;
};

// One media type a loader reads.
struct MediaTypeClaim {
  std::string media_type;  // "application/pdf", as libmagic names it
  // When two loaders read the same type, the higher priority wins (bundled loaders use 0;
  // a plugin that means to replace one claims more).
  int priority = 0;
  // The file name extensions of the type, lower case with the dot (".pdf"). They break ties
  // when the bytes say less than the name (text/plain named .md is markdown), and `ingest`
  // picks up files with these names when walking a folder.
  std::vector<std::string> extensions;
};

// What a loader says about itself (`acervo plugins` lists it). Like GStreamer's
// GstPluginDesc: who made it and under which licence, for the user to judge.
struct LoaderInfo {
  std::string name;         // "pdf": `acervo plugins` shows it, errors name it
  std::string version;      // semver of the plugin, "1.0.0"
  std::string description;  // one line
  std::string license;      // SPDX identifier, "GPL-3.0-or-later"
  std::string origin;       // where it comes from: a URL or "bundled with acervo"
  std::vector<MediaTypeClaim> reads;
  // Room for fields added without a version bump by hosts that read them only when set.
  void* reserved[4] = {};
};

// Given once, right after loading.
struct LoaderConfig {
  std::filesystem::path data_dir;  // load-NAME/ beside the plugin (may not exist)
};

// One file to read.
struct LoadContext {
  std::string source;          // the name as the user gave it ("-" for stdin), for messages
  std::filesystem::path path;  // the file on disk; empty when the bytes came from stdin
  std::string media_type;      // the type detection decided, one this loader claims
  const LoadOptions& options;
};

class Loader {
 public:
  virtual ~Loader() = default;
  virtual LoaderInfo Info() const = 0;
  virtual Status Configure(const LoaderConfig& config) {
    (void)config;
    return Status::Ok();
  }
  // `bytes` is the whole file and outlives the call.
  virtual Result<Document> Load(std::string_view bytes, const LoadContext& context) const = 0;
};

// The symbols a loader plugin exports. Resolved by name, so keep them stable.
using LoaderFactory = std::unique_ptr<Loader>();
inline constexpr const char* kLoaderApiVersionSymbol = "acervo_loader_api_version";
inline constexpr const char* kLoaderFactorySymbol = "acervo_loader_create";

}  // namespace acervo

// Put once in a loader plugin's source: ACERVO_LOADER_PLUGIN(MyLoader);
#define ACERVO_LOADER_PLUGIN(LoaderClass)                                             \
  extern "C" __attribute__((visibility("default"))) int acervo_loader_api_version() { \
    return ::acervo::kLoaderApiVersion;                                               \
  }                                                                                   \
  ACERVO_PLUGIN_CXX_RETURN_BEGIN_                                                     \
  extern "C" __attribute__((visibility("default"))) std::unique_ptr<::acervo::Loader> \
  acervo_loader_create() {                                                            \
    return std::make_unique<LoaderClass>();                                           \
  }                                                                                   \
  ACERVO_PLUGIN_CXX_RETURN_END_                                                       \
  static_assert(true, "require a semicolon")

#endif  // ACERVO_LOADER_PLUGIN_H_
