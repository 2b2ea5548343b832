#include "vocabulary.h"

#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "acervo/text.h"

namespace acervo::es_date {
namespace {

// The rows of a TSV file, without blank lines and '#' comments, each split on tabs.
Result<std::vector<std::vector<std::string>>> ReadTsv(const std::filesystem::path& path,
                                                      size_t columns) {
  std::ifstream in(path);
  if (!in) return NotFound(path.string() + ": cannot open");
  std::vector<std::vector<std::string>> rows;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) cells.push_back(cell);
    if (cells.size() != columns || cells[0].empty()) {
      return Corrupt(path.string() + ":" + std::to_string(number) + ": expected " +
                     std::to_string(columns) + " tab-separated columns");
    }
    cells[0] = Fold(cells[0]);
    rows.push_back(std::move(cells));
  }
  if (rows.empty()) return Corrupt(path.string() + ": no entries");
  return rows;
}

Result<int> ParseInt(const std::string& s, const std::filesystem::path& path) {
  int value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) {
    return Corrupt(path.string() + ": not a number: " + s);
  }
  return value;
}

// "a|bb|ccc" as "ccc|bb|a", each word escaped, so that the longest spelling wins.
std::string Alternation(std::vector<std::string> words) {
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += '|';
    out += RE2::QuoteMeta(w);
  }
  return out;
}

template <typename Map>
std::vector<std::string> Keys(const Map& map) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : map) keys.push_back(k);
  return keys;
}

// Rows of word, month 1-12, "full" or "abbr".
Status LoadMonths(const std::filesystem::path& path,
                  std::unordered_map<std::string, MonthWord>* out) {
  auto rows = ReadTsv(path, 3);
  if (!rows.ok()) return rows.status();
  for (const auto& r : *rows) {
    auto month = ParseInt(r[1], path);
    if (!month.ok()) return month.status();
    if (*month < 1 || *month > 12 || (r[2] != "full" && r[2] != "abbr")) {
      return Corrupt(path.string() + ": bad row for " + r[0]);
    }
    (*out)[r[0]] = MonthWord{*month, r[2] == "abbr"};
  }
  return Status::Ok();
}

}  // namespace

Result<Vocabulary> Vocabulary::Load(const std::filesystem::path& data_dir) {
  Vocabulary v;
  ACERVO_RETURN_IF_ERROR(LoadMonths(data_dir / "months.tsv", &v.months_));
  {
    auto path = data_dir / "ordinals.tsv";
    auto rows = ReadTsv(path, 2);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
      auto value = ParseInt(r[1], path);
      if (!value.ok()) return value.status();
      v.ordinals_[r[0]] = *value;
    }
  }
  {
    auto path = data_dir / "year_parts.tsv";
    auto rows = ReadTsv(path, 2);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
      auto months = ParseInt(r[1], path);
      if (!months.ok()) return months.status();
      if (*months < 1 || 12 % *months != 0) return Corrupt(path.string() + ": bad " + r[0]);
      v.year_parts_[r[0]] = *months;
    }
  }
  {
    auto path = data_dir / "day_words.tsv";
    auto rows = ReadTsv(path, 2);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
      auto day = ParseInt(r[1], path);
      if (!day.ok()) return day.status();
      if (*day < 1 || *day > 31) return Corrupt(path.string() + ": bad day for " + r[0]);
      v.day_words_[r[0]] = *day;
    }
  }
  {
    auto path = data_dir / "numerals.tsv";
    auto rows = ReadTsv(path, 2);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
      auto value = ParseInt(r[1], path);
      if (!value.ok()) return value.status();
      v.numerals_[r[0]] = *value;
    }
    if (!v.numerals_.count("mil")) return Corrupt(path.string() + ": no \"mil\"");
  }
  ACERVO_RETURN_IF_ERROR(v.LoadContextWords(data_dir));
  {
    auto rows = ReadTsv(data_dir / "day_markers.tsv", 1);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) v.day_markers_.push_back(r[0]);
  }
  return v;
}

