#include "lexicon.h"

#include <algorithm>

#include "acervo/text.h"
#include "acervo/tsv.h"

namespace acervo::amount {
namespace {

// Folded text has its letters in ASCII; bytes above it are symbols such as "€".
bool IsWordByte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r'; }

// Reads a data file (acervo/tsv.h) whose rows have at least `min_fields` fields.
Status ReadRows(const std::filesystem::path& path, size_t min_fields,
                std::vector<std::vector<std::string>>* rows) {
  Result<std::vector<TsvRow>> read = acervo::ReadTsv(path);
  if (!read.ok()) return read.status();
  for (TsvRow& row : *read) {
    if (row.fields.size() < min_fields) {
      return Corrupt(path.string() + ":" + std::to_string(row.line) + ": expected " +
                     std::to_string(min_fields) + " tab-separated fields");
    }
    rows->push_back(std::move(row.fields));
  }
  return Status::Ok();
}

// "0.5" or "12" as a Decimal; false when it is not one.
bool ParsePlainDecimal(std::string_view s, Decimal* out) {
  size_t dot = s.find('.');
  std::string_view integer = s.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  auto digits = [](std::string_view d) {
    return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (s.empty() || !digits(integer) || !digits(fraction)) return false;
  *out = Decimal::FromDigits(integer, fraction);
  return true;
}

}  // namespace

PhraseTrie::Node* PhraseTrie::Insert(std::string_view folded_phrase) {
  auto& root = roots_[static_cast<unsigned char>(folded_phrase[0])];
  if (!root) root = std::make_unique<Node>();
  Node* node = root.get();
  for (char c : folded_phrase.substr(1)) {
    Node* child = nullptr;
    for (auto& [byte, next] : node->next) {
      if (byte == c) child = next.get();
    }
    if (!child) {
      node->next.emplace_back(c, std::make_unique<Node>());
      child = node->next.back().second.get();
    }
    node = child;
  }
  return node;
}

void PhraseTrie::Add(std::string_view folded_phrase, int payload) {
  if (!folded_phrase.empty()) Insert(folded_phrase)->payload = payload;
}

void PhraseTrie::AddFlags(std::string_view folded_phrase, int flags) {
  if (folded_phrase.empty()) return;
  Node* node = Insert(folded_phrase);
  node->payload = node->payload >= 0 ? node->payload | flags : flags;
}

void PhraseTrie::MarkStarts(PhraseStarts* starts) const {
  for (int first = 0; first < 256; ++first) {
    const Node* root = roots_[first].get();
    if (!root) continue;
    if (root->payload >= 0) starts->AddOneByte(static_cast<unsigned char>(first));
    for (const auto& [second, child] : root->next) {
      if (second == ' ') {
        for (char space : {' ', '\n', '\r'}) {
          starts->AddPair(static_cast<unsigned char>(first), static_cast<unsigned char>(space));
        }
      } else {
        starts->AddPair(static_cast<unsigned char>(first), static_cast<unsigned char>(second));
      }
    }
  }
}

template <class At>
bool PhraseTrie::Walk(std::string_view text, size_t pos, At&& at) const {
  if (pos >= text.size()) return false;
  const Node* node = roots_[static_cast<unsigned char>(text[pos])].get();
  if (!node) return false;
  size_t i = pos + 1;
  while (true) {
    if (node->payload >= 0 && i > pos) {
      char last = text[i - 1];
      if (!IsWordByte(last) || i == text.size() || !IsWordByte(text[i]) ||
          (text[i] >= '0' && text[i] <= '9' && !(last >= '0' && last <= '9'))) {
        if (at(node, i)) return true;
      }
    }
    if (i >= text.size()) return false;
    char c = text[i];
    if (IsSpace(c)) {
      const Node* child = node->Child(' ');
      if (!child) return false;
      node = child;
      while (i < text.size() && IsSpace(text[i])) ++i;
      continue;
    }
    const Node* child = node->Child(c);
    if (!child) return false;
    node = child;
    ++i;
  }
}

namespace {
// Whether a phrase that ends at text[end] ends at a word boundary without the exception of
// digit_ends_word (Walk lets a letter before a digit through).
bool EndsWord(std::string_view text, size_t end) {
  return !IsWordByte(text[end - 1]) || end == text.size() || !IsWordByte(text[end]);
}
}  // namespace

int PhraseTrie::Longest(std::string_view text, size_t pos, size_t* end,
                        bool digit_ends_word) const {
  int best = -1;
  Walk(text, pos, [&](const Node* node, size_t i) {
    if (digit_ends_word || EndsWord(text, i)) {
      best = node->payload;
      *end = i;
    }
    return false;  // a longer one may follow
  });
  return best;
}

bool PhraseTrie::Any(std::string_view text, size_t pos, int digit_ends_word_flags) const {
  return Walk(text, pos, [&](const Node* node, size_t i) {
    return (node->payload & digit_ends_word_flags) != 0 || EndsWord(text, i);
  });
}

Status Lexicon::Load(const std::filesystem::path& dir) {
  std::vector<std::vector<std::string>> rows;
  ACERVO_RETURN_IF_ERROR(ReadRows(dir / "currencies.tsv", 3, &rows));
  for (const auto& r : rows) {
    Currency c;
    c.iso = r[1] == "-" ? "" : r[1];
    if (r[2] == "symbol") {
      c.kind = Currency::kSymbol;
    } else if (r[2] == "code") {
      c.kind = Currency::kCode;
    } else if (r[2] == "name") {
      c.kind = Currency::kName;
    } else {
      return Corrupt("currencies.tsv: unknown kind '" + r[2] + "' for '" + r[0] + "'");
    }
    if (r.size() > 3 && !r[3].empty()) {
      c.power = std::atoi(r[3].c_str());
      if (c.power <= 0 || c.power > 24) {
        return Corrupt("currencies.tsv: bad power for '" + r[0] + "'");
      }
    }
    if (r.size() > 4 && !r[4].empty()) {
      if (r[4] != "acronym" && r[4] != "word") {
        return Corrupt("currencies.tsv: unknown flag '" + r[4] + "' for '" + r[0] + "'");
      }
      c.acronym = r[4] == "acronym";
      c.word = r[4] == "word";
    }
    currencies_trie_.Add(Fold(r[0]), static_cast<int>(currencies_.size()));
    number_phrases_.AddFlags(Fold(r[0]), kCurrencyFlag);
    currencies_.push_back(std::move(c));
  }

  rows.clear();
  ACERVO_RETURN_IF_ERROR(ReadRows(dir / "scales.tsv", 3, &rows));
  for (const auto& r : rows) {
    int power = std::atoi(r[1].c_str());
    if (power <= 0 || power > 24) return Corrupt("scales.tsv: bad power for '" + r[0] + "'");
    scales_trie_.Add(Fold(r[0]), static_cast<int>(scale_powers_.size()));
    number_phrases_.AddFlags(Fold(r[0]), kWordFlag);
    scale_powers_.push_back(power);
    scale_alone_.push_back(r[2] == "alone");
  }

  rows.clear();
  ACERVO_RETURN_IF_ERROR(ReadRows(dir / "numbers.tsv", 2, &rows));
  for (const auto& r : rows) {
    Decimal value;
    if (!ParsePlainDecimal(r[1], &value)) {
      return Corrupt("numbers.tsv: bad value for '" + r[0] + "'");
    }
    numbers_trie_.Add(Fold(r[0]), static_cast<int>(number_values_.size()));
    number_phrases_.AddFlags(Fold(r[0]), kWordFlag);
    number_values_.push_back(value);
  }

  rows.clear();
  ACERVO_RETURN_IF_ERROR(ReadRows(dir / "subunits.tsv", 1, &rows));
  for (const auto& r : rows) subunits_trie_.Add(Fold(r[0]), 0);

  rows.clear();
  ACERVO_RETURN_IF_ERROR(ReadRows(dir / "connectors.tsv", 2, &rows));
  for (const auto& r : rows) {
    static const char* const kRoles[] = {"of", "and", "cents", "percent", "range"};
    auto role = std::find(std::begin(kRoles), std::end(kRoles), r[1]);
    if (role == std::end(kRoles)) return Corrupt("connectors.tsv: unknown role '" + r[1] + "'");
    connectors_trie_[role - std::begin(kRoles)].Add(Fold(r[0]), 0);
  }

  rows.clear();
  ACERVO_RETURN_IF_ERROR(ReadRows(dir / "approximate.tsv", 2, &rows));
  for (const auto& r : rows) {
    if (r[1] != "before" && r[1] != "both") {
      return Corrupt("approximate.tsv: unknown position '" + r[1] + "'");
    }
    approximate_before_.push_back(Fold(r[0]));
    if (r[1] == "both") approximate_after_.push_back(Fold(r[0]));
  }
  auto longest_first = [](const std::string& a, const std::string& b) {
    return a.size() > b.size();
  };
  std::stable_sort(approximate_before_.begin(), approximate_before_.end(), longest_first);
  std::stable_sort(approximate_after_.begin(), approximate_after_.end(), longest_first);

  rows.clear();
  ACERVO_RETURN_IF_ERROR(ReadRows(dir / "table_headers.tsv", 2, &rows));
  for (const auto& r : rows) {
    static const std::map<std::string, HeaderMeaning, std::less<>> kMeanings = {
        {"money", HeaderMeaning::kMoney},
        {"count", HeaderMeaning::kCount},
        {"total", HeaderMeaning::kTotal},
        {"percent", HeaderMeaning::kPercent}};
    auto meaning = kMeanings.find(r[1]);
    if (meaning == kMeanings.end()) {
      return Corrupt("table_headers.tsv: unknown meaning '" + r[1] + "'");
    }
    headers_[Fold(r[0])] = meaning->second;
  }

  rows.clear();
  ACERVO_RETURN_IF_ERROR(ReadRows(dir / "countries.tsv", 2, &rows));
  for (const auto& r : rows) countries_[r[0]] = r[1];

  number_starts_ = currency_starts_ = PhraseStarts();
  for (const PhraseTrie* trie : {&currencies_trie_, &scales_trie_, &numbers_trie_}) {
    trie->MarkStarts(&number_starts_);
  }
  currencies_trie_.MarkStarts(&currency_starts_);
  return Status::Ok();
}

bool Lexicon::NamesCurrency(std::string_view folded) const {
  size_t end = 0;
  for (size_t pos = 0; pos < folded.size();) {
    if (currency_starts_.At(folded, pos) && MatchCurrency(folded, pos, &end) >= 0) return true;
    if (IsWordByte(folded[pos])) {  // the rest of the word
      while (++pos < folded.size() && IsWordByte(folded[pos])) {
      }
    } else {
      ++pos;
    }
  }
  return false;
}

HeaderMeaning Lexicon::Header(std::string_view folded_word) const {
  auto it = headers_.find(folded_word);
  return it == headers_.end() ? HeaderMeaning::kNone : it->second;
}

std::string Lexicon::CountryCurrency(std::string_view country) const {
  auto it = countries_.find(country);
  return it == countries_.end() ? std::string() : it->second;
}

}  // namespace acervo::amount
