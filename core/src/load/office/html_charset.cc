#include "load/office/html_charset.h"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

#include "acervo/text.h"

namespace acervo {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The declared charset, lower case; "" when none.
std::string DeclaredCharset(std::string_view bytes) {
  std::string head = Lower(bytes.substr(0, 4096));
  size_t at = head.find("charset=");
  if (at == std::string::npos) return "";
  at += 8;
  while (at < head.size() && (head[at] == '"' || head[at] == '\'' || head[at] == ' ')) ++at;
  size_t end = at;
  while (end < head.size() &&
         (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
          head[end] == '_' || head[end] == '.' || head[end] == ':')) {
    ++end;
  }
  return head.substr(at, end - at);
}

// Converts with iconv; false when iconv does not know `charset`. Unreadable bytes become
// U+FFFD and set *lossy.
bool Convert(std::string_view bytes, const std::string& charset, std::string* out, bool* lossy) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->clear();
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char buffer[1 << 14];
  while (in_left > 0) {
    char* o = buffer;
    size_t o_left = sizeof buffer;
    size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    out->append(buffer, static_cast<size_t>(o - buffer));
    if (r == static_cast<size_t>(-1) && errno != E2BIG) {
      out->append("\xEF\xBF\xBD");  // EILSEQ or EINVAL: skip one byte
      *lossy = true;
      ++in;
      --in_left;
    }
  }
  iconv_close(cd);
  return true;
}

}  // namespace

std::string HtmlToUtf8(std::string_view bytes, std::vector<std::string>* warnings) {
  std::string charset;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    charset = "utf-8";
    bytes.remove_prefix(3);
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    charset = "utf-16le";
    bytes.remove_prefix(2);
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    charset = "utf-16be";
    bytes.remove_prefix(2);
  } else {
    charset = DeclaredCharset(bytes);
  }
  if (charset == "iso-8859-1" || charset == "latin1" || charset == "us-ascii" ||
      charset == "ascii" || charset == "windows-1252" || charset == "cp1252") {
    charset = "WINDOWS-1252";
  }
  bool valid_utf8 = IsValidUtf8(bytes);
  if (charset == "utf-8" || charset == "utf8" || (charset.empty() && valid_utf8)) {
    if (valid_utf8) return std::string(bytes);
    warnings->push_back("declared UTF-8 but holds invalid bytes; read as Windows-1252");
    charset = "WINDOWS-1252";
  }
  std::string out;
  bool lossy = false;
  if (!charset.empty() && Convert(bytes, charset, &out, &lossy)) {
    if (lossy) warnings->push_back("bytes not valid in " + charset + " replaced by U+FFFD");
    return out;
  }
  if (valid_utf8) {
    warnings->push_back("unknown encoding '" + charset + "'; the bytes are UTF-8, read as such");
    return std::string(bytes);
  }
  warnings->push_back(charset.empty() ? "no declared encoding and not UTF-8; read as Windows-1252"
                                      : "unknown encoding '" + charset + "'; read as Windows-1252");
  Convert(bytes, "WINDOWS-1252", &out, &lossy);
  return out;
}

}  // namespace acervo
