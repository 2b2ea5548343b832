// sha256.h — SHA-256 (FIPS 180-4) of a byte string, as lower-case hex. Documents are keyed
// by it, so importing the same file twice is recognised whatever its name. With the CPU's
// SHA extensions (x86-64 SHA-NI, checked once at run time) the blocks go through them.
// Threads: safe.
#ifndef ACERVO_CORE_UTIL_SHA256_H_
#define ACERVO_CORE_UTIL_SHA256_H_

#include <string>
#include <string_view>

namespace acervo {

// `portable`: without the SHA extensions, whatever the CPU (for the tests that compare).
std::string Sha256Hex(std::string_view bytes, bool portable = false);

}  // namespace acervo

#endif  // ACERVO_CORE_UTIL_SHA256_H_
