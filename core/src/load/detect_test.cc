// Detection by content (detect.h) and what LoadBytes does with what it detects: the right
// bundled loader plugin, or a refusal saying what the file really is.
#include "load/detect.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "load/loader.h"
#include "load/loader_registry.h"
#include "load/test_pdf.h"

namespace acervo {
namespace {

using ::testing::HasSubstr;

const char kGif[] = "GIF89a\x01\x00\x01\x00\x80\x00\x00";
const char kDocx[] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

std::string SmallPdf() {
  testing_pdf::Run run;
  run.text = "Informe de actividades del programa";
  return testing_pdf::MakePdf({{run}});
}

TEST(Detect, TheBytesDecide) {
  EXPECT_EQ(SniffMediaType(SmallPdf()), "application/pdf");
  EXPECT_EQ(SniffMediaType(std::string(kGif, sizeof kGif - 1)), "image/gif");
  EXPECT_EQ(SniffMediaType("<!DOCTYPE html>\n<html><head><title>x</title></head></html>\n"),
            "text/html");
  // A PDF with junk before its header is still a PDF, as Poppler reads it.
  EXPECT_EQ(SniffMediaType("junk\n" + SmallPdf()), "application/pdf");
}

TEST(Detect, TheNameBreaksTies) {
  EXPECT_EQ(DetectMediaType("# Informe\n\nTexto.\n", "text/markdown").media_type, "text/markdown");
  EXPECT_EQ(DetectMediaType("Texto.\n", "text/plain").media_type, "text/plain");
  EXPECT_EQ(DetectMediaType("Texto.\n", "").media_type, "text/plain");
  // A ZIP libmagic does not look into (here an empty one), named .docx, is a DOCX.
  std::string zip = "PK\x05\x06" + std::string(18, '\0');
  ASSERT_EQ(SniffMediaType(zip), "application/zip");
  Detection d = DetectMediaType(zip, kDocx);
  EXPECT_EQ(d.media_type, kDocx);
  EXPECT_EQ(d.named_as, "");
  // A plugin's own format, which libmagic cannot name, goes by its name.
  EXPECT_EQ(DetectMediaType("x y z\n", "application/x-acervo-demo").media_type,
            "application/x-acervo-demo");
  // Text in a legacy encoding named .txt goes to the text loader, which says what is wrong.
  EXPECT_EQ(DetectMediaType("a\xF1o", "text/plain").media_type, "text/plain");
}

TEST(Detect, ANameThatDisagreesWithTheBytesLoses) {
  Detection d = DetectMediaType(SmallPdf(), "text/plain");
  EXPECT_EQ(d.media_type, "application/pdf");
  EXPECT_EQ(d.named_as, "text/plain");
  d = DetectMediaType("<!DOCTYPE html>\n<html><body><p>x</p></body></html>\n", "application/pdf");
  EXPECT_EQ(d.media_type, "text/html");
  EXPECT_EQ(d.named_as, "application/pdf");
}

TEST(Detect, ExtensionsOfKnownFormats) {
  EXPECT_EQ(LowerExtension("A/INFORME.PDF"), ".pdf");
  EXPECT_EQ(MediaTypeOfExtension(".tif"), "image/tiff");
  EXPECT_EQ(MediaTypeOfExtension(".docx"), kDocx);
  EXPECT_EQ(MediaTypeOfExtension(".dat"), "");
  EXPECT_EQ(DescribeMediaType("application/pdf"), "a PDF");
}

TEST(LoadBytes, BundledLoadersAreFound) {
  const LoaderRegistry& registry = LoaderRegistry::Default();
  ASSERT_TRUE(registry.errors().empty()) << registry.errors()[0];
  ASSERT_NE(registry.For("application/pdf"), nullptr);
  EXPECT_EQ(registry.For("application/pdf")->info().name, "pdf");
  EXPECT_EQ(registry.For("text/markdown")->info().name, "text");
  EXPECT_EQ(registry.For("image/tiff")->info().name, "image");
  EXPECT_EQ(registry.TypeOfExtension(".md"), "text/markdown");
}

TEST(LoadBytes, APdfNamedDatIsReadAsAPdf) {
  Result<Document> doc = LoadBytes(SmallPdf(), "informe.dat", LoadOptions());
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->info.media_type, "application/pdf");
  EXPECT_THAT(doc->pages[0].text, HasSubstr("Informe de actividades"));
}

TEST(LoadBytes, APdfNamedTxtIsReadAsAPdfWithAWarning) {
  Result<Document> doc = LoadBytes(SmallPdf(), "informe.txt", LoadOptions());
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->info.media_type, "application/pdf");
  ASSERT_EQ(doc->warnings.size(), 1u);
  EXPECT_THAT(doc->warnings[0], HasSubstr("named as plain text but is application/pdf"));
}

TEST(LoadBytes, WhatNoLoaderReadsIsRefusedWithWhatItIs) {
  std::string gif(kGif, sizeof kGif - 1);
  Result<Document> named_pdf = LoadBytes(gif, "report.pdf", LoadOptions());
  ASSERT_FALSE(named_pdf.ok());
  EXPECT_EQ(named_pdf.status().code(), Code::kUnsupported);
  EXPECT_EQ(named_pdf.status().message(),
            "report.pdf: is image/gif, not a PDF; no loader reads image/gif (a GIF image)");
  Result<Document> gif_doc = LoadBytes(gif, "scan.gif", LoadOptions());
  ASSERT_FALSE(gif_doc.ok());
  EXPECT_EQ(gif_doc.status().message(), "scan.gif: no loader reads image/gif (a GIF image)");
}

TEST(LoadBytes, OtherTextIsReadAsPlainText) {
  // libmagic names this C source; it is still text a person wrote.
  Result<Document> doc =
      LoadBytes("#include <stdio.h>\nint main(void) { return 0; }\n", "notas", LoadOptions());
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->info.media_type, "text/plain");
}

}  // namespace
}  // namespace acervo
