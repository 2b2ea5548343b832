#include "year_context.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace acervo::es_date {
namespace {

int Number(std::string_view s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() ? v : -1;
}

// Puts a year-less expression in `year`, moving its end to the next year when it crosses
// New Year ("noviembre a febrero").
void Place(Expression* e, int year) {
  if (e->first.year == 0) {
    e->first.year = year;
    // "29/2" in a year without one: the leap year before.
    while (e->first.month == 2 && e->first.day == 29 && !IsLeapYear(e->first.year)) {
      --e->first.year;
    }
  }
  if (e->last.year == 0) {
    e->last.year = e->first.year;
    if (Before(e->last, e->first)) ++e->last.year;
  }
}

}  // namespace

DatePoint ParseIsoPoint(std::string_view s, bool end) {
  DatePoint p;
  if (s.size() < 4) return p;
  int y = Number(s.substr(0, 4));
  if (y < 1000) return p;
  int m = end ? 12 : 1, d = 0;
  if (s.size() >= 7 && s[4] == '-') m = Number(s.substr(5, 2));
  if (s.size() >= 10 && s[7] == '-') d = Number(s.substr(8, 2));
  if (m < 1 || m > 12 || d < 0) return p;
  return DatePoint{y, m, d};
}

YearContext::YearContext(const DocumentContext& document)
    : period_first_(ParseIsoPoint(document.period_start, false)),
      period_last_(ParseIsoPoint(
          document.period_end.empty() ? document.period_start : document.period_end, true)),
      context_date_(ParseIsoPoint(document.context_date, false)) {
  period_first_.day = period_last_.day = 0;
  if (period_first_.year == 0 || period_last_.year == 0 || Before(period_last_, period_first_) ||
      ContradictsContextDate()) {
    period_first_ = period_last_ = DatePoint{};
  }
}

bool YearContext::ContradictsContextDate() const {
  if (context_date_.year == 0) return false;
  const int now = context_date_.MonthIndex();
  if (period_first_.MonthIndex() > now) return true;  // a period after the time of writing
  // A report is written during its period or soon after it; a single month long before is a
  // month the text mentions in passing ("durante octubre de 2023"), not what it reports on.
  const int lag = now - period_last_.MonthIndex();
  return lag > (period_first_ == period_last_ ? 3 : 18);
}

int YearContext::FromPeriod(const DatePoint& p, int direction) const {
  // Without "pasado" or "próximo", the year is one of the period's own years: a table of
  // "Enero ... Diciembre" in a January-February report is that year's, not last year's.
  const int lo = period_first_.year - (direction < 0 ? 1 : 0);
  const int hi = period_last_.year + (direction > 0 ? 1 : 0);
  int best = 0, best_distance = 1 << 30;
  for (int y = lo; y <= hi; ++y) {
    DatePoint q{y, p.month, p.day};
    int distance = 0;
    if (direction < 0) {
      // Before the end of the period: the latest such year.
      const DatePoint& ref = context_date_.year ? context_date_ : period_last_;
      if (Before(ref, q)) continue;
      distance = ref.MonthIndex() - q.MonthIndex();
    } else if (direction > 0) {
      const DatePoint& ref = context_date_.year ? context_date_ : period_first_;
      if (Before(q, ref)) continue;
      distance = q.MonthIndex() - ref.MonthIndex();
    } else if (q.MonthIndex() < period_first_.MonthIndex()) {
      distance = period_first_.MonthIndex() - q.MonthIndex();
    } else if (q.MonthIndex() > period_last_.MonthIndex()) {
      distance = q.MonthIndex() - period_last_.MonthIndex();
    }
    if (distance < best_distance) {
      best = y;
      best_distance = distance;
    }
  }
  return best;
}

int YearContext::FromContextDate(const DatePoint& p, int direction) const {
  DatePoint q{context_date_.year, p.month, p.day};
  if (direction < 0 && Before(context_date_, q)) return q.year - 1;
  if (direction > 0 && Before(q, context_date_)) return q.year + 1;
  return q.year;
}

