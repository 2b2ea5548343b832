// loader_cer [--ignore-list-markers] REFERENCE HYPOTHESIS — prints
// "edits/reference_chars CER=x.xx%" for two UTF-8 text files, after NFC and whitespace
// normalization (see cer.h).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cer.h"

namespace {
bool Read(const char* path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}
}  // namespace

int main(int argc, char** argv) {
  acervo::CerOptions options;
  if (argc == 4 && std::string(argv[1]) == "--ignore-list-markers") {
    options.ignore_list_markers = true;
    ++argv;
    --argc;
  }
  if (argc != 3) {
    std::cerr << "usage: loader_cer [--ignore-list-markers] REFERENCE HYPOTHESIS\n";
    return 2;
  }
  std::string ref, hyp;
  if (!Read(argv[1], &ref) || !Read(argv[2], &hyp)) {
    std::cerr << "loader_cer: cannot read the input files\n";
    return 1;
  }
  acervo::CerResult r = acervo::CharacterErrorRate(ref, hyp, options);
  std::printf("%zu/%zu CER=%.2f%%\n", r.edits, r.reference_chars, 100 * r.cer());
  return 0;
}
