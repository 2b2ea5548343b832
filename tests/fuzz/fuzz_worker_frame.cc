// Fuzz target: the worker frame protocol as the coordinator reads it: arbitrary bytes fed
// in pieces to FrameReader, each whole message read as a WorkerReply and a WorkerRequest.
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
      (void)acervo::WorkerReply::FromJson(**message);
      try {
        (void)acervo::WorkerRequest::FromJson(**message);
      } catch (const nlohmann::json::exception&) {
        // A request of the wrong shape is refused by the worker's catch; not a crash.
      }
    }
  }
  return 0;
}
