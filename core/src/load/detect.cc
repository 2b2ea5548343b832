#include "load/detect.h"

#include <dlfcn.h>
#include <magic.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>

#include "i18n/i18n.h"

namespace acervo {
namespace {

// The document formats acervo knows by name, read or not (a loader plugin may read more:
// loader_registry.h adds its claims). The first extension of a format is its usual one.
struct KnownFormat {
  const char* media_type;
  std::array<const char*, 3> extensions;
  const char* description;  // English; marked N_() for the messages that show it
};

constexpr KnownFormat kKnownFormats[] = {
    {"application/pdf", {".pdf"}, N_("a PDF")},
    {"text/plain", {".txt", ".text"}, N_("plain text")},
    {"text/markdown", {".md", ".markdown"}, N_("markdown")},
    {"text/html", {".html", ".htm", ".xhtml"}, N_("an HTML page")},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     {".docx"},
     N_("a Word document")},
    {"application/vnd.oasis.opendocument.text", {".odt"}, N_("an OpenDocument text")},
    {"application/msword", {".doc"}, N_("a Word 97-2003 document")},
    {"text/rtf", {".rtf"}, N_("an RTF document")},
    {"image/tiff", {".tif", ".tiff"}, N_("a TIFF image")},
    {"image/png", {".png"}, N_("a PNG image")},
    {"image/jpeg", {".jpg", ".jpeg"}, N_("a JPEG image")},
    {"image/gif", {".gif"}, N_("a GIF image")},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     {".xlsx"},
     N_("an Excel spreadsheet")},
};

// Containers libmagic sometimes names instead of the format inside them, with the formats
// whose name may settle which one it is (rule 2).
bool ContainerHolds(const std::string& sniffed, const std::string& named) {
  if (sniffed == "application/zip") {
    return named.rfind("application/vnd.openxmlformats-", 0) == 0 ||
           named.rfind("application/vnd.oasis.opendocument.", 0) == 0;
  }
  if (sniffed == "application/CDFV2" || sniffed == "application/x-ole-storage") {
    return named == "application/msword";
  }
  // libmagic could not tell (text in a legacy encoding, say): a text name lets the text
  // loader say precisely what is wrong ("not UTF-8 at byte 1").
  if (sniffed == "application/octet-stream") return named.rfind("text/", 0) == 0;
  return false;
}

// libmagic's names for types it knows under another name.
std::string Canonical(std::string type) {
  if (type == "application/rtf") return "text/rtf";
  if (type == "inode/x-empty" || type == "application/x-empty") return "text/plain";
  return type;
}

// libmagic, opened (dlopen) on the first bytes that are not a PDF, so that a process that
// reads only PDFs (`acervo text`, a PDF ingest worker) never maps it and the compression
// libraries under it (about 0.3 ms of every start). Without it everything is
// application/octet-stream.
class Magic {
 public:
  Magic() {
    void* lib = dlopen("libmagic.so.1", RTLD_NOW | RTLD_LOCAL);
    if (lib == nullptr) return;  // kept loaded for the life of the process
    auto open = reinterpret_cast<decltype(&magic_open)>(dlsym(lib, "magic_open"));
    auto load = reinterpret_cast<decltype(&magic_load)>(dlsym(lib, "magic_load"));
    buffer_ = reinterpret_cast<decltype(&magic_buffer)>(dlsym(lib, "magic_buffer"));
    if (open == nullptr || load == nullptr || buffer_ == nullptr) return;
    cookie_ = open(MAGIC_MIME_TYPE | MAGIC_ERROR);
    if (cookie_ != nullptr && load(cookie_, nullptr) != 0) cookie_ = nullptr;
  }
  std::string TypeOf(std::string_view bytes) {
    std::lock_guard<std::mutex> lock(mu_);
    if (cookie_ == nullptr) return "application/octet-stream";
    const char* type = buffer_(cookie_, bytes.data(), bytes.size());
    return type != nullptr ? Canonical(type) : "application/octet-stream";
  }

 private:
  std::mutex mu_;
  magic_t cookie_ = nullptr;
  decltype(&magic_buffer) buffer_ = nullptr;
};

}  // namespace

std::string SniffMediaType(std::string_view bytes) {
  if (bytes.substr(0, std::min<size_t>(bytes.size(), 1024)).find("%PDF-") !=
      std::string_view::npos) {
    return "application/pdf";
  }
  static Magic* magic = new Magic();  // never destroyed: workers may exit mid-lookup
  return magic->TypeOf(bytes);
}

std::string LowerExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::string MediaTypeOfExtension(const std::string& extension) {
  for (const KnownFormat& f : kKnownFormats) {
    for (const char* e : f.extensions) {
      if (e != nullptr && extension == e) return f.media_type;
    }
  }
  return "";
}

std::string DescribeMediaType(const std::string& media_type) {
  for (const KnownFormat& f : kKnownFormats) {
    if (media_type == f.media_type) return f.description;
  }
  return media_type;
}

Detection DetectMediaType(std::string_view bytes, const std::string& named) {
  std::string sniffed = SniffMediaType(bytes);
  if (named.empty() || named == sniffed) return {sniffed, ""};
  // RTF is text to libmagic but a format of its own: its name never makes it plain text.
  bool both_text = sniffed.rfind("text/", 0) == 0 && named.rfind("text/", 0) == 0 &&
                   sniffed != "text/rtf" && named != "text/rtf";
  if (both_text || ContainerHolds(sniffed, named)) return {named, ""};
  // A loader plugin's own format, one libmagic does not know: when the bytes say no more
  // than "text" or "data", the name is all there is to go by.
  bool generic = sniffed == "text/plain" || sniffed == "application/octet-stream";
  if (generic && DescribeMediaType(named) == named) return {named, ""};
  return {sniffed, named};
}

}  // namespace acervo
