// raw_pdf.h — PDFs assembled object by object, for tests that need shapes no well-behaved
// writer makes (page trees that loop, absurd page sizes, streams that inflate to gigabytes).
// Test-only; not thread-safe state, plain functions.
#ifndef ACERVO_TESTS_HOSTILE_RAW_PDF_H_
#define ACERVO_TESTS_HOSTILE_RAW_PDF_H_

#include <string>
#include <vector>

namespace acervo::test {

// Objects numbered from 1 in order; object 1 must be the catalog. A correct xref table and
// trailer are added, so the file is broken only where its objects say so.
inline std::string RawPdf(const std::vector<std::string>& objects) {
  std::string pdf = "%PDF-1.5\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    std::string n = std::to_string(off);
    pdf += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// A stream object with these (already encoded) bytes and extra dictionary entries.
inline std::string RawStream(const std::string& bytes, const std::string& dict = "") {
  return "<< /Length " + std::to_string(bytes.size()) + " " + dict + " >>\nstream\n" + bytes +
         "\nendstream";
}

inline const char* kHelvetica =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

}  // namespace acervo::test

#endif  // ACERVO_TESTS_HOSTILE_RAW_PDF_H_
