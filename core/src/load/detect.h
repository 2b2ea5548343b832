// detect.h — what a file is, from its bytes (libmagic), its name breaking ties.
//
// The rules (docs/loaders.md, "How a file's type is decided"):
//  1. The bytes decide: "%PDF-" in the first KiB is a PDF (as Poppler reads it); anything else
//     is what libmagic says ("image/tiff", "text/html", "application/zip", ...).
//  2. The name breaks ties the bytes cannot: a text file named .md is markdown and one named
//     .html is HTML (libmagic says text/plain for both when the markup is light); a ZIP named
//     .docx or .odt is that document (libmagic names some of them application/zip); an OLE
//     compound file named .doc is a Word 97-2003 document; bytes libmagic can only call
//     text or data, named as a loader plugin's own format (one acervo does not know), are
//     that format.
//  3. Otherwise a name that disagrees with the bytes loses, and the loader of the bytes' type
//     reads the file with a warning ("named .pdf but is text/html").
//
// Thread-safe: libmagic's handle is guarded by a mutex (a lookup takes microseconds).
// libmagic is loaded (dlopen) on the first bytes that are not a PDF.
#ifndef ACERVO_CORE_LOAD_DETECT_H_
#define ACERVO_CORE_LOAD_DETECT_H_

#include <filesystem>
#include <string>
#include <string_view>

namespace acervo {

// The media type the bytes show, per rule 1; "application/octet-stream" when nothing fits.
std::string SniffMediaType(std::string_view bytes);

// The lower-case extension with its dot (".pdf"), "" when none.
std::string LowerExtension(const std::filesystem::path& path);

// The media type a known document extension stands for (".docx" -> the DOCX type), "" when
// the extension is not one of the formats acervo knows (read or not).
std::string MediaTypeOfExtension(const std::string& extension);

// How a type is named to a person: "a PDF", "a TIFF image"; the type itself when unknown.
std::string DescribeMediaType(const std::string& media_type);

struct Detection {
  std::string media_type;  // what the file is read as
  std::string named_as;    // the type its name claims, when that lost to the bytes; else ""
};

// Rules 1-3 for bytes whose name claims the type `named` ("" when the name claims none).
Detection DetectMediaType(std::string_view bytes, const std::string& named);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_DETECT_H_
