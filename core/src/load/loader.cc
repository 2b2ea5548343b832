#include "load/loader.h"

#include <algorithm>
#include <fstream>

#include "i18n/i18n.h"
#include "load/detect.h"
#include "load/loader_registry.h"
#include "load/metadata.h"
#include "util/sha256.h"

namespace acervo {
namespace {

// How much of a file is read to tell what it is when walking a folder.
constexpr size_t kSniffBytes = 64 * 1024;

// Text formats of their own: read by their loader or refused, never as plain text.
bool IsMarkupText(const std::string& type) {
  return type == "text/html" || type == "text/rtf" || type == "text/xml";
}

// The loader for `*type`; other text libmagic names (source code, troff, CSV) falls back to
// the plain text loader, and `*type` becomes text/plain.
const LoadedLoader* LoaderFor(const LoaderRegistry& registry, std::string* type) {
  if (const LoadedLoader* loader = registry.For(*type)) return loader;
  if (type->rfind("text/", 0) != 0 || IsMarkupText(*type)) return nullptr;
  const LoadedLoader* plain = registry.For("text/plain");
  if (plain != nullptr) *type = "text/plain";
  return plain;
}

// The type the file's name claims: a loader's claim first, then the formats acervo knows.
std::string NamedType(const LoaderRegistry& registry, const std::string& source) {
  if (source == "-") return "";
  std::string ext = LowerExtension(source);
  if (ext.empty()) return "";
  std::string type = registry.TypeOfExtension(ext);
  return type.empty() ? MediaTypeOfExtension(ext) : type;
}

// Printed by `acervo text`/`extract`, and stored as a failure reason by ingest, whose workers
// work in English (docs/i18n.md): so translated here, and English in the store.
Status NoLoader(const LoaderRegistry& registry, const std::string& source, const std::string& type,
                const std::string& named_as) {
  if (registry.loaders().empty()) {
    std::string looked;
    for (const auto& d : registry.search_path()) looked += " " + d.string();
    return NotFound(
        _f("{}: no loader plugins found (load-*.so; looked in:{}; "
           "set ACERVO_PLUGIN_PATH)",
           source, looked));
  }
  std::string what = _(DescribeMediaType(type).c_str());
  std::string reads =
      what != type ? _f("no loader reads {} ({})", type, what) : _f("no loader reads {}", type);
  if (named_as.empty()) return Unsupported(source + ": " + reads);
  return Unsupported(
      _f("{}: is {}, not {}; {}", source, type, _(DescribeMediaType(named_as).c_str()), reads));
}

// A loader plugin's fixed failure messages are marked N_() in its sources; the plugin cannot
// see the chosen language, so the host translates them (a message with values stays as is).
Status Translated(const Status& s) {
  std::string translated = _(s.message().c_str());
  return translated == s.message() ? s : Status(s.code(), translated);
}

}  // namespace

Result<OcrMode> ParseOcrMode(std::string_view name) {
  if (name == "auto" || name.empty()) return OcrMode::kAuto;
  if (name == "always") return OcrMode::kAlways;
  if (name == "never") return OcrMode::kNever;
  return InvalidArgument(
      _f("unknown OCR mode '{}' (expected auto, always or never)", std::string(name)));
}

bool PickWhenWalking(const std::filesystem::path& file) {
  std::string name = file.filename().string();
  if (name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0) return false;
  const LoaderRegistry& registry = LoaderRegistry::Default();
  std::string ext = LowerExtension(file);
  if (!ext.empty() && !NamedType(registry, name).empty()) return true;
  std::ifstream in(file, std::ios::binary);
  std::string head(kSniffBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  if (head.empty()) return false;
  std::string type = SniffMediaType(head);
  if (!ext.empty() && type.rfind("text/", 0) == 0 && !IsMarkupText(type)) return false;
  return LoaderFor(registry, &type) != nullptr;
}

Result<Document> LoadBytes(std::string_view bytes, const std::string& source,
                           const LoadOptions& options, const std::filesystem::path& path,
                           LoadFor want) {
  if (bytes.empty()) return Corrupt(_f("{}: empty file (0 bytes)", source));
  const LoaderRegistry& registry = LoaderRegistry::Default();
  Detection detected = DetectMediaType(bytes, NamedType(registry, source));
  std::string media_type = detected.media_type;
  const LoadedLoader* loader = LoaderFor(registry, &media_type);
  if (loader == nullptr) return NoLoader(registry, source, media_type, detected.named_as);

  Result<Document> doc = loader->Load(bytes, LoadContext{source, path, media_type, options});
  if (!doc.ok()) return Translated(doc.status()).Prefixed(source);

  Document& d = doc.value();
  if (want == LoadFor::kDocument) d.info.id = "sha256:" + Sha256Hex(bytes);
  d.info.source = source;
  d.info.media_type = media_type;
  if (!detected.named_as.empty()) {
    d.warnings.push_back("named as " + DescribeMediaType(detected.named_as) + " but is " +
                         media_type + "; read as that");
  }
  bool any_text = std::any_of(d.pages.begin(), d.pages.end(), [](const Page& p) {
    return p.text.find_first_not_of(" \t\n\f") != std::string::npos;
  });
  if (!any_text) {
    bool images = media_type == "application/pdf" || media_type.rfind("image/", 0) == 0;
    return Corrupt(images && options.ocr == OcrMode::kNever
                       ? _f("{}: no text in the document (image-only pages and OCR disabled "
                            "with --ocr never)",
                            source)
                       : _f("{}: no text in the document", source));
  }
  if (want == LoadFor::kDocument) DetectMetadata(&d);
  return doc;
}

Result<Document> LoadDocument(const std::filesystem::path& path, const LoadOptions& options,
                              const Env& env, LoadFor want) {
  Result<std::string> bytes = env.ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return LoadBytes(*bytes, path.string(), options, path, want);
}

}  // namespace acervo
