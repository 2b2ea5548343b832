#include "load/metadata.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <mutex>

#include "acervo/text.h"
#include "load/loader_data.h"

namespace acervo {
namespace {

constexpr int kPagesToRead = 2;  // the cover and the page after it
constexpr size_t kMaxTitle = 200;

// Reads "key<TAB>value" lines (value optional), skipping '#' comments and blank lines.
Status ReadTsv(const std::filesystem::path& path,
               std::vector<std::pair<std::string, std::string>>* rows) {
  std::ifstream in(path);
  if (!in) return IoError("cannot read " + path.string());
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    std::string key = Fold(line.substr(0, tab));
    std::string value = tab == std::string::npos ? "" : line.substr(tab + 1);
    if (key.empty()) return Corrupt(path.string() + ":" + std::to_string(n) + ": empty key");
    rows->emplace_back(std::move(key), std::move(value));
  }
  return Status();
}

Status ReadNumbers(const std::filesystem::path& path, std::map<std::string, int>* out) {
  std::vector<std::pair<std::string, std::string>> rows;
  Status s = ReadTsv(path, &rows);
  if (!s.ok()) return s;
  for (const auto& [key, value] : rows) {
    int n = std::atoi(value.c_str());
    if (n <= 0) return Corrupt(path.string() + ": '" + key + "' needs a positive number");
    (*out)[key] = n;
  }
  return Status();
}

std::string Alternation(const std::map<std::string, int>& words) {
  std::string out;
  for (const auto& [word, unused] : words) {
    if (!out.empty()) out += '|';
    out += RE2::QuoteMeta(word);
  }
  return "(" + out + ")";
}

std::string Month(int year, int month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

size_t CountWholeWords(const std::string& text, const std::string& word) {
  size_t count = 0;
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    if (IsWholeWord(text, at, at + word.size())) ++count;
  }
  return count;
}

// The byte span [begin, end) of a front-matter block opening page 1 ("---", key: value
// lines, "---" or "..."), or {0, 0} when the page has none.
std::pair<size_t, size_t> FrontMatter(const std::string& text) {
  size_t at = text.find_first_not_of(" \t\r\n");
  if (at == std::string::npos || text.compare(at, 3, "---") != 0) return {0, 0};
  size_t line_end = text.find('\n', at);
  if (line_end == std::string::npos || text.find_first_not_of("- \t\r", at) < line_end) {
    return {0, 0};
  }
  for (size_t line = line_end + 1; line < text.size();) {
    size_t end = text.find('\n', line);
    if (end == std::string::npos) end = text.size();
    std::string_view l(text.data() + line, end - line);
    while (!l.empty() && (l.back() == '\r' || l.back() == ' ')) l.remove_suffix(1);
    if (l == "---" || l == "...") return {at, end};
    // Front matter is "key: value" lines (and their indented or listed continuations).
    if (!l.empty() && l.find(':') == std::string_view::npos && l[0] != ' ' && l[0] != '-') {
      return {0, 0};
    }
    line = end + 1;
  }
  return {0, 0};
}

// The value of the first of `keys` ("title", "titulo") in a front-matter block, unquoted;
// "" when absent.
std::string FrontMatterValue(std::string_view block, std::initializer_list<std::string_view> keys) {
  for (size_t line = 0; line < block.size();) {
    size_t end = std::min(block.find('\n', line), block.size());
    std::string_view l = block.substr(line, end - line);
    size_t colon = l.find(':');
    if (colon != std::string_view::npos) {
      std::string key = Fold(l.substr(0, colon));
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) {
        std::string_view v = l.substr(colon + 1);
        while (!v.empty() && (v.front() == ' ' || v.front() == '"' || v.front() == '\'')) {
          v.remove_prefix(1);
        }
        while (!v.empty() &&
               (v.back() == ' ' || v.back() == '"' || v.back() == '\'' || v.back() == '\r')) {
          v.remove_suffix(1);
        }
        return std::string(v);
      }
    }
    line = end + 1;
  }
  return "";
}

// A front-matter block is metadata, not content: its blocks leave page 1 (so no extractor
// reads a date or a name from it) and its title, if any, becomes the document's.
void SetAsideFrontMatter(Document* document) {
  Page& first = document->pages.front();
  auto [begin, end] = FrontMatter(first.text);
  if (begin == end) return;
  const std::string_view block = std::string_view(first.text).substr(begin, end - begin);
  if (document->info.title.empty())
    document->info.title = FrontMatterValue(block, {"title", "titulo"});
  // "date: 2024-05-20": when the text was written, which dates what it leaves without a year.
  const std::string date = FrontMatterValue(block, {"date", "fecha"}).substr(0, 10);
  if (document->info.date.empty() && RE2::FullMatch(date, R"(\d{4}-\d\d-\d\d)")) {
    document->info.date = date;
  }
  // Copies, not the bindings: clang 14 (the fuzz build) cannot capture structured bindings.
  std::erase_if(first.blocks, [from = begin, to = end](const Block& b) {
    return b.begin >= from && b.end <= to;
  });
}

}  // namespace

