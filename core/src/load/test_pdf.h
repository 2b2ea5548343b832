// test_pdf.h — tiny PDFs written in code for the loader tests (test-only).
//
// Each page is a list of text runs set in Helvetica (WinAnsi, so Spanish accents work) at a
// position given in points from the top left of a US-Letter page. A page with no runs has
// no text layer at all, like a scan whose image was lost. A run can instead be a drawn
// square, for list bullets.
#ifndef ACERVO_CORE_LOAD_TEST_PDF_H_
#define ACERVO_CORE_LOAD_TEST_PDF_H_

#include <cstdio>
#include <string>
#include <vector>

#include "acervo/text.h"

namespace acervo::testing_pdf {

struct Run {
  double x = 72, y = 72;  // top-left origin, points
  std::string text;       // UTF-8, Latin-1 characters only
  double size = 11;
  bool bold = false;
  bool square = false;  // draw a filled square of side `size` instead of the text, as
                        // browsers draw list bullets (no glyph in the text layer)
};

inline std::string Latin1Escaped(const std::string& utf8) {
  std::string out;
  size_t pos = 0;
  while (pos < utf8.size()) {
    char32_t cp = NextCodePoint(utf8, &pos);
    if (cp == '(' || cp == ')' || cp == '\\') out.push_back('\\');
    out.push_back(cp < 256 ? static_cast<char>(cp) : '?');
  }
  return out;
}

// Objects numbered from 1 in order (object 1 the catalog), with a correct xref table and
// trailer: the file is broken only where its objects say so.
inline std::string AssemblePdf(const std::vector<std::string>& objects) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

inline std::string MakePdf(const std::vector<std::vector<Run>>& pages) {
  std::vector<std::string> objects;  // object i+1
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("");  // pages, filled in below
  objects.push_back(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  objects.push_back(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  std::string kids;
  for (const auto& runs : pages) {
    std::string content;
    for (const Run& r : runs) {
      if (r.square) {
        char path[96];
        std::snprintf(path, sizeof path, "0 g %.2f %.2f %.2f %.2f re f\n", r.x, 792 - r.y - r.size,
                      r.size, r.size);
        content += path;
        continue;
      }
      char head[96];
      std::snprintf(head, sizeof head, "BT /%s %.1f Tf %.2f %.2f Td (", r.bold ? "F2" : "F1",
                    r.size, r.x, 792 - r.y - r.size);
      content += head + Latin1Escaped(r.text) + ") Tj ET\n";
    }
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "endstream");
    int content_id = static_cast<int>(objects.size());
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " +
                      std::to_string(content_id) +
                      " 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>");
    kids += std::to_string(objects.size()) + " 0 R ";
  }
  objects[1] =
      "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  return AssemblePdf(objects);
}

}  // namespace acervo::testing_pdf

#endif  // ACERVO_CORE_LOAD_TEST_PDF_H_
