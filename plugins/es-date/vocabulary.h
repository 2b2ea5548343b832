// es-date/vocabulary.h — the words the date grammar is built from, loaded from data/.
//
// Every word is stored folded (acervo::Fold: lower case, no accents), because the grammar
// scans folded text. The files are TSV with '#' comments:
//   months.tsv       word, month 1-12, "full" or "abbr"
//   ordinals.tsv     word, value ("segundo" 2)
//   year_parts.tsv   word, months it spans ("trimestre" 3)
//   day_markers.tsv  marker written after a day number ("º", "ro")
//   day_words.tsv    word, day of the month ("veintidós" 22)
//   date_cues.tsv    word after which "22/04" is a date ("el", "desde", "viernes")
//   numerals.tsv     word, value, for years in words ("dos mil dieciocho")
//   weekdays.tsv     names of the days of the week
//   anaphora.tsv     words pointing to a year or month ("ese año", "del año siguiente", "del
//                    presente año", "ese mismo mes"), with a shift in years
//   recurring.tsv    words that make a date recur ("cada 15 de mayo", "30 de junio de cada año")
//   move_verbs.tsv   stems of verbs that move a date to another ("prorrog", "aplaz")
//   after_date.tsv   words that may follow "junio 8" (a month-first date without a year)
//   english_months.tsv  English month words, for references ("November 12, 2016")
//   year_time_cues.tsv  words after which a year is a time ("en 2019", "durante 2018")
//   date_columns.tsv    words of a table header that head a column of dates ("Fecha", "Fin")
//   share_words.tsv     words after "de" that make "3/4" a share ("3/4 de los recursos")
#ifndef ACERVO_PLUGINS_ES_DATE_VOCABULARY_H_
#define ACERVO_PLUGINS_ES_DATE_VOCABULARY_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "acervo/status.h"

namespace acervo::es_date {

struct MonthWord {
  int month = 0;  // 1-12
  bool abbreviation = false;
};

// Where a phrase of anaphora.tsv takes its year from: the last year the text named ("ese
// año", "del año siguiente": shift 1) or the document's own time ("del presente año", "del
// próximo año": now, shift 1).
struct YearPointer {
  int shift = 0;
  bool now = false;
};

class Vocabulary {
 public:
  // Reads the data files from data_dir; a missing or malformed file is an error.
  static Result<Vocabulary> Load(const std::filesystem::path& data_dir);

  // Lookups by folded word; nullptr / 0 when the word is unknown.
  const MonthWord* Month(std::string_view folded) const;
  int Ordinal(std::string_view folded) const;
  int YearPartMonths(std::string_view folded) const;
  int DayWord(std::string_view folded) const;
  bool IsDateCue(std::string_view folded) const;
  // Whether "de" + folded makes digits before them a share ("3/4 de los recursos").
  bool IsShareWord(std::string_view folded) const;
  bool IsDateColumnWord(std::string_view folded) const;
  bool IsWeekday(std::string_view folded) const;
  // Whether a word begins like a verb that moves a date ("prorrogó", "aplazada").
  bool IsMoveVerb(std::string_view folded) const;
  bool MayFollowADate(std::string_view folded) const;
  bool IsYearTimeCue(std::string_view folded) const;
  // Words that make a date recur, standing before it ("cada") or after its "de" ("cada año").
  const std::vector<std::string>& RecurringBefore() const { return recurring_before_; }
  const std::vector<std::string>& RecurringAfter() const { return recurring_after_; }
  // The year a run of number words spells ("mil novecientos noventa y dos" 1992), or 0.
  int YearFromWords(std::string_view folded) const;

  // Regular-expression alternations of each word class, longest words first, escaped.
  // Month abbreviations may carry a dot ("sept."); full month names never take one.
  std::string MonthAlternation() const;
  std::string OrdinalAlternation() const;
  std::string YearPartAlternation() const;
  std::string DayMarkerAlternation() const;
  std::string DayWordAlternation() const;
  // Weekday names written in full ("jueves"; not "ju"), which may stand before a day.
  std::string WeekdayAlternation() const;
  // English month words (abbreviations with an optional dot, unless left out).
  std::string EnglishMonthAlternation(bool with_abbreviations = true) const;
  // Words pointing back to a year ("ese ano") or a month ("ese mismo mes"), their words
  // separated by `space`.
  std::string YearBackPattern(const std::string& space) const;
  // What a phrase of that pattern points to (any run of spaces between its words).
  YearPointer YearPointerOf(std::string_view folded) const;
  // The phrases of anaphora.tsv that point to the document's time ("ano pasado", "este ano").
  const std::vector<std::pair<std::string, int>>& NowPhrases() const { return now_phrases_; }
  std::string MonthBackPattern(const std::string& space) const;
  // Years in words, as a pattern whose words are separated by `space`.
  std::string YearWordsPattern(const std::string& space) const;

  // The words of the anchors (shape.h) the alternations above spell: month words (names and
  // abbreviations), parts of a year, English month names (no abbreviations), and the
  // phrases pointing back to a month, their words one space apart.
  std::vector<std::string> MonthWords() const;
  std::vector<std::string> YearPartWords() const;
  std::vector<std::string> EnglishMonthNames() const;
  const std::vector<std::string>& MonthBackPhrases() const { return month_back_; }

 private:
  Status LoadContextWords(const std::filesystem::path& data_dir);

  std::unordered_map<std::string, MonthWord> months_;
  std::unordered_map<std::string, int> ordinals_;
  std::unordered_map<std::string, int> year_parts_;
  std::vector<std::string> day_markers_;
  std::unordered_map<std::string, int> day_words_;
  std::unordered_map<std::string, int> date_cues_, date_columns_, share_words_;
  std::unordered_map<std::string, int> numerals_;
  std::unordered_map<std::string, int> weekdays_;
  std::unordered_map<std::string, MonthWord> english_months_;
  std::vector<std::string> year_back_, month_back_, move_stems_;
  std::unordered_map<std::string, YearPointer> year_pointers_;
  std::vector<std::pair<std::string, int>> now_phrases_;  // phrase, shift
  std::vector<std::string> recurring_before_, recurring_after_;
  std::unordered_map<std::string, int> after_date_, year_time_cues_;
};

}  // namespace acervo::es_date

#endif  // ACERVO_PLUGINS_ES_DATE_VOCABULARY_H_
