// sha256.h — SHA-256 (FIPS 180-4) of a byte string, as lower-case hex. Documents are keyed
// by it, so importing the same file twice is recognised whatever its name.
#ifndef ACERVO_CORE_UTIL_SHA256_H_
#define ACERVO_CORE_UTIL_SHA256_H_

#include <string>
#include <string_view>

namespace acervo {

std::string Sha256Hex(std::string_view bytes);

}  // namespace acervo

#endif  // ACERVO_CORE_UTIL_SHA256_H_