MetadataCues::~MetadataCues() = default;

Result<std::shared_ptr<const MetadataCues>> MetadataCues::Load(const std::filesystem::path& dir) {
  std::shared_ptr<MetadataCues> cues(new MetadataCues());
  Status s = ReadTsv(dir / "countries.tsv", &cues->countries_);
  if (s.ok()) s = ReadNumbers(dir / "months.tsv", &cues->months_);
  if (s.ok()) s = ReadNumbers(dir / "periods.tsv", &cues->period_months_);
  if (s.ok()) s = ReadNumbers(dir / "ordinals.tsv", &cues->ordinals_);
  std::vector<std::pair<std::string, std::string>> titles, year_cues, range_words;
  if (s.ok()) s = ReadTsv(dir / "title_cues.tsv", &titles);
  if (s.ok()) s = ReadTsv(dir / "year_cues.tsv", &year_cues);
  if (s.ok()) s = ReadTsv(dir / "range_words.tsv", &range_words);
  if (!s.ok()) return s;
  for (auto& [word, unused] : titles) cues->title_words_.push_back(word);
  auto words = [](const std::vector<std::pair<std::string, std::string>>& rows) {
    std::map<std::string, int> set;
    for (const auto& [word, unused] : rows) set[word] = 1;
    return "(?:" + Alternation(set).substr(1);  // not a capture: the patterns count theirs
  };
  const std::string year_cue = words(year_cues);
  std::string joins;
  for (const auto& [word, unused] : range_words) {
    joins += R"(|\b)" + RE2::QuoteMeta(word) + R"(\b)";
  }

  const std::string month = Alternation(cues->months_);
  const std::string period = Alternation(cues->period_months_);
  const std::string ordinal = Alternation(cues->ordinals_);
  const std::string year = R"(((?:19|20)\d\d))";
  cues->month_range_ = std::make_unique<RE2>(
      R"(\b)" + month + R"(\s*(?:-|–|—|/)" + joins + R"()\s*)" + month +
      R"(\s*(?:,\s*)?(?:\b(?:de|del)\s+)?(?:\b)" + year_cue + R"(\s+)?)" + year + R"(\b)");
  cues->ordinal_period_ =
      std::make_unique<RE2>(R"(\b)" + ordinal + R"(\s+)" + period + R"(\s+(?:(?:de|del)\s+)?(?:)" +
                            year_cue + R"(\s+(?:fiscal\s+)?)?)" + year + R"(\b)");
  cues->numbered_period_ =
      std::make_unique<RE2>(R"(\b)" + period + R"(\s+)" + year + R"(\s*[-–/]\s*([1-6])\b)");
  cues->month_year_ = std::make_unique<RE2>(R"(\b)" + month + R"(\s+(?:de|del)\s+(?:)" + year_cue +
                                            R"(\s+)?)" + year + R"(\b)");
  cues->year_ =
      std::make_unique<RE2>(R"(\b)" + year_cue + R"(\s+(?:fiscal\s+)?(?:de\s+)?)" + year + R"(\b)");
  for (const auto* re :
       {cues->month_range_.get(), cues->ordinal_period_.get(), cues->numbered_period_.get(),
        cues->month_year_.get(), cues->year_.get()}) {
    if (!re->ok()) return Internal("metadata pattern: " + re->error());
  }
  return std::shared_ptr<const MetadataCues>(std::move(cues));
}

const MetadataCues* MetadataCues::Default() {
  static std::once_flag once;
  static std::shared_ptr<const MetadataCues> cues;
  std::call_once(once, [] {
    std::filesystem::path countries = FindLoaderData("countries.tsv");
    if (countries.empty()) return;
    Result<std::shared_ptr<const MetadataCues>> loaded = Load(countries.parent_path());
    if (loaded.ok()) cues = *loaded;
  });
  return cues.get();
}

std::string MetadataCues::DetectCountry(const std::string& folded) const {
  std::map<std::string, size_t> votes;
  for (const auto& [cue, code] : countries_) votes[code] += CountWholeWords(folded, cue);
  std::string best;
  size_t best_votes = 0;
  for (const auto& [code, n] : votes) {
    if (n > best_votes) best = code, best_votes = n;
  }
  return best;
}