YearSource YearContext::Resolve(const NearbyYears& nearby, Expression* e) const {
  if (e->HasYears()) return e->shared_year ? YearSource::kSameList : YearSource::kStated;
  // "del presente año", "del próximo año": the document's time, its context date or the
  // end of its period.
  const int now = context_date_.year ? context_date_.year : period_last_.year;
  if (e->year_back && e->year_now) {
    if (!now) return YearSource::kNone;
    Place(e, now + e->year_shift);
    return context_date_.year ? YearSource::kContextDate : YearSource::kPeriod;
  }
  if (e->year_back && nearby.back) {
    Place(e, nearby.back);
    return YearSource::kSentence;
  }
  if (nearby.sentence) {
    Place(e, nearby.sentence);
    return YearSource::kSentence;
  }
  if (nearby.now_shift != NearbyYears::kNoShift && now) {  // "viajó el año pasado, del ..."
    Place(e, now + nearby.now_shift);
    return YearSource::kSentence;
  }
  // A year heading dates what it heads. A heading that only mentions a year among other
  // words counts where it agrees with the period: in a 2020 report, "rumbo a GSEF 2021, 22
  // de septiembre" names an event, not the year.
  if (nearby.heading &&
      (nearby.heading_is_year || !has_period() ||
       (nearby.heading >= period_first_.year && nearby.heading <= period_last_.year))) {
    Place(e, nearby.heading);
    return YearSource::kHeading;
  }
  // A date's year just before ("se extendió hasta junio de 2024. ... el 31 de mayo") says
  // when that date is, not when the narration is: outside the period, the period wins.
  // "En 2019 ..." frames what follows, period or not.
  const bool beyond_period =
      has_period() && (nearby.passage < period_first_.year || nearby.passage > period_last_.year);
  if (nearby.passage && !(nearby.passage_of_a_date && beyond_period)) {
    Place(e, nearby.passage);
    return YearSource::kPassage;
  }
  if (has_period()) {
    Place(e, FromPeriod(e->first, e->direction));
    return YearSource::kPeriod;
  }
  if (context_date_.year) {
    Place(e, FromContextDate(e->first, e->direction));
    return YearSource::kContextDate;
  }
  if (nearby.earlier) {
    Place(e, nearby.earlier);
    return YearSource::kEarlierInDocument;
  }
  return YearSource::kNone;
}

bool YearContext::OutsidePeriod(const Expression& e) const {
  if (!has_period()) return false;
  DatePoint a = e.first, b = e.last;
  a.day = b.day = 0;
  if (IsYearOnly(a)) a.month = 1;  // "de 2014 hasta …": from January
  if (IsYearOnly(b)) b.month = 12;
  return b.MonthIndex() < period_first_.MonthIndex() || a.MonthIndex() > period_last_.MonthIndex();
}

double YearContext::Confidence(const Expression& e, YearSource source) const {
  double c = 0.95;
  switch (source) {
    case YearSource::kStated:
      c = 0.95;
      break;
    case YearSource::kSameList:
      c = 0.92;
      break;
    case YearSource::kSentence:
      c = 0.85;
      break;
    case YearSource::kHeading:
      c = 0.82;
      break;
    case YearSource::kPassage:
      c = 0.8;
      break;
    case YearSource::kPeriod:
      c = 0.78;
      break;
    case YearSource::kContextDate:
      c = 0.7;
      break;
    case YearSource::kEarlierInDocument:
      c = 0.6;
      break;
    case YearSource::kNone:
      c = 0;
      break;
  }
  if (e.ambiguous) c = std::min(c, 0.6);
  if (e.bare_month) c -= 0.05;
  if (OutsidePeriod(e)) c -= source == YearSource::kStated ? 0.05 : 0.2;
  return std::clamp(c, 0.0, 1.0);
}

}  // namespace acervo::es_date
