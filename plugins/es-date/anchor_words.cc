#include "anchor_words.h"

namespace acervo::es_date {
namespace {

bool IsLetter(unsigned char c) { return static_cast<unsigned char>(c - 'a') < 26; }
bool IsDigit(unsigned char c) { return static_cast<unsigned char>(c - '0') < 10; }

bool AllLetters(std::string_view word) {
  if (word.empty()) return false;
  for (char c : word) {
    if (!IsLetter(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::array<std::string, kAnchorCount> AnchorWords::Patterns(const Vocabulary& v,
                                                            const std::string& space) {
  // Folded text is ASCII letters where it matters, so [^a-z] is a fair word edge here.
  auto whole = [](const std::string& words) { return "(?:^|[^a-z])(?:" + words + ")(?:[^a-z]|$)"; };
  std::array<std::string, kAnchorCount> patterns;
  patterns[kMonthWord] = whole(v.MonthAlternation());
  patterns[kDigitsSeparated] = R"(\d[-/.]\d)";
  patterns[kYearPartWord] = whole(v.YearPartAlternation());
  patterns[kMonthBack] = whole(v.MonthBackPattern(space));  // "ese mismo mes" itself
  // Full English names only, as "mar" and "may" are Spanish too.
  patterns[kEnglishMonth] = whole(v.EnglishMonthAlternation(/*with_abbreviations=*/false));
  return patterns;
}

std::unique_ptr<AnchorWords> AnchorWords::Build(const Vocabulary& v) {
  std::unique_ptr<AnchorWords> a(new AnchorWords());
  const std::pair<Anchor, std::vector<std::string>> classes[] = {
      {kMonthWord, v.MonthWords()},
      {kYearPartWord, v.YearPartWords()},
      {kEnglishMonth, v.EnglishMonthNames()}};
  for (const auto& [anchor, words] : classes) {
    for (const std::string& w : words) {
      if (!AllLetters(w) || w.size() > kMaxLength) return nullptr;
      a->Add(w, static_cast<uint8_t>(1 << anchor));
    }
  }
  for (const std::string& phrase : v.MonthBackPhrases()) {
    const size_t first_end = phrase.find(' ');
    const size_t last_begin = phrase.rfind(' ');
    const std::string_view first = std::string_view(phrase).substr(0, first_end);
    const std::string_view last =
        last_begin == std::string::npos ? phrase : std::string_view(phrase).substr(last_begin + 1);
    for (size_t b = 0; b <= phrase.size();) {  // every word, one space apart
      size_t e = std::min(phrase.find(' ', b), phrase.size());
      if (!AllLetters(std::string_view(phrase).substr(b, e - b))) return nullptr;
      b = e + 1;
    }
    if (first.size() > kMaxLength || last.size() > kMaxLength) return nullptr;
    a->Add(first, kPhraseStart);
    a->Add(last, kPhraseEnd);
  }
  return a;
}

void AnchorWords::Add(std::string_view word, uint8_t role) {
  const size_t bucket = Bucket(word.data(), word.size());
  lengths_[bucket] |= uint32_t{1} << word.size();
  for (Word& w : words_[bucket]) {
    if (w.text == word) {
      w.roles |= role;
      return;
    }
  }
  words_[bucket].push_back({std::string(word), role});
}

uint8_t AnchorWords::Lookup(size_t bucket, const char* b, size_t size) const {
  for (const Word& w : words_[bucket]) {
    if (w.text.size() == size && std::string_view(b, size) == w.text) return w.roles;
  }
  return 0;
}

std::array<AnchorWords::First, kAnchorCount> AnchorWords::Find(std::string_view s) const {
  const size_t n = s.size();
  std::array<First, kAnchorCount> first;
  first.fill({n, true});
  uint8_t open = (1 << kAnchorCount) - 1;  // the anchors not found yet
  size_t phrase_start = n;                 // the first word that starts a month-back phrase
  const char* p = s.data();
  for (size_t i = 0; i < n && open;) {
    const unsigned char c = static_cast<unsigned char>(p[i]);
    if (IsLetter(c)) {
      size_t j = i + 1;
      while (j < n && IsLetter(static_cast<unsigned char>(p[j]))) ++j;
      const uint8_t roles = RolesOf(p + i, j - i);
      if (roles) {
        // The expression's match takes the character before the word, or the text's start:
        // one byte before unless that character is longer (UTF-8), where RE2 decides.
        const First at = i == 0 ? First{0, true}
                         : static_cast<unsigned char>(p[i - 1]) < 0x80
                             ? First{i - 1, true}
                             : First{i < 4 ? 0 : i - 4, false};
        for (int a : {kMonthWord, kYearPartWord, kEnglishMonth}) {
          if ((roles >> a & 1) && (open >> a & 1)) {
            first[a] = at;
            open &= static_cast<uint8_t>(~(1 << a));
          }
        }
        if ((roles & kPhraseStart) && phrase_start == n) phrase_start = i;
        if ((roles & kPhraseEnd) && phrase_start <= i && (open >> kMonthBack & 1)) {
          // A phrase may have begun at any starting word since the first: RE2 finds which.
          first[kMonthBack] = {phrase_start < 4 ? 0 : phrase_start - 4, false};
          open &= static_cast<uint8_t>(~(1 << kMonthBack));
        }
      }
      i = j;
      continue;
    }
    if (IsDigit(c) && (open >> kDigitsSeparated & 1) && i + 2 < n &&
        (p[i + 1] == '-' || p[i + 1] == '/' || p[i + 1] == '.') &&
        IsDigit(static_cast<unsigned char>(p[i + 2]))) {
      first[kDigitsSeparated] = {i, true};
      open &= static_cast<uint8_t>(~(1 << kDigitsSeparated));
    }
    ++i;
  }
  return first;
}

}  // namespace acervo::es_date
