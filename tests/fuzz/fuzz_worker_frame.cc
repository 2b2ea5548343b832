// Fuzz target: the worker frame protocol as both sides read it: arbitrary bytes fed in
// pieces to FrameReader, each whole message read as the pool reads a frame's head, as a
// WorkerReply, as a WorkerRequest and its OCR words. None of them may throw: a worker that
// prints garbage is one document's failure (worker_pool_test).
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "ingest/frame.h"
#include "ingest/worker_messages.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  acervo::FrameReader reader;
  const char* bytes = reinterpret_cast<const char*>(data);
  // Feed in uneven pieces, as a pipe delivers them.
  for (size_t at = 0, step = 1; at < size; at += step, step = step * 2 + 1) {
    reader.Feed(bytes + at, std::min(step, size - at));
    while (true) {
      acervo::Result<std::optional<nlohmann::json>> message = reader.Next();
      if (!message.ok() || !message->has_value()) break;
      (void)acervo::WorkerFrameHead::FromJson(**message);
      (void)acervo::WorkerReply::FromJson(**message);
      acervo::Result<acervo::WorkerRequest> request = acervo::WorkerRequest::FromJson(**message);
      if (request.ok()) {
        for (const acervo::WorkerPageOcr& page : request->page_ocr) {
          (void)acervo::WordsFromJson(page.words);
        }
      }
    }
  }
  return 0;
}
