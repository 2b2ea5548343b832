// es-date/chronology.h — the year of a chronology's month headings when the text runs past
// December under one year heading.
//
// A chronology goes forward: under "2021", the headings NOVIEMBRE, DICIEMBRE and then MARZO
// mean that March is of 2022, whose year heading the text lost (OCR drops short lines, a
// converter drops a heading). Months that go backward from the start (a chronology written
// newest first) are left alone. One Chronology follows one document, passage by passage;
// not shared between threads.
#ifndef ACERVO_PLUGINS_ES_DATE_CHRONOLOGY_H_
#define ACERVO_PLUGINS_ES_DATE_CHRONOLOGY_H_

namespace acervo::es_date {

class Chronology {
 public:
  // For a passage under the year heading `heading_year` (0: none), which is itself a month
  // heading when `month_heading` is 1-12 (else 0): the year its dates take from the heading.
  int Year(int heading_year, int month_heading);

 private:
  int heading_year_ = 0;
  int last_month_ = 0;    // the last month heading under heading_year_
  bool forward_ = false;  // the month headings went forward at least once
  int years_past_ = 0;    // times they ran past December
};

}  // namespace acervo::es_date

#endif  // ACERVO_PLUGINS_ES_DATE_CHRONOLOGY_H_
