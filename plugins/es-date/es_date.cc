#include "es_date.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include "acervo/message_mark.h"
#include "acervo/text.h"
#include "broken_years.h"
#include "chronology.h"
#include "date_columns.h"
#include "recurring.h"
#include "year_context.h"

namespace acervo::es_date {
namespace {

constexpr const char* kVersion = "1.1.0";

// Offsets where sentences of folded text end: cell and line breaks, and ". " or "; ".
std::vector<size_t> SentenceEnds(std::string_view s) {
  std::vector<size_t> ends;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\t' || c == '\n' ||
        ((c == '.' || c == ';') && (i + 1 == s.size() || s[i + 1] == ' '))) {
      ends.push_back(i);
    }
  }
  return ends;
}

size_t SentenceOf(const std::vector<size_t>& ends, size_t offset) {
  return static_cast<size_t>(std::lower_bound(ends.begin(), ends.end(), offset) - ends.begin());
}

// The word before folded[at], skipping an article ("desde el 1 de enero": "desde").
std::string_view WordBefore(std::string_view s, size_t at) {
  std::string_view word;
  for (int words = 0; words < 2; ++words) {
    while (at > 0 && s[at - 1] == ' ') --at;
    size_t b = at;
    while (b > 0 && s[b - 1] >= 'a' && s[b - 1] <= 'z') --b;
    word = s.substr(b, at - b);
    if (word != "el" && word != "la") break;
    at = b;
  }
  return word;
}

// Whether original[begin, end) has a verb in the future tense: a word ending in "rá" or
// "rán" ("se realizará", "llegarán"), the only Spanish endings with that accent.
bool SpeaksOfTheFuture(std::string_view original, size_t begin, size_t end) {
  for (size_t i = begin; i + 3 <= end; ++i) {
    if (original[i] != 'r' || original.substr(i + 1, 2) != "\xC3\xA1") continue;  // "rá"
    size_t after = i + 3;
    if (after < end && original[after] == 'n') ++after;
    if (i > begin && (after == end || !std::isalpha(static_cast<unsigned char>(original[after])))) {
      return true;
    }
  }
  return false;
}

class DateRun : public Run {
 public:
  DateRun(const Grammar& grammar, const DocumentContext& document)
      : grammar_(grammar), years_(document) {}

  Status Extract(const Segment& segment, std::vector<Mention>* out) override {
    FoldedText text(segment.text);
    NoteYearLine(segment, text.text());
    expressions_.clear();
    grammar_.Scan(text, &expressions_, &group_cache_);
    DropRecurring(grammar_.words(), text.text(), &expressions_);
    MendBrokenYears(text.text(), &expressions_);
    if (segment.kind == SegmentKind::kTableRow && !segment.table_header.empty()) {
      AddDateColumnCells(grammar_.words(), segment.table_header, text, &expressions_);
    }
    // Years stated as such in this passage ("ejercicio 2023"), and every year it writes.
    stated_.clear();
    grammar_.FindYearMentions(text.text(), &stated_);
    written_.clear();
    if (expressions_.empty()) {
      NoteYears();
      return Status::Ok();
    }
    grammar_.FindYears(text.text(), &written_);
    const std::vector<size_t> ends = SentenceEnds(text.text());

    NearbyYears nearby;
    for (auto h = segment.headings.rbegin(); h != segment.headings.rend() && !nearby.heading; ++h) {
      nearby.heading = grammar_.HeadingYear(Fold(*h), &nearby.heading_is_year);
    }
    if (!nearby.heading && line_year_ && SameHeadings(segment.headings, line_year_under_)) {
      nearby.heading = line_year_;  // a line that is only a year, a chronology's heading
      nearby.heading_is_year = true;
    }
    const int year_heading = nearby.heading_is_year ? nearby.heading : 0;
    const int chronology_year = chronology_.Year(year_heading, MonthHeading(text));
    if (year_heading) nearby.heading = chronology_year;
    passage_year_ = 0;
    for (Expression& e : expressions_) {
      if (e.month_back && !TakeLastMonth(&e)) continue;
      if (!e.HasYears()) FindNearbyYears(text, ends, e, &nearby);
      nearby.earlier = earlier_year_;
      YearSource source = years_.Resolve(nearby, &e);
      auto valid = [&e](const DatePoint& p) {
        return IsValid(p) || (e.year_ends && IsYearOnly(p));
      };
      if (source == YearSource::kNone || !valid(e.first) || !valid(e.last)) continue;
      if (source == YearSource::kStated) earlier_year_ = e.last.year;
      passage_year_ = e.last.year;
      passage_year_at_ = e.begin;
      if (!dated_ && source == YearSource::kStated && IsDateline(text.text(), ends, e)) {
        years_.TakeDateline(e.first);
      }
      dated_ = true;
      last_point_ = e.last;

      Mention m;
      m.type = "date";
      m.begin = text.ToOriginal(e.begin);
      m.end = text.ToOriginal(e.end);
      m.value = nlohmann::json::object();  // built in place: an initializer list copies
      m.value.emplace("start", Iso(e.first));
      m.value.emplace("end", Iso(e.last));
      m.confidence = years_.Confidence(e, source);
      out->push_back(std::move(m));
    }
    NoteYears();
    return Status::Ok();
  }