// The words around dates rather than in them: cues, weekdays, English months, words that
// point back to a year or month, verbs that move a date.
Status Vocabulary::LoadContextWords(const std::filesystem::path& data_dir) {
  Vocabulary& v = *this;
  for (auto [file, set] :
       {std::pair{"weekdays.tsv", &v.weekdays_}, std::pair{"date_cues.tsv", &v.date_cues_},
        std::pair{"after_date.tsv", &v.after_date_},
        std::pair{"year_time_cues.tsv", &v.year_time_cues_},
        std::pair{"date_columns.tsv", &v.date_columns_},
        std::pair{"share_words.tsv", &v.share_words_}}) {
    auto rows = ReadTsv(data_dir / file, 1);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) (*set)[r[0]] = 1;
  }
  ACERVO_RETURN_IF_ERROR(LoadMonths(data_dir / "english_months.tsv", &v.english_months_));
  {
    auto path = data_dir / "anaphora.tsv";
    auto rows = ReadTsv(path, 3);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
      if (r[1] != "year" && r[1] != "now" && r[1] != "month") {
        return Corrupt(path.string() + ": '" + r[0] + "' must point to year, now or month");
      }
      auto shift = ParseInt(r[2], path);
      if (!shift.ok()) return shift.status();
      if (r[1] == "month") {
        v.month_back_.push_back(r[0]);
      } else {
        v.year_back_.push_back(r[0]);
        v.year_pointers_[r[0]] = YearPointer{*shift, r[1] == "now"};
        if (r[1] == "now") v.now_phrases_.emplace_back(r[0], *shift);
      }
    }
  }
  {
    auto path = data_dir / "recurring.tsv";
    auto rows = ReadTsv(path, 2);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
      if (r[1] != "before" && r[1] != "after") {
        return Corrupt(path.string() + ": '" + r[0] + "' must stand before or after");
      }
      (r[1] == "before" ? v.recurring_before_ : v.recurring_after_).push_back(r[0]);
    }
  }
  {
    auto rows = ReadTsv(data_dir / "move_verbs.tsv", 1);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) v.move_stems_.push_back(r[0]);
  }
  return Status::Ok();
}

const MonthWord* Vocabulary::Month(std::string_view folded) const {
  auto it = months_.find(std::string(folded));
  if (it != months_.end()) return &it->second;
  it = english_months_.find(std::string(folded));
  return it == english_months_.end() ? nullptr : &it->second;
}

int Vocabulary::Ordinal(std::string_view folded) const {
  auto it = ordinals_.find(std::string(folded));
  return it == ordinals_.end() ? 0 : it->second;
}

int Vocabulary::YearPartMonths(std::string_view folded) const {
  auto it = year_parts_.find(std::string(folded));
  return it == year_parts_.end() ? 0 : it->second;
}

int Vocabulary::DayWord(std::string_view folded) const {
  auto it = day_words_.find(std::string(folded));
  return it == day_words_.end() ? 0 : it->second;
}

bool Vocabulary::IsDateColumnWord(std::string_view folded) const {
  return date_columns_.count(std::string(folded)) > 0;
}

bool Vocabulary::IsShareWord(std::string_view folded) const {
  return share_words_.count(std::string(folded)) > 0;
}

bool Vocabulary::IsDateCue(std::string_view folded) const {
  return date_cues_.count(std::string(folded)) > 0;
}

bool Vocabulary::IsWeekday(std::string_view folded) const {
  return weekdays_.count(std::string(folded)) > 0;
}

bool Vocabulary::IsMoveVerb(std::string_view folded) const {
  for (const std::string& stem : move_stems_) {
    if (folded.starts_with(stem)) return true;
  }
  return false;
}

bool Vocabulary::MayFollowADate(std::string_view folded) const {
  return after_date_.count(std::string(folded)) > 0;
}

bool Vocabulary::IsYearTimeCue(std::string_view folded) const {
  return year_time_cues_.count(std::string(folded)) > 0;
}

