#include "records/lexicon.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <fstream>
#include <sstream>

#include "acervo/text.h"

namespace acervo {
namespace {

// IsWordCodePoint of an ASCII byte, inline: the scans below ask it of almost every byte.
bool IsAsciiWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

constexpr uint64_t kHighBits = 0x8080808080808080ULL;
constexpr uint64_t kOnes = 0x0101010101010101ULL;

// The high bit of each byte of `low` (bytes below 0x80) from `first` to `last`: adding to
// seven-bit bytes never carries into the next one.
inline uint64_t BytesWithin(uint64_t low, uint64_t first, uint64_t last) {
  return (low + (0x80 - first) * kOnes) & ~(low + (0x7F - last) * kOnes);
}

// IsAsciiWordByte of eight bytes at once: the high bit of each byte of `w` that is an ASCII
// letter or digit.
inline uint64_t AsciiWordBytes(uint64_t w) {
  const uint64_t low = w & ~kHighBits;
  return ~w & kHighBits &
         (BytesWithin(low, '0', '9') | BytesWithin(low, 'a', 'z') | BytesWithin(low, 'A', 'Z'));
}

bool WordBoundaryBefore(std::string_view text, size_t at) {
  if (at == 0) return true;
  auto c = static_cast<unsigned char>(text[at - 1]);
  if (c < 0x80) return !IsAsciiWordByte(c);
  size_t begin = at - 1;
  while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
  size_t pos = begin;
  return !IsWordCodePoint(NextCodePoint(text, &pos));
}

bool WordBoundaryAfter(std::string_view text, size_t at) {
  if (at >= text.size()) return true;
  size_t pos = at;
  return !IsWordCodePoint(NextCodePoint(text, &pos));
}

// The bit of openings_ for a phrase or word that opens with bytes b0, b1, b2.
inline uint32_t OpeningBit(uint32_t b0, uint32_t b1, uint32_t b2) {
  return ((b0 | b1 << 8 | b2 << 16) * 2654435761u) >> 16;
}

bool ByByte(const std::pair<unsigned char, int32_t>& a,
            const std::pair<unsigned char, int32_t>& b) {
  return a.first < b.first;
}

}  // namespace

void Lexicon::Add(Entry entry) {
  const int32_t index = static_cast<int32_t>(entries_.size());
  const std::string& phrase = entry.phrase;
  int32_t node = 0;
  for (size_t k = 0; k < phrase.size(); ++k) {
    auto c = static_cast<unsigned char>(phrase[k]);
    int32_t child = Child(node, c);
    if (child < 0) {
      child = static_cast<int32_t>(nodes_.size());
      nodes_.emplace_back();
      if (node == 0) {
        root_[c] = child;
      } else {
        auto& next = nodes_[node].next;
        auto at = std::lower_bound(next.begin(), next.end(), std::make_pair(c, int32_t{0}), ByByte);
        next.insert(at, {c, child});
      }
    }
    node = child;
  }
  nodes_[node].entries.push_back(index);
  if (phrase.size() >= 3) {
    const auto* b = reinterpret_cast<const unsigned char*>(phrase.data());
    uint32_t bit = OpeningBit(b[0], b[1], b[2]);
    openings_[bit / 64] |= uint64_t{1} << (bit % 64);
  } else if (!phrase.empty()) {
    short_openings_[static_cast<unsigned char>(phrase[0])] = 1;
  }
  entries_.push_back(std::move(entry));
}

inline bool Lexicon::MayOpenAt(const unsigned char* bytes, size_t at, size_t n) const {
  if (short_openings_[bytes[at]]) return true;
  if (at + 3 > n) return false;  // no room for a longer phrase
  uint32_t bit = OpeningBit(bytes[at], bytes[at + 1], bytes[at + 2]);
  return (openings_[bit / 64] >> (bit % 64) & 1) != 0;
}

int32_t Lexicon::Child(int32_t node, unsigned char c) const {
  if (node == 0) return root_[c];
  // Most nodes below the root have one or two children: a scan beats a binary search.
  for (const auto& [byte, child] : nodes_[node].next) {
    if (byte >= c) return byte == c ? child : -1;
  }
  return -1;
}

template <typename Fn>
void Lexicon::ForEachStart(std::string_view folded, Fn&& fn) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(folded.data());
  const size_t n = folded.size();
  const int32_t* root = root_.data();
  // `at` follows no ASCII letter or digit (or starts the text): a word start unless a
  // non-ASCII letter precedes it.
  auto consider = [&](size_t at) {
    if (root[bytes[at]] < 0 || !MayOpenAt(bytes, at, n)) return;
    if (at > 0 && bytes[at - 1] >= 0x80 && !WordBoundaryBefore(folded, at)) return;
    fn(at);
  };
  if (n == 0) return;
  consider(0);
  // Byte i precedes the candidate i + 1. Most bytes are inside ASCII words, so eight at a
  // time are tested and only the others looked at.
  size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + 8 < n; i += 8) {
      uint64_t w;
      std::memcpy(&w, bytes + i, 8);
      for (uint64_t others = ~AsciiWordBytes(w) & kHighBits; others; others &= others - 1) {
        consider(i + std::countr_zero(others) / 8 + 1);
      }
    }
  }
  for (; i + 1 < n; ++i) {
    if (!IsAsciiWordByte(bytes[i])) consider(i + 1);
  }
}