 private:
  // The month of a passage that is a month name and nothing else ("MARZO", "Marzo:"), else 0.
  int MonthHeading(const FoldedText& text) const {
    if (expressions_.size() != 1 || !expressions_[0].bare_month) return 0;
    const std::string_view s = text.text();
    for (size_t i = 0; i < s.size(); ++i) {
      if (i >= expressions_[0].begin && i < expressions_[0].end) continue;
      if (std::isalnum(static_cast<unsigned char>(s[i]))) return 0;
    }
    return expressions_[0].first.month;
  }

  // "el 20 de ese mismo mes": the month and year of the last date given.
  bool TakeLastMonth(Expression* e) const {
    if (last_point_.month == 0) return false;
    e->first.month = e->last.month = last_point_.month;
    e->first.year = e->last.year = last_point_.year;
    return IsValid(e->first);
  }

  // The years around e that may settle its own: "de ese año" (the last year written before
  // it), a year stated in its sentence, a year written shortly before it in the passage.
  void FindNearbyYears(const FoldedText& text, const std::vector<size_t>& ends, const Expression& e,
                       NearbyYears* nearby) const {
    nearby->back = nearby->sentence = nearby->passage = 0;
    nearby->now_shift = NearbyYears::kNoShift;
    nearby->passage_of_a_date = false;
    const YearMention* before = nullptr;
    for (const YearMention& y : written_) {
      if (y.begin < e.begin) before = &y;
    }
    if (e.year_back) {
      if (!e.year_now) nearby->back = YearPointedBack(before, *nearby, e.year_shift);
      return;
    }
    const size_t sentence = SentenceOf(ends, e.begin);
    // Only a year that is a time, in this sentence or the one before, dates the passage.
    if (before && (!grammar_.IsTimeYear(text.text(), before->begin) ||
                   SentenceOf(ends, before->begin) + 1 < sentence)) {
      before = nullptr;
    }
    nearby->now_shift = NowSaid(text.text(), ends, sentence);
    size_t best = SIZE_MAX;
    for (const YearMention& y : stated_) {
      if (SentenceOf(ends, y.begin) != sentence) continue;
      size_t d = y.begin > e.begin ? y.begin - e.begin : e.begin - y.begin;
      if (d < best) best = d, nearby->sentence = y.year;
    }
    // A year written just before, in the past tense: "En 2019 ... el 5 de junio".
    // What will happen ("se realizará el 5 de junio") is the document's time, not that year.
    if (before && e.direction == 0) {
      const size_t from = sentence == 0 ? 0 : ends[sentence - 1];
      const size_t to = sentence < ends.size() ? ends[sentence] : text.text().size();
      const auto of_a_date = std::find_if(
          expressions_.begin(), expressions_.end(),
          [&](const Expression& x) { return x.begin <= before->begin && before->begin < x.end; });
      // "aporta los seguros desde el 1 de enero de 2023, y ofrece un curso entre junio y
      // julio": a date after "desde" opens a state that lasts until now; it does not set
      // the time the sentence speaks of.
      const bool opens_a_state = of_a_date != expressions_.end() &&
                                 of_a_date->first == of_a_date->last &&
                                 WordBefore(text.text(), of_a_date->begin) == "desde";
      if (!opens_a_state &&
          !SpeaksOfTheFuture(text.original(), text.ToOriginal(from), text.ToOriginal(to))) {
        nearby->passage = before->year;
        // "llegó a mediados de julio de 2021 y partió a finales de agosto": a date's year
        // in the same sentence dates what the sentence goes on to tell, period or not.
        nearby->passage_of_a_date =
            of_a_date != expressions_.end() && SentenceOf(ends, before->begin) != sentence;
      }
    }
  }

