// server_security.h — (review server internals) who may talk to the review server: the
// session token, the shared secret compared in constant time, the Host a request names, and
// the Content-Security-Policy every response carries. server.h states the policy.
#ifndef ACERVO_CORE_REVIEW_SERVER_SECURITY_H_
#define ACERVO_CORE_REVIEW_SERVER_SECURITY_H_

#include <httplib.h>

#include <cstddef>
#include <string>

#include "acervo/status.h"

namespace acervo::review {

// The page may load only its own script, style, images and API; nothing inline, nothing
// from elsewhere, no frames. Document text therefore cannot run even if it were inserted
// as markup (the page inserts it as text only).
inline constexpr char kCsp[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

// `bytes` random bytes from /dev/urandom as hex (the session token).
Result<std::string> RandomHex(size_t bytes);

// Compares without an early exit, so timing does not reveal how much of a secret matched.
bool SameSecret(const std::string& a, const std::string& b);

// The value of cookie `name` in the request, "" when absent.
std::string CookieValue(const httplib::Request& req, const std::string& name);

// "127.0.0.1:8077" -> "127.0.0.1"; "[::1]:8077" -> "::1".
std::string HostName(const std::string& host_header);

}  // namespace acervo::review

#endif  // ACERVO_CORE_REVIEW_SERVER_SECURITY_H_
