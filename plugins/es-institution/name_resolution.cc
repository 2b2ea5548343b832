#include "name_resolution.h"

#include <algorithm>

#include "acervo/text.h"
#include "institution_extractor.h"

namespace acervo::institution {

const std::string& StringField(const nlohmann::json& value, std::string_view key) {
  const auto& object = value.get_ref<const nlohmann::json::object_t&>();
  return object.find(key)->second.get_ref<const std::string&>();
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string PatternId(std::string_view name) { return PatternIdOfFolded(Fold(name)); }

std::string PatternIdOfFolded(std::string_view folded) {
  std::string id = "x.";
  id.reserve(folded.size() + 2);
  size_t pos = 0;
  bool dash = false;
  while (pos < folded.size()) {
    size_t before = pos;
    auto b = static_cast<unsigned char>(folded[pos]);
    if (b < 0x80) {  // most of a folded name: letters, digits, spaces, dots
      ++pos;
      if ((b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
        if (dash && id.size() > 2) id.push_back('-');
        dash = false;
        id.push_back(static_cast<char>(b));
      } else {
        dash = true;
      }
      continue;
    }
    char32_t cp = NextCodePoint(folded, &pos);
    if (IsWordCodePoint(cp)) {
      if (dash && id.size() > 2) id.push_back('-');
      dash = false;
      id.append(folded, before, pos - before);
    } else {
      dash = true;
    }
  }
  return id;
}

bool Abbreviates(std::string_view abbreviation, std::string_view word) {
  if (abbreviation.empty() || abbreviation.size() >= word.size() || abbreviation[0] != word[0]) {
    return false;
  }
  size_t at = 0;
  for (char c : word) {
    if (at < abbreviation.size() && abbreviation[at] == c) ++at;
  }
  return at == abbreviation.size();
}

const nlohmann::json* SeenAbbreviated(
    std::string_view covered, const std::vector<std::pair<std::string, nlohmann::json>>& seen) {
  if (covered.find('.') == std::string_view::npos) return nullptr;  // no word abbreviated
  std::string buffer;
  std::vector<Token> tokens = Tokenize(covered, &buffer);
  std::vector<std::pair<std::string_view, bool>> words;  // folded, abbreviated
  bool abbreviated = false;
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (!tokens[k].word) continue;
    bool dot = k + 1 < tokens.size() && tokens[k + 1].folded == "." &&
               tokens[k + 1].begin == tokens[k].end;
    words.emplace_back(tokens[k].folded, dot);
    abbreviated |= dot;
  }
  if (!abbreviated) return nullptr;
  const nlohmann::json* found = nullptr;
  for (const auto& [name, value] : seen) {
    size_t pos = 0, w = 0;
    bool fits = true;
    for (; fits && pos <= name.size() && w < words.size(); ++w) {
      size_t space = std::min(name.find(' ', pos), name.size());
      std::string_view full(name.data() + pos, space - pos);
      fits = words[w].second ? Abbreviates(words[w].first, full) : words[w].first == full;
      pos = space + 1;
    }
    if (!fits || w != words.size() || pos <= name.size()) continue;
    if (found != nullptr && (*found)["id"] != value["id"]) return nullptr;
    found = &value;
  }
  return found;
}

bool FillsParenthesisAfter(std::string_view text, size_t previous_end, size_t begin, size_t end) {
  if (begin < 1 || end >= text.size() || text[begin - 1] != '(' || text[end] != ')') return false;
  size_t open = begin - 1;
  while (open > previous_end && text[open - 1] == ' ') --open;
  return open == previous_end;
}

bool InsideTitle(std::string_view text, const std::vector<Token>& tokens, size_t end,
                 const NamePatterns& patterns) {
  for (const Token& t : tokens) {
    if (t.begin < end) continue;
    return t.word && t.capital && !t.number && !patterns.IsConnector(t.folded) &&
           text.substr(end, t.begin - end).find('\n') == std::string_view::npos;
  }
  return false;
}

bool UnknownGovernment(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<GazetteerHit>& hits, size_t hit_end, size_t name_end,
                       const NamePatterns& patterns) {
  for (const Token& t : tokens) {
    if (t.begin < hit_end || t.end > name_end) continue;
    std::string_view kind = patterns.HeadKind(t, text);
    if (kind.empty()) continue;
    if (kind != "gov" && kind != "city") return false;
    for (const GazetteerHit& parent : hits) {
      if (parent.begin == t.begin) return false;
    }
    return true;
  }
  return false;
}

}  // namespace acervo::institution