  // Whether the sentence says the date's year by the document's time: "viajó el año pasado,
  // del 10 al 25 de julio", "este año el foro será el 5 de junio": that year's shift from
  // now, else NearbyYears::kNoShift.
  int NowSaid(std::string_view s, const std::vector<size_t>& ends, size_t sentence) const {
    const size_t from = sentence == 0 ? 0 : ends[sentence - 1];
    const size_t to = sentence < ends.size() ? ends[sentence] : s.size();
    const std::string_view part = s.substr(from, to - from);
    for (const auto& [phrase, shift] : grammar_.words().NowPhrases()) {
      for (size_t at = part.find(phrase); at != std::string_view::npos;
           at = part.find(phrase, at + 1)) {
        if (!IsWholeWord(part, at, at + phrase.size())) continue;
        // "el año pasado", "este año": not "del año pasado", which belongs to a date.
        const bool own = phrase.starts_with("este") || (at >= 3 && part.substr(at - 3, 3) == "el ");
        if (own && (at < 4 || part.substr(at - 4, 4) != "del ")) return shift;
      }
    }
    return NearbyYears::kNoShift;
  }

  // The year "de ese año" points to: the last one the passage names or implies before it
  // (a year written, or the year an earlier date of the passage took: "El 14 de septiembre
  // ... En octubre del mismo año"), else the year heading above, else the last year of an
  // earlier dated passage; moved by `shift` ("del año siguiente").
  int YearPointedBack(const YearMention* before, const NearbyYears& nearby, int shift) const {
    int year = before ? before->year : 0;
    if (passage_year_ && (!before || passage_year_at_ > before->begin)) year = passage_year_;
    if (!year) year = nearby.heading_is_year ? nearby.heading : last_written_year_;
    return year ? year + shift : 0;
  }

  // A passage that is a year and nothing else ("2015", "Año 2016") heads what follows it
  // under the same headings, as a chronology's year lines do where the text keeps no
  // heading marks (a book's text layer, a plain-text file).
  void NoteYearLine(const Segment& segment, std::string_view folded) {
    if (folded.size() > 12 || segment.kind == SegmentKind::kTableRow) return;
    bool only_year = false;
    const int year = grammar_.HeadingYear(folded, &only_year);
    if (!year || !only_year) return;
    line_year_ = year;
    line_year_under_.assign(segment.headings.begin(), segment.headings.end());
  }

  static bool SameHeadings(std::span<const std::string_view> a, const std::vector<std::string>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

  // Whether e, a whole day, ends the first sentence of its passage, as the dateline of a
  // press release does ("Mérida, Yucatán, 20 de mayo de 2024. La ciudad presentó ...").
  static bool IsDateline(std::string_view s, const std::vector<size_t>& ends, const Expression& e) {
    if (e.first != e.last || e.first.day == 0 || SentenceOf(ends, e.begin) != 0) return false;
    const size_t end = ends.empty() ? s.size() : ends[0];
    for (size_t i = e.end; i < end; ++i) {
      if (s[i] != ' ' && s[i] != '.' && s[i] != '-') return false;
    }
    return true;
  }

  // Remembers the last year stated as such ("ejercicio 2024"), and the last year written at
  // all, for later passages.
  void NoteYears() {
    if (!stated_.empty()) earlier_year_ = stated_.back().year;
    if (!written_.empty()) last_written_year_ = written_.back().year;
  }

  const Grammar& grammar_;
  YearContext years_;
  int earlier_year_ = 0;
  bool dated_ = false;  // a date was emitted: the dateline, if any, has gone by
  int last_written_year_ = 0;
  Chronology chronology_;                     // month headings that run past December
  int line_year_ = 0;                         // the last passage that is only a year ("2015")
  std::vector<std::string> line_year_under_;  // the headings above that passage
  int passage_year_ = 0;                      // the year the last date of this passage took
  size_t passage_year_at_ = 0;                // where that date begins
  DatePoint last_point_;                      // the last date emitted, for "ese mismo mes"
  std::vector<Expression> expressions_;       // per segment, kept to reuse their memory
  GroupCache group_cache_;                    // the groups of the spans read so far
  std::vector<YearMention> stated_, written_;
};

}  // namespace

PluginInfo EsDateExtractor::Info() const {
  return {"es-date",
          kVersion,
          N_("Spanish dates, ranges and lists as ISO 8601, missing years taken from context"),
          {{"date", "dates", {"start", "end"}, {"start", "end"}}}};
}

Status EsDateExtractor::Configure(const PluginConfig& config) {
  auto vocabulary = Vocabulary::Load(config.data_dir);
  if (!vocabulary.ok()) return vocabulary.status().Prefixed("es-date");
  auto grammar = Grammar::Compile(std::move(vocabulary).value());
  if (!grammar.ok()) return grammar.status();
  grammar_ = std::move(grammar).value();
  return Status::Ok();
}

std::unique_ptr<Run> EsDateExtractor::Begin(const DocumentContext& document) const {
  return std::make_unique<DateRun>(*grammar_, document);
}

}  // namespace acervo::es_date
