#include "ingest/frame.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace acervo {
namespace {

Status WriteAll(int fd, const char* data, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, data, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return IoError(std::string("pipe write failed: ") + std::strerror(errno));
    data += w;
    n -= static_cast<size_t>(w);
  }
  return Status::Ok();
}

// Reads exactly n bytes; false at end of stream before any byte.
Result<bool> ReadAll(int fd, char* data, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = read(fd, data + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return IoError(std::string("pipe read failed: ") + std::strerror(errno));
    if (r == 0) {
      if (got == 0) return false;
      return Corrupt("stream ended inside a message");
    }
    got += static_cast<size_t>(r);
  }
  return true;
}

uint32_t DecodeLength(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return uint32_t{u[0]} | (uint32_t{u[1]} << 8) | (uint32_t{u[2]} << 16) | (uint32_t{u[3]} << 24);
}

// `message` as the text of a frame, and its length as the frame's header.
Status Encode(const nlohmann::json& message, std::string* body, char header[4]) {
  *body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (body->size() > kMaxFrame) return InvalidArgument("message too large");
  const auto n = static_cast<uint32_t>(body->size());
  for (int i = 0; i < 4; ++i) header[i] = static_cast<char>(n >> (8 * i));
  return Status::Ok();
}

}  // namespace

Result<std::string> EncodeFrame(const nlohmann::json& message) {
  std::string body;
  char header[4];
  ACERVO_RETURN_IF_ERROR(Encode(message, &body, header));
  return std::string(header, 4) + body;
}

Status WriteFrame(int fd, const nlohmann::json& message) {
  std::string body;
  char header[4];
  ACERVO_RETURN_IF_ERROR(Encode(message, &body, header));
  ACERVO_RETURN_IF_ERROR(WriteAll(fd, header, 4));
  return WriteAll(fd, body.data(), body.size());
}

Result<nlohmann::json> ReadFrame(int fd) {
  char header[4];
  Result<bool> got = ReadAll(fd, header, 4);
  if (!got.ok()) return got.status();
  if (!*got) return NotFound("end of stream");
  uint32_t n = DecodeLength(header);
  if (n > kMaxFrame) return Corrupt("message length out of range");
  std::string body(n, '\0');
  got = ReadAll(fd, body.data(), n);
  if (!got.ok()) return got.status();
  if (!*got && n > 0) return Corrupt("stream ended inside a message");
  nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded()) return Corrupt("message is not JSON");
  return j;
}

Result<std::optional<nlohmann::json>> FrameReader::Next() {
  if (buffer_.size() < 4) return std::optional<nlohmann::json>();
  uint32_t n = DecodeLength(buffer_.data());
  if (n > kMaxFrame) return Corrupt("message length out of range");
  if (buffer_.size() < 4 + size_t{n}) return std::optional<nlohmann::json>();
  nlohmann::json j =
      nlohmann::json::parse(buffer_.begin() + 4, buffer_.begin() + 4 + n, nullptr, false);
  buffer_.erase(0, 4 + size_t{n});
  if (j.is_discarded()) return Corrupt("message is not JSON");
  return std::optional<nlohmann::json>(std::move(j));
}

}  // namespace acervo
