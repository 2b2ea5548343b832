// frame.h — messages between the ingest coordinator and its worker processes: a JSON text
// preceded by its length (4 bytes, little-endian), over a pipe.
#ifndef ACERVO_CORE_INGEST_FRAME_H_
#define ACERVO_CORE_INGEST_FRAME_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "acervo/status.h"

namespace acervo {

inline constexpr uint32_t kMaxFrame = 1u << 30;  // 1 GiB: a bigger frame is a broken stream

// One message as the bytes WriteFrame writes; InvalidArgument when it is too large.
Result<std::string> EncodeFrame(const nlohmann::json& message);
// Blocking write of one message to `fd`.
Status WriteFrame(int fd, const nlohmann::json& message);
// Blocking read of one message from `fd`; NotFound at a clean end of stream.
Result<nlohmann::json> ReadFrame(int fd);

// Incremental reader for a non-blocking fd: Feed what read() returned, then take whole
// messages out.
class FrameReader {
 public:
  void Feed(const char* data, size_t n) { buffer_.append(data, n); }
  // A whole message if one has arrived; Corrupt on a malformed stream.
  Result<std::optional<nlohmann::json>> Next();

 private:
  std::string buffer_;
};

}  // namespace acervo

#endif  // ACERVO_CORE_INGEST_FRAME_H_
