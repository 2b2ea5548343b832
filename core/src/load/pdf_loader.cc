#include "load/pdf_loader.h"

namespace acervo {

// Placeholder until the poppler/tesseract loader lands (issue 3): refuses PDFs clearly.
Result<Document> LoadPdf(std::string_view, const LoadOptions&) {
  return Unsupported("PDF input is not supported by this build yet");
}

}  // namespace acervo
