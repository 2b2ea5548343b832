#include "es_date.h"

#include <algorithm>
#include <cstdlib>

#include "acervo/text.h"
#include "year_context.h"

namespace acervo::es_date {
namespace {

constexpr const char* kVersion = "1.0.0";

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

class DateRun : public Run {
 public:
  DateRun(const Grammar& grammar, const DocumentContext& document)
      : grammar_(grammar), years_(document) {}

  Status Extract(const Segment& segment, std::vector<Mention>* out) override {
    FoldedText text(segment.text);
    expressions_.clear();
    grammar_.Scan(text, &expressions_);
    if (expressions_.empty()) {
      NoteStatedYears(text.text());
      return Status::Ok();
    }

    // Years stated as such in this passage ("ejercicio 2023"), by position. Years of other
    // dates are not used: "el 20 de enero ... falleció el 15 de diciembre de 2004".
    stated_.clear();
    grammar_.FindYearMentions(text.text(), &stated_);
    const std::vector<size_t> ends = SentenceEnds(text.text());

    NearbyYears nearby;
    for (auto h = segment.headings.rbegin(); h != segment.headings.rend() && !nearby.heading;
         ++h) {
      nearby.heading = grammar_.HeadingYear(Fold(*h));
    }
    for (Expression& e : expressions_) {
      nearby.sentence = 0;
      if (!e.HasYears()) {
        size_t sentence = SentenceOf(ends, e.begin), best = SIZE_MAX;
        for (const YearMention& y : stated_) {
          if (SentenceOf(ends, y.begin) != sentence) continue;
          size_t d = y.begin > e.begin ? y.begin - e.begin : e.begin - y.begin;
          if (d < best) best = d, nearby.sentence = y.year;
        }
      }
      nearby.earlier = earlier_year_;
      YearSource source = years_.Resolve(nearby, &e);
      if (source == YearSource::kNone || !IsValid(e.first) || !IsValid(e.last)) continue;
      if (source == YearSource::kStated) earlier_year_ = e.last.year;

      Mention m;
      m.type = "date";
      m.begin = text.ToOriginal(e.begin);
      m.end = text.ToOriginal(e.end);
      m.value = {{"start", Iso(e.first)}, {"end", Iso(e.last)}};
      m.confidence = years_.Confidence(e, source);
      out->push_back(std::move(m));
    }
    NoteStatedYears(text.text());
    return Status::Ok();
  }

 private:
  // Remembers the last year stated as such ("ejercicio 2024") for later passages.
  void NoteStatedYears(std::string_view folded) {
    stated_.clear();
    grammar_.FindYearMentions(folded, &stated_);
    if (!stated_.empty()) earlier_year_ = stated_.back().year;
  }

  const Grammar& grammar_;
  YearContext years_;
  int earlier_year_ = 0;
  std::vector<Expression> expressions_;  // per segment, kept to reuse their memory
  std::vector<YearMention> stated_;
};

}  // namespace

PluginInfo EsDateExtractor::Info() const {
  return {"es-date", kVersion,
          "Spanish dates, ranges and lists as ISO 8601, missing years taken from context",
          {"date"}};
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