int Vocabulary::YearFromWords(std::string_view folded) const {
  int total = 0, current = 0;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && (folded[i] == ' ' || folded[i] == '\n')) ++i;
    size_t j = i;
    while (j < folded.size() && folded[j] != ' ' && folded[j] != '\n') ++j;
    std::string word(folded.substr(i, j - i));
    i = j;
    if (word.empty() || word == "y") continue;
    auto it = numerals_.find(word);
    if (it == numerals_.end()) return 0;
    if (it->second == 1000) {
      total += (current == 0 ? 1 : current) * 1000;
      current = 0;
    } else {
      current += it->second;
    }
  }
  return total + current;
}

std::string Vocabulary::YearWordsPattern(const std::string& space) const {
  std::vector<std::string> hundreds, below;
  for (const auto& [word, value] : numerals_) {
    if (value >= 100 && value < 1000) hundreds.push_back(word);
    if (value < 1000) below.push_back(word);
  }
  // "dos mil ..." or "mil novecientos ...": a year from 1100 to 2999.
  return "(?:(?:dos" + space + "mil|mil" + space + "(?:" + Alternation(hundreds) + "))(?:" + space +
         "(?:" + Alternation(below) + "))*(?:" + space + "y" + space + "(?:" + Alternation(below) +
         "))?)";
}

namespace {

// Phrases as one alternation, longest first, their words separated by `space`.
std::string PhrasePattern(std::vector<std::string> phrases, const std::string& space) {
  const std::string alternation = Alternation(std::move(phrases));  // "\ " between words
  std::string out;
  for (size_t i = 0; i < alternation.size(); ++i) {
    if (alternation[i] == '\\' && i + 1 < alternation.size() && alternation[i + 1] == ' ') {
      out += space;
      ++i;
    } else {
      out += alternation[i];
    }
  }
  return out;
}

}  // namespace

YearPointer Vocabulary::YearPointerOf(std::string_view folded) const {
  std::string words;  // the phrase with its spaces and line breaks made single spaces
  for (char c : folded) {
    if (c == ' ' || c == '\n' || c == '\r') {
      if (!words.empty() && words.back() != ' ') words += ' ';
    } else {
      words += c;
    }
  }
  auto it = year_pointers_.find(words);
  return it == year_pointers_.end() ? YearPointer{} : it->second;
}

std::string Vocabulary::YearBackPattern(const std::string& space) const {
  return PhrasePattern(year_back_, space);
}
std::string Vocabulary::MonthBackPattern(const std::string& space) const {
  return PhrasePattern(month_back_, space);
}

std::string Vocabulary::EnglishMonthAlternation(bool with_abbreviations) const {
  std::vector<std::string> full, abbreviations;
  for (const auto& [word, m] : english_months_) {
    (m.abbreviation ? abbreviations : full).push_back(word);
  }
  if (!with_abbreviations) return Alternation(full);
  return Alternation(full) + "|(?:" + Alternation(abbreviations) + R"()\.?)";
}

std::string Vocabulary::DayWordAlternation() const { return Alternation(Keys(day_words_)); }
std::string Vocabulary::WeekdayAlternation() const {
  std::vector<std::string> full;
  for (const auto& [word, unused] : weekdays_) {
    if (word.size() > 2) full.push_back(word);
  }
  return Alternation(full);
}

std::string Vocabulary::MonthAlternation() const {
  std::vector<std::string> full, abbreviations;
  for (const auto& [word, m] : months_) (m.abbreviation ? abbreviations : full).push_back(word);
  return Alternation(full) + "|(?:" + Alternation(abbreviations) + R"()\.?)";
}
std::vector<std::string> Vocabulary::MonthWords() const { return Keys(months_); }
std::vector<std::string> Vocabulary::YearPartWords() const { return Keys(year_parts_); }
std::vector<std::string> Vocabulary::EnglishMonthNames() const {
  std::vector<std::string> full;
  for (const auto& [word, m] : english_months_) {
    if (!m.abbreviation) full.push_back(word);
  }
  return full;
}

std::string Vocabulary::OrdinalAlternation() const { return Alternation(Keys(ordinals_)); }
std::string Vocabulary::YearPartAlternation() const { return Alternation(Keys(year_parts_)); }
std::string Vocabulary::DayMarkerAlternation() const { return Alternation(day_markers_); }

}  // namespace acervo::es_date
