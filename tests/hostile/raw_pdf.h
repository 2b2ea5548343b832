// raw_pdf.h — PDFs assembled object by object, for tests that need shapes no well-behaved
// writer makes (page trees that loop, absurd page sizes, streams that inflate to gigabytes).
// Test-only; not thread-safe state, plain functions.
#ifndef ACERVO_TESTS_HOSTILE_RAW_PDF_H_
#define ACERVO_TESTS_HOSTILE_RAW_PDF_H_

#include <string>

#include "load/test_pdf.h"

namespace acervo::test {

using testing_pdf::AssemblePdf;

// A stream object with these (already encoded) bytes and extra dictionary entries.
inline std::string RawStream(const std::string& bytes, const std::string& dict = "") {
  return "<< /Length " + std::to_string(bytes.size()) + " " + dict + " >>\nstream\n" + bytes +
         "\nendstream";
}

inline const char* kHelvetica =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

}  // namespace acervo::test

#endif  // ACERVO_TESTS_HOSTILE_RAW_PDF_H_
