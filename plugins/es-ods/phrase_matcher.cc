#include "phrase_matcher.h"

#include <algorithm>

#include "acervo/text.h"

namespace acervo::ods {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Start of the code point that ends just before `pos`.
size_t PreviousCodePoint(std::string_view text, size_t pos) {
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return p;
}

}  // namespace

MatchText::MatchText(std::string_view original) : original_(original) {
  FoldedText folded(original);
  const std::string& f = folded.text();
  text_.reserve(f.size());
  map_.reserve(f.size() + 1);
  for (size_t i = 0; i < f.size(); ++i) {
    if (IsSpace(f[i])) {
      if (text_.empty() || text_.back() == ' ') continue;
      text_.push_back(' ');
    } else {
      text_.push_back(f[i]);
    }
    map_.push_back(static_cast<uint32_t>(folded.ToOriginal(i)));
  }
  map_.push_back(static_cast<uint32_t>(original.size()));
}

size_t MatchText::FromOriginal(size_t offset) const {
  return std::lower_bound(map_.begin(), map_.end() - 1, offset) - map_.begin();
}

std::string NormalizePhrase(std::string_view phrase) {
  MatchText m(phrase);
  std::string out = m.text();
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool IsWordAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  return IsWordCodePoint(NextCodePoint(text, &pos));
}

bool IsWordBefore(std::string_view text, size_t pos) {
  return pos > 0 && IsWordAt(text, PreviousCodePoint(text, pos));
}

bool PhraseMatcher::Add(std::string_view phrase, int id) {
  Phrase p;
  p.text = NormalizePhrase(phrase);
  if (!p.text.empty() && p.text.back() == '*') {
    p.stem = true;
    p.text.pop_back();
    while (!p.text.empty() && p.text.back() == ' ') p.text.pop_back();
  }
  if (p.text.empty()) return false;
  p.id = id;
  phrases_.push_back(std::move(p));
  return true;
}

bool PhraseMatcher::Fits(const Phrase& p, std::string_view text, size_t begin,
                         size_t* end) const {
  if (text.compare(begin, p.text.size(), p.text) != 0) return false;
  // A boundary is needed only where the phrase itself has a word character at its edge:
  // "no." may touch the "13" after it, "ods" may not touch "odsx".
  if (IsWordAt(p.text, 0) && IsWordBefore(text, begin)) {
    return false;
  }
  size_t e = begin + p.text.size();
  if (p.stem) {
    while (IsWordAt(text, e)) {
      size_t next = e;
      NextCodePoint(text, &next);
      e = next;
    }
  } else if (IsWordAt(p.text, PreviousCodePoint(p.text, p.text.size())) && IsWordAt(text, e)) {
    if (!(digit_may_follow_ && IsDigitAt(text, e) && !IsDigitAt(p.text, p.text.size() - 1))) {
      return false;
    }
  }
  *end = e;
  return true;
}

std::vector<PhraseMatch> PhraseMatcher::FindAll(const MatchText& text) const {
  std::vector<PhraseMatch> out;
  const std::string& t = text.text();
  for (const Phrase& p : phrases_) {
    for (size_t at = t.find(p.text); at != std::string::npos; at = t.find(p.text, at + 1)) {
      size_t end = 0;
      if (Fits(p, t, at, &end)) out.push_back({at, end, p.id});
    }
  }
  std::sort(out.begin(), out.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  return out;
}

std::optional<PhraseMatch> PhraseMatcher::LongestAt(const MatchText& text, size_t pos) const {
  std::optional<PhraseMatch> best;
  for (const Phrase& p : phrases_) {
    size_t end = 0;
    if (pos < text.text().size() && Fits(p, text.text(), pos, &end) &&
        (!best || end > best->end)) {
      best = PhraseMatch{pos, end, p.id};
    }
  }
  return best;
}

}  // namespace acervo::ods
