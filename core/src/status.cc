#include "acervo/status.h"

namespace acervo {

const char* CodeName(Code code) {
  switch (code) {
    case Code::kOk:
      return "ok";
    case Code::kInvalidArgument:
      return "invalid-argument";
    case Code::kNotFound:
      return "not-found";
    case Code::kIo:
      return "io";
    case Code::kCorrupt:
      return "corrupt";
    case Code::kUnsupported:
      return "unsupported";
    case Code::kVersionMismatch:
      return "version-mismatch";
    case Code::kTimeout:
      return "timeout";
    case Code::kInternal:
      return "internal";
    case Code::kAborted:
      return "aborted";
  }
  return "unknown";
}

}  // namespace acervo