template <typename Fn>
void Lexicon::MatchesAt(std::string_view folded, size_t at, Fn&& fn) const {
  int32_t node = 0;
  for (size_t i = at; i < folded.size(); ++i) {
    node = Child(node, static_cast<unsigned char>(folded[i]));
    if (node < 0) return;
    for (int32_t e : nodes_[node].entries) fn(e);
  }
}

Lexicon Lexicon::FromText(std::string_view tsv) {
  Lexicon lexicon;
  std::istringstream in{std::string(tsv)};
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    std::string label = tab == std::string::npos ? "" : line.substr(0, tab);
    std::string phrase = Fold(tab == std::string::npos ? line : line.substr(tab + 1));
    if (!phrase.empty()) lexicon.Add({std::move(label), std::move(phrase)});
  }
  return lexicon;
}

Result<Lexicon> Lexicon::Load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return NotFound(file.string() + ": cannot read the lexicon");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return FromText(buffer.str());
}

std::vector<LexiconHit> Lexicon::FindAll(std::string_view folded) const {
  // (entry, begin) of every match; then in the order a search phrase by phrase found them
  // (file order, then text order), so that the sort by begin below orders ties as it did.
  if (entries_.empty()) return {};
  std::vector<std::pair<int32_t, size_t>> found;
  ForEachStart(folded, [&](size_t at) {
    MatchesAt(folded, at, [&](int32_t e) { found.emplace_back(e, at); });
  });
  std::sort(found.begin(), found.end());
  std::vector<LexiconHit> hits;
  hits.reserve(found.size());
  for (const auto& [e, at] : found) {
    hits.push_back({&entries_[e].label, at, at + entries_[e].phrase.size()});
  }
  std::sort(hits.begin(), hits.end(),
            [](const LexiconHit& a, const LexiconHit& b) { return a.begin < b.begin; });
  return hits;
}

const std::string* Lexicon::Longest(std::string_view folded,
                                    const std::vector<std::string>& labels) const {
  // The longest phrase found; among phrases as long, the first of the file.
  int32_t best = -1;
  if (entries_.empty()) return nullptr;
  ForEachStart(folded, [&](size_t at) {
    MatchesAt(folded, at, [&](int32_t e) {
      if (!labels.empty() &&
          std::find(labels.begin(), labels.end(), entries_[e].label) == labels.end()) {
        return;
      }
      size_t size = entries_[e].phrase.size();
      if (best < 0 || size > entries_[best].phrase.size() ||
          (size == entries_[best].phrase.size() && e < best)) {
        best = e;
      }
    });
  });
  return best < 0 ? nullptr : &entries_[best].label;
}

const std::string* Lexicon::Prefix(std::string_view folded) const {
  // The first phrase of the file that `folded` starts with.
  int32_t first = -1;
  MatchesAt(folded, 0, [&](int32_t e) {
    if ((first < 0 || e < first) && WordBoundaryAfter(folded, entries_[e].phrase.size())) {
      first = e;
    }
  });
  return first < 0 ? nullptr : &entries_[first].label;
}

}  // namespace acervo