Period MetadataCues::DetectPeriod(const std::string& folded) const {
  // The earliest statement wins: covers state the period before the text cites others.
  Period best;
  size_t best_at = std::string::npos;
  auto consider = [&](size_t at, Period p) {
    if (at < best_at) best = std::move(p), best_at = at;
  };
  re2::StringPiece m[4];
  const re2::StringPiece text(folded);
  if (month_range_->Match(text, 0, text.size(), RE2::UNANCHORED, m, 4)) {
    int y = std::atoi(std::string(m[3]).c_str());
    int a = months_.at(std::string(m[1])), b = months_.at(std::string(m[2]));
    if (a <= b) consider(m[0].data() - text.data(), Period{Month(y, a), Month(y, b)});
  }
  auto nth = [&](const std::string& period, int n, int y, size_t at) {
    int len = period_months_.at(period);
    if (n < 1 || n * len > 12) return;
    consider(at, Period{Month(y, (n - 1) * len + 1), Month(y, n * len)});
  };
  if (ordinal_period_->Match(text, 0, text.size(), RE2::UNANCHORED, m, 4)) {
    nth(std::string(m[2]), ordinals_.at(std::string(m[1])), std::atoi(std::string(m[3]).c_str()),
        m[0].data() - text.data());
  }
  if (numbered_period_->Match(text, 0, text.size(), RE2::UNANCHORED, m, 4)) {
    nth(std::string(m[1]), std::atoi(std::string(m[3]).c_str()),
        std::atoi(std::string(m[2]).c_str()), m[0].data() - text.data());
  }
  if (best_at == std::string::npos &&
      month_year_->Match(text, 0, text.size(), RE2::UNANCHORED, m, 3)) {
    std::string month = Month(std::atoi(std::string(m[2]).c_str()), months_.at(std::string(m[1])));
    best = Period{month, month};
  } else if (best_at == std::string::npos &&
             year_->Match(text, 0, text.size(), RE2::UNANCHORED, m, 2)) {
    best = Period{std::string(m[1]), std::string(m[1])};
  }
  return best;
}

bool MetadataCues::IsTitleLine(const std::string& folded) const {
  for (const std::string& word : title_words_) {
    if (CountWholeWords(folded, word) > 0) return true;
  }
  return false;
}

void DetectMetadata(Document* document, const MetadataCues* cues) {
  DocumentInfo& info = document->info;
  if (document->pages.empty()) return;
  SetAsideFrontMatter(document);
  const Page& first = document->pages.front();
  if (info.title.empty()) {
    const std::vector<Block>& blocks = first.blocks;
    auto text_of = [&](size_t i) {
      return first.text.substr(blocks[i].begin, blocks[i].end - blocks[i].begin);
    };
    size_t chosen = blocks.size(), fallback = blocks.size();
    for (size_t i = 0; i < blocks.size() && chosen == blocks.size(); ++i) {
      const Block& b = blocks[i];
      if (b.end - b.begin > kMaxTitle) continue;
      if (cues != nullptr && b.kind != SegmentKind::kTableRow &&
          cues->IsTitleLine(Fold(text_of(i)))) {
        chosen = i;
      } else if (fallback == blocks.size() &&
                 (b.kind == SegmentKind::kHeading || b.kind == SegmentKind::kParagraph)) {
        fallback = i;
      }
    }
    if (chosen == blocks.size()) chosen = fallback;
    if (chosen < blocks.size()) {
      info.title = text_of(chosen);
      // A cover title set over several lines continues in the headings of its level below.
      for (size_t i = chosen + 1;
           i < blocks.size() && blocks[chosen].kind == SegmentKind::kHeading &&
           blocks[i].kind == SegmentKind::kHeading &&
           blocks[i].heading_level == blocks[chosen].heading_level && info.title.size() < kMaxTitle;
           ++i) {
        info.title += " " + text_of(i);
      }
    }
  }
  if (cues == nullptr) {
    if (info.country.empty() || info.period.start.empty()) {
      document->warnings.push_back(
          "loader data (data/loader) not found: country and period not detected");
    }
    return;
  }
  std::string folded = Fold(info.title);
  for (size_t p = 0; p < document->pages.size() && p < kPagesToRead; ++p) {
    folded += "\n" + Fold(document->pages[p].text);
  }
  if (info.country.empty()) info.country = cues->DetectCountry(folded);
  if (info.period.start.empty() && info.period.end.empty()) {
    info.period = cues->DetectPeriod(folded);
  }
}

}  // namespace acervo
