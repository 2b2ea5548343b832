// acervo extract — one document in, its contract JSON out (docs/output-format.md).
//
// With --explain, a listing for plugin authors instead: each mention with its page:line, the
// span bracketed in a few words of context, its value and confidence, then a count per type.
// Usually with --only PLUGIN, which also runs a plugin the pipeline does not list.
#include <iostream>
#include <map>
#include <string>
#include <string_view>

#include "acervo/document.h"
#include "command.h"
#include "engine_options.h"
#include "i18n/i18n.h"

namespace acervo::cli {
namespace {

constexpr int kContextWords = 6;  // words shown on each side of a mention

struct Options {
  std::string file;
  EngineFlags flags;
  bool compact = false;
  bool explain = false;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Byte offset `words` whitespace-separated words before `pos` (0 at most).
size_t WordsBefore(std::string_view text, size_t pos, int words) {
  for (int i = 0; i < words && pos > 0; ++i) {
    while (pos > 0 && IsSpace(text[pos - 1])) --pos;
    while (pos > 0 && !IsSpace(text[pos - 1])) --pos;
  }
  return pos;
}

// Byte offset `words` whitespace-separated words after `pos` (text.size() at most).
size_t WordsAfter(std::string_view text, size_t pos, int words) {
  for (int i = 0; i < words && pos < text.size(); ++i) {
    while (pos < text.size() && IsSpace(text[pos])) ++pos;
    while (pos < text.size() && !IsSpace(text[pos])) ++pos;
  }
  return pos;
}

// The text with every run of whitespace (line breaks, table tabs) shown as one space.
std::string OneLine(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!IsSpace(c)) {
      out += c;
    } else if (out.empty() || out.back() != ' ') {
      out += ' ';
    }
  }
  return out;
}

// "…firmó el convenio [CONV-2024-017] con una fundación…"
std::string InContext(std::string_view page, size_t begin, size_t end) {
  size_t from = WordsBefore(page, begin, kContextWords);
  size_t to = WordsAfter(page, end, kContextWords);
  std::string out = from > 0 ? "…" : "";
  out += OneLine(page.substr(from, begin - from));
  out += "[" + OneLine(page.substr(begin, end - begin)) + "]";
  out += OneLine(page.substr(end, to - end));
  if (to < page.size()) out += "…";
  return out;
}

// The source line of a byte offset: the file's line for text sources, else the page's.
int LineOf(const Page& page, size_t byte) {
  int newlines = 0;
  for (size_t i = 0; i < byte && i < page.text.size(); ++i) newlines += page.text[i] == '\n';
  return (page.first_line > 0 ? page.first_line : 1) + newlines;
}

void PrintExplanation(const Extraction& x, std::ostream& out) {
  int64_t n = static_cast<int64_t>(x.mentions.size());
  out << _n("{}: {} mention (pipeline {})", "{}: {} mentions (pipeline {})", n,
            x.document.info.source, n, x.pipeline)
      << "\n";
  std::map<std::string, int> per_type;
  for (const PlacedMention& m : x.mentions) {
    ++per_type[m.type];
    const Page* page = nullptr;
    for (const Page& p : x.document.pages) {
      if (p.number == m.page) page = &p;
    }
    out << "\np" << m.page;
    if (page) out << ":" << LineOf(*page, m.byte_start);
    out << "  " << m.type << "  " << _f("confidence {}", m.confidence) << "  " << m.extractor
        << "\n";
    out << "  " << (page ? InContext(page->text, m.byte_start, m.byte_end) : "[" + m.text + "]")
        << "\n";
    out << "  " << m.value.dump() << "\n";
  }
  out << "\n";
  for (const auto& [type, count] : per_type) out << type << ": " << count << "\n";
}

int RunExtract(const Options& o) {
  Result<std::unique_ptr<Engine>> engine = Engine::Open(o.flags.engine);
  if (!engine.ok()) return Fail(engine.status().message());
  Result<Extraction> x = (*engine)->Process(o.file, o.flags.overrides);
  if (!x.ok()) return Fail(x.status().message());
  for (const std::string& w : x->warnings) std::cerr << "acervo: " << _f("warning: {}", w) << "\n";
  if (o.explain) {
    PrintExplanation(*x, std::cout);
  } else {
    std::cout << ToContractJson(*x).dump(o.compact ? -1 : 2) << "\n";
  }
  return kExitOk;
}

Registration reg({"extract",
                  N_("Extract one document and print its JSON (document, mentions, records)"), 20,
                  [](CLI::App& app) -> RunFn {
                    auto o = std::make_shared<Options>();
                    app.add_option("FILE", o->file,
                                   _("A document (PDF, text, markdown, page scan, ...; "
                                     "`acervo plugins` lists the formats), or - for stdin"))
                        ->required();
                    o->flags.AddTo(app);
                    app.add_flag("--compact", o->compact,
                                 _("One line of JSON instead of indented"));
                    app.add_flag("--explain", o->explain,
                                 _("List each mention with page:line, its span in context, value "
                                   "and confidence, instead of JSON (for plugin authors; use with "
                                   "--only PLUGIN)"))
                        ->excludes("--compact");
                    return [o] { return RunExtract(*o); };
                  }});

}  // namespace
}  // namespace acervo::cli
