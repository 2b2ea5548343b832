#include "cer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace acervo {

std::u32string CerNormalize(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (U_SUCCESS(status)) text = nfc->normalize(text, status);
  std::u32string out;
  bool space = false;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    if (u_isUWhiteSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(U' ');
    space = false;
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

// Myers (1999) in Hyyrö's (2003) block form: the reference `a` is cut into 64-row blocks of
// the dynamic-programming matrix, each column of `b` updates every block's bit vectors.
size_t EditDistance(const std::u32string& a, const std::u32string& b) {
  if (a.empty()) return b.size();
  if (b.empty()) return a.size();
  const size_t m = a.size();
  const size_t blocks = (m + 63) / 64;
  std::unordered_map<char32_t, std::vector<uint64_t>> peq;
  for (size_t i = 0; i < m; ++i) {
    std::vector<uint64_t>& v = peq[a[i]];
    if (v.empty()) v.assign(blocks, 0);
    v[i / 64] |= uint64_t{1} << (i % 64);
  }
  const std::vector<uint64_t> none(blocks, 0);
  std::vector<uint64_t> pv(blocks, ~uint64_t{0}), mv(blocks, 0);
  const uint64_t last_bit = uint64_t{1} << ((m - 1) % 64);
  size_t score = m;
  for (char32_t c : b) {
    auto found = peq.find(c);
    const std::vector<uint64_t>& eqs = found == peq.end() ? none : found->second;
    int hin = 1;  // the top row of the matrix grows by one per column
    for (size_t k = 0; k < blocks; ++k) {
      uint64_t eq = eqs[k];
      const uint64_t p = pv[k], mm = mv[k];
      const uint64_t xv = eq | mm;
      if (hin < 0) eq |= 1;
      const uint64_t xh = (((eq & p) + p) ^ p) | eq;
      uint64_t ph = mm | ~(xh | p);
      uint64_t mh = p & xh;
      const uint64_t high = k + 1 == blocks ? last_bit : uint64_t{1} << 63;
      int hout = (ph & high) ? 1 : (mh & high) ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0)
        mh |= 1;
      else if (hin > 0)
        ph |= 1;
      pv[k] = mh | ~(xv | ph);
      mv[k] = ph & xv;
      hin = hout;
    }
    score += hin;
  }
  return score;
}

namespace {

std::string DropListMarkers(std::string_view text) {
  std::string out;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t nl = text.find('\n', begin);
    std::string_view line = text.substr(begin, nl == std::string_view::npos ? nl : nl - begin);
    size_t lead = line.find_first_not_of(" \t");
    if (lead != std::string_view::npos) {
      std::string_view rest = line.substr(lead);
      for (std::string_view marker : {"- ", "* ", "\u2022 "}) {
        if (rest.substr(0, marker.size()) == marker) {
          line = rest.substr(marker.size());
          break;
        }
      }
    }
    out.append(line);
    if (nl == std::string_view::npos) break;
    out.push_back('\n');
    begin = nl + 1;
  }
  return out;
}

}  // namespace

CerResult CharacterErrorRate(std::string_view reference, std::string_view hypothesis,
                             const CerOptions& options) {
  std::u32string ref, hyp;
  if (options.ignore_list_markers) {
    ref = CerNormalize(DropListMarkers(reference));
    hyp = CerNormalize(DropListMarkers(hypothesis));
  } else {
    ref = CerNormalize(reference);
    hyp = CerNormalize(hypothesis);
  }
  return CerResult{EditDistance(ref, hyp), ref.size()};
}

}  // namespace acervo
