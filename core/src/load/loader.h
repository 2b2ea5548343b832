// loader.h — any file acervo can read in, a Document of normalized pages out.
//
// The type comes from the bytes, the name only breaking ties (detect.h); the loader plugin
// that reads that type (loader_registry.h, acervo/loader_plugin.h) reads it. Then the host
// sets the document's id (the SHA-256 of its bytes), source and media type, refuses a
// document with no text, and finds the metadata the loader left unset (metadata.h).
#ifndef ACERVO_CORE_LOAD_LOADER_H_
#define ACERVO_CORE_LOAD_LOADER_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "acervo/document.h"
#include "acervo/loader_plugin.h"
#include "acervo/status.h"
#include "io/env.h"

namespace acervo {

// Parses "auto", "always", "never".
Result<OcrMode> ParseOcrMode(std::string_view name);

// Whether `ingest`, walking a folder, picks up `file` (docs/ingest.md, "Which files"):
// hidden files and office lock files never; a file whose extension names a document format
// always (what it really is decides how it is read, or why not); a file with no extension
// when its bytes are something a loader reads; a file with another extension (.dat, .bin)
// when its bytes are a document that is not plain text (a PDF named .dat is a PDF; a .csv
// or .log is not a report).
bool PickWhenWalking(const std::filesystem::path& file);

// What the caller will read of the document: all of it (kDocument), or only its pages
// (kText, `acervo text`), which leaves the id and the metadata unset and saves hashing the
// bytes and compiling the metadata cues.
enum class LoadFor { kDocument, kText };

// Errors name the file: "report.pdf: encrypted: needs a password"; a type no loader reads
// is Unsupported ("scan.gif: no loader reads image/gif (a GIF image)").
Result<Document> LoadDocument(const std::filesystem::path& path, const LoadOptions& options,
                              const Env& env = Env::Default(), LoadFor want = LoadFor::kDocument);
// `source` is the name to detect by and to report ("-" for stdin); `path` the file on disk,
// when there is one (a loader that converts through another program may use it).
Result<Document> LoadBytes(std::string_view bytes, const std::string& source,
                           const LoadOptions& options, const std::filesystem::path& path = {},
                           LoadFor want = LoadFor::kDocument);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_LOADER_H_
