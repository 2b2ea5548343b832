// acervo text — the normalized text the extractors see, pages separated by form feeds.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "command.h"
#include "i18n/i18n.h"
#include "load/loader.h"
#include "password_options.h"

namespace acervo::cli {
namespace {

struct Options {
  std::string file;
  std::string ocr = "auto";
  bool blocks = false;
  std::vector<std::string> passwords;
};

const char* KindName(SegmentKind k) {
  switch (k) {
    case SegmentKind::kHeading:
      return "heading";
    case SegmentKind::kParagraph:
      return "paragraph";
    case SegmentKind::kBullet:
      return "bullet";
    case SegmentKind::kTableRow:
      return "row";
    case SegmentKind::kCaption:
      return "caption";
  }
  return "?";
}

int RunText(const Options& o) {
  LoadOptions options;
  Result<OcrMode> mode = ParseOcrMode(o.ocr);
  if (!mode.ok()) return Fail(mode.status().message());
  options.ocr = *mode;
  options.passwords = o.passwords;
  Result<Document> doc = LoadDocument(o.file, options, Env::Default(), LoadFor::kText);
  if (!doc.ok()) return Fail(doc.status().message());
  for (size_t i = 0; i < doc->pages.size(); ++i) {
    const Page& page = doc->pages[i];
    if (i > 0) std::cout << '\f';
    if (!o.blocks) {
      std::cout << page.text;
      if (!page.text.empty() && page.text.back() != '\n') std::cout << '\n';
      continue;
    }
    for (const Block& b : page.blocks) {
      std::cout << KindName(b.kind);
      if (b.kind == SegmentKind::kHeading) std::cout << b.heading_level;
      if (b.table >= 0) std::cout << " t" << b.table << (b.header_row ? "h" : "");
      std::cout << "\t" << page.text.substr(b.begin, b.end - b.begin) << "\n";
    }
  }
  for (const std::string& w : doc->warnings)
    std::cerr << "acervo: " << _f("warning: {}", w) << "\n";
  for (const Page& page : doc->pages) {
    for (const std::string& w : page.warnings) {
      std::cerr << "acervo: " << _f("warning: page {}: {}", page.number, w) << "\n";
    }
  }
  return kExitOk;
}

// Ends the process once the text is out, without destructors or exit handlers: what they
// would free (the document, Poppler's global state, the loader's compiled patterns, every
// thread's caches) dies with the process, and freeing it one piece at a time cost a 3-page
// PDF 1.6 M instructions (5% of what `acervo text` spends beyond pdftotext). Nothing of
// `text` is left to write: its only output is the standard streams, flushed here.
[[noreturn]] int ExitAfterText(int code) {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(code);
}

Registration reg({"text", N_("Print the normalized text of a document, as the extractors see it"),
                  30, [](CLI::App& app) -> RunFn {
                    auto o = std::make_shared<Options>();
                    app.add_option("FILE", o->file,
                                   _("A document (PDF, text, markdown, page scan, ...; "
                                     "`acervo plugins` lists the formats), or - for stdin"))
                        ->required();
                    app.add_option("--ocr", o->ocr, _("auto (default), always or never"))
                        ->check(CLI::IsMember({"auto", "always", "never"}));
                    app.add_flag("--blocks", o->blocks,
                                 _("Print one structural block a line, with its kind"));
                    AddPasswordOptions(app, &o->passwords);
                    return [o] { return ExitAfterText(RunText(*o)); };
                  }});

}  // namespace
}  // namespace acervo::cli
