#include "chronology.h"

namespace acervo::es_date {

int Chronology::Year(int heading_year, int month_heading) {
  if (heading_year != heading_year_) {
    *this = Chronology();
    heading_year_ = heading_year;
  }
  if (heading_year == 0) return 0;
  if (month_heading > 0) {
    if (last_month_ > 0 && month_heading > last_month_) forward_ = true;
    if (last_month_ > 0 && month_heading < last_month_ && forward_) ++years_past_;
    last_month_ = month_heading;
  }
  return heading_year + years_past_;
}

}  // namespace acervo::es_date
