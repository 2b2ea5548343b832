// acervo __worker — one ingest worker process (see core/src/ingest/worker_pool.h). Not for
// people: `acervo ingest` starts these. Reads request frames on stdin, answers on stdout:
// whole documents, or a scanned document's pages one at a time (worker_messages.h).
#include <unistd.h>

#include <iostream>
#include <new>

#include "command.h"
#include "engine_options.h"
#include "i18n/i18n.h"
#include "ingest/frame.h"
#include "ingest/worker_messages.h"
#include "io/env.h"
#include "load/page_ocr.h"
#include "load/pdf_services.h"

namespace acervo::cli {
namespace {

// A page request: OCR one page of a PDF, through the PDF loader plugin (which keeps its OCR
// engine for the next page).
WorkerReply OcrOnePage(const WorkerRequest& r) {
  WorkerReply reply;
  Result<std::string> bytes = Env::Default().ReadFile(r.path);
  Result<const PdfServices*> pdf = PdfServices::Get();
  Result<OcrReading> reading = !bytes.ok() ? Result<OcrReading>(bytes.status())
                               : !pdf.ok() ? Result<OcrReading>(pdf.status())
                                           : (*pdf)->OcrPage(*bytes, r.page, r.overrides.passwords);
  if (reading.ok()) {
    reply.ok = true;
    reply.words = WordsToJson(reading->words);
    reply.rulings = RulingsToJson(reading->rulings);
  } else {
    reply.code = CodeName(reading.status().code());
    reply.message = reading.status().message();
  }
  return reply;
}

// A document request: extract it, or, with split_pages, name the pages to OCR first.
WorkerReply ExtractDocument(const Engine& engine, WorkerRequest r, int out) {
  WorkerReply reply;
  r.overrides.progress = [out](int pages_done, int pages) {
    WriteFrame(out, WorkerProgress{pages_done, pages}.ToJson());
  };
  auto page_ocr = std::make_shared<PageOcr>();
  page_ocr->mode = r.split_pages ? PageOcr::Mode::kPlan : PageOcr::Mode::kUse;
  for (WorkerPageOcr& p : r.page_ocr) {
    PageOcr::Outcome& o = page_ocr->pages[p.page];
    o.error = p.error;
    if (!p.error.empty()) continue;
    Result<std::vector<Word>> words = WordsFromJson(p.words);
    Result<std::vector<Ruling>> rulings = RulingsFromJson(p.rulings);
    if (!words.ok()) {
      o.error = words.status().message();
    } else if (!rulings.ok()) {
      o.error = rulings.status().message();
    } else {
      o.words = std::move(*words);
      o.rulings = std::move(*rulings);
    }
  }
  r.overrides.page_ocr = page_ocr;
  Result<Extraction> x = engine.Process(r.path, r.overrides);
  if (!page_ocr->wanted.empty()) {
    // Only a plan: what it extracted lacks the scanned pages (an all-scanned document even
    // fails as having no text), so the answer is the pages alone.
    reply.ok = true;
    reply.ocr_pages = page_ocr->wanted;
  } else if (x.ok()) {
    reply.ok = true;
    reply.extraction = std::move(*x);
  } else {
    reply.code = CodeName(x.status().code());
    reply.message = x.status().message();
  }
  return reply;
}

int RunWorker(const EngineFlags& flags) {
  // The protocol owns the real stdout; anything a library prints goes to stderr instead.
  int out = dup(1);
  dup2(2, 1);
  Result<std::unique_ptr<Engine>> engine = Engine::Open(flags.engine);
  while (true) {
    Result<nlohmann::json> request = ReadFrame(0);
    if (!request.ok()) return request.status().code() == Code::kNotFound ? kExitOk : kExitFailure;
    WorkerReply reply;
    try {
      if (!engine.ok()) {
        reply.message = engine.status().message();
      } else {
        Result<WorkerRequest> r = WorkerRequest::FromJson(*request);
        if (!r.ok()) {
          reply.code = CodeName(r.status().code());
          reply.message = r.status().message();
        } else {
          reply = r->page >= 0 ? OcrOnePage(*r) : ExtractDocument(**engine, std::move(*r), out);
        }
      }
    } catch (const std::bad_alloc&) {
      reply = WorkerReply{};
      reply.failure = "memory";
      reply.message = "ran out of memory (worker memory limit reached)";
    } catch (const std::exception& e) {
      reply.message = std::string("internal error: ") + e.what();
    }
    if (!WriteFrame(out, reply.ToJson()).ok()) return kExitFailure;
    if (reply.failure == "memory") return kExitFailure;  // start afresh
  }
}

Registration reg({"__worker", "", 1000, [](CLI::App& app) -> RunFn {
                    app.group("");  // hidden from --help
                    auto flags = std::make_shared<EngineFlags>();
                    flags->AddTo(app);
                    return [flags] {
                      // A worker's failure reasons are stored: English, like all stored data
                      // (docs/i18n.md), whatever language the coordinator speaks.
                      SetLanguage(Language::kEnglish);
                      return RunWorker(*flags);
                    };
                  }});

}  // namespace
}  // namespace acervo::cli
