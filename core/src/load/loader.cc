#include "load/loader.h"

#include <algorithm>
#include <cctype>

#include "load/metadata.h"
#include "load/office/office.h"
#include "load/pdf_loader.h"
#include "load/text_loader.h"
#include "util/sha256.h"

namespace acervo {
namespace {

std::string LowerExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool IsTextExtension(const std::string& ext) {
  return ext == ".txt" || ext == ".text" || ext == ".md" || ext == ".markdown";
}

}  // namespace

Result<OcrMode> ParseOcrMode(std::string_view name) {
  if (name == "auto" || name.empty()) return OcrMode::kAuto;
  if (name == "always") return OcrMode::kAlways;
  if (name == "never") return OcrMode::kNever;
  return InvalidArgument("unknown OCR mode '" + std::string(name) +
                         "' (expected auto, always or never)");
}

bool IsSupportedExtension(const std::filesystem::path& path) {
  std::string ext = LowerExtension(path);
  return ext == ".pdf" || IsTextExtension(ext) || ext == ".docx" || ext == ".odt" ||
         ext == ".html" || ext == ".htm";
}

Result<Document> LoadBytes(std::string_view bytes, const std::string& source,
                           const LoadOptions& options) {
  std::string ext = LowerExtension(source);
  Result<Document> doc = Corrupt("empty");
  std::string media_type;
  if (bytes.empty()) {
    return Corrupt(source + ": empty file (0 bytes)");
  } else if (bytes.substr(0, std::min<size_t>(bytes.size(), 1024)).find("%PDF-") !=
             std::string_view::npos) {
    media_type = "application/pdf";
    doc = LoadPdf(bytes, options);
  } else if (std::string kind = SniffOffice(bytes); !kind.empty()) {
    // DOCX, ODT, HTML by content (issue 26; the loader plugins replace this branch).
    media_type = kind == "odt"    ? "application/vnd.oasis.opendocument.text"
                 : kind == "html" ? "text/html"
                                  : "application/vnd.openxmlformats-officedocument."
                                    "wordprocessingml.document";
    doc = kind == "odt" ? ReadOdt(bytes, source)
          : kind == "html" ? ReadHtml(bytes, source) : ReadDocx(bytes, source);
  } else if (ext == ".pdf") {
    return Corrupt(source + ": not a PDF (no %PDF- header), despite its name");
  } else if (IsTextExtension(ext) || source == "-") {
    media_type = (ext == ".md" || ext == ".markdown") ? "text/markdown" : "text/plain";
    doc = LoadText(bytes);
  } else {
    return Unsupported(source + ": unsupported file type '" + ext +
                       "' (acervo reads .pdf, .txt, .md, .docx, .odt and .html)");
  }
  if (!doc.ok()) return doc.status().Prefixed(source);

  Document& d = doc.value();
  d.info.id = "sha256:" + Sha256Hex(bytes);
  d.info.source = source;
  d.info.media_type = media_type;
  bool any_text = std::any_of(d.pages.begin(), d.pages.end(), [](const Page& p) {
    return p.text.find_first_not_of(" \t\n\f") != std::string::npos;
  });
  if (!any_text) {
    return Corrupt(source + ": no text in the document" +
                   (media_type == "application/pdf" && options.ocr == OcrMode::kNever
                        ? " (image-only pages and OCR disabled with --ocr never)"
                        : ""));
  }
  DetectMetadata(&d);
  return doc;
}

Result<Document> LoadDocument(const std::filesystem::path& path, const LoadOptions& options,
                              const Env& env) {
  Result<std::string> bytes = env.ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return LoadBytes(*bytes, path.string(), options);
}

}  // namespace acervo
