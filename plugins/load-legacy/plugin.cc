// load-legacy: Word 97-2003 (.doc) and RTF documents, converted to PDF by LibreOffice in
// headless mode when it is installed (soffice.h) and read by the PDF loader, so headings,
// tables and pages come out as from any PDF. Without LibreOffice each such file fails with
// the package to install.
#include "acervo/loader_plugin.h"
#include "load/bundled_loader.h"
#include "load/pdf_loader.h"
#include "soffice.h"

namespace {

// LibreOffice's conversion of a long document takes seconds; one that takes this long hangs.
constexpr int kTimeoutSeconds = 120;

class LegacyLoader : public acervo::Loader {
 public:
  acervo::LoaderInfo Info() const override {
    return acervo::BundledLoaderInfo(
        "legacy",
        acervo::N_("Word 97-2003 (.doc) and RTF through LibreOffice (libreoffice-writer)"),
        {{"application/msword", 0, {".doc"}}, {"text/rtf", 0, {".rtf"}}});
  }
  acervo::Result<acervo::Document> Load(std::string_view bytes,
                                        const acervo::LoadContext& context) const override {
    acervo::Result<std::filesystem::path> soffice = acervo::legacy::FindSoffice();
    if (!soffice.ok()) return soffice.status();
    std::string extension = context.media_type == "text/rtf" ? ".rtf" : ".doc";
    if (context.options.progress) context.options.progress(0, 1);
    acervo::Result<std::string> pdf =
        acervo::legacy::ConvertToPdf(*soffice, bytes, extension, kTimeoutSeconds);
    if (!pdf.ok()) return pdf.status();
    acervo::LoadOptions options = context.options;
    options.page_ocr = nullptr;  // the converted PDF is not the file ingest planned for
    return acervo::LoadPdf(*pdf, options);
  }
};

}  // namespace

ACERVO_LOADER_PLUGIN(LegacyLoader);
