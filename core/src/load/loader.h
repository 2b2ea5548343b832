// loader.h — any supported file in, a Document of normalized pages out.
//
// The type is decided by content (a PDF starts with "%PDF-"), then by extension (.txt, .md,
// .markdown, .text); anything else is refused. The document's id is the SHA-256 of its bytes.
#ifndef ACERVO_CORE_LOAD_LOADER_H_
#define ACERVO_CORE_LOAD_LOADER_H_

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/document.h"
#include "acervo/status.h"
#include "io/env.h"

namespace acervo {

struct PageOcr;

enum class OcrMode { kAuto, kAlways, kNever };

struct LoadOptions {
  OcrMode ocr = OcrMode::kAuto;
  // Called after each page is loaded (pages_done of pages); may be empty. Loaders that take
  // long per page (OCR) must call it, so a supervisor can tell slow from hung.
  std::function<void(int pages_done, int pages)> progress;
  // OCR done elsewhere, or a request to plan it (load/page_ocr.h); null: OCR here as usual.
  PageOcr* page_ocr = nullptr;
  // Passwords for an encrypted PDF, tried in turn; ignored for other documents.
  std::vector<std::string> passwords;
};

// Parses "auto", "always", "never".
Result<OcrMode> ParseOcrMode(std::string_view name);

// True for the files `ingest` picks up when walking a folder (.pdf, .txt, .md, ...).
bool IsSupportedExtension(const std::filesystem::path& path);

// Errors name the file: "report.pdf: encrypted: needs a password".
Result<Document> LoadDocument(const std::filesystem::path& path, const LoadOptions& options,
                              const Env& env = Env::Default());
Result<Document> LoadBytes(std::string_view bytes, const std::string& source,
                           const LoadOptions& options);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_LOADER_H_
