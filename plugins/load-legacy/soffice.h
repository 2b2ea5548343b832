// soffice.h — converting a document with LibreOffice in headless mode.
//
// `soffice --headless --convert-to pdf` runs in a fresh temporary folder, with a user
// profile of its own there (so conversions may run side by side), in its own process group,
// killed with the group when it outlives `timeout_seconds`. Its memory is bounded by the
// limits of the calling process (an ingest worker's), which it inherits.
//
// Thread-safe: each call has its own folder and child.
#ifndef ACERVO_PLUGINS_LOAD_LEGACY_SOFFICE_H_
#define ACERVO_PLUGINS_LOAD_LEGACY_SOFFICE_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "acervo/status.h"

namespace acervo::legacy {

// The soffice program on PATH (also tried: libreoffice), or NotFound saying which Debian
// package brings it.
Result<std::filesystem::path> FindSoffice();

// The PDF LibreOffice makes of `bytes` (a file whose name ends in `extension`, ".doc").
Result<std::string> ConvertToPdf(const std::filesystem::path& soffice, std::string_view bytes,
                                 const std::string& extension, int timeout_seconds);

}  // namespace acervo::legacy

#endif  // ACERVO_PLUGINS_LOAD_LEGACY_SOFFICE_H_
