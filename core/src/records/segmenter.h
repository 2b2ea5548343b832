// segmenter.h — finds the passages of a document that report one activity each.
//
// The forms, from the loader's structure (see docs/records.md):
//  - a section: a heading that names an activity and the blocks under it, up to the next
//    heading. Headings without a body, upper-case headings without a date, and headings the
//    pipeline lists as grouping (`EJE 1. …`, `ACCIONES GENERALES`) only give context;
//  - a bullet that reports a dated activity (`- El 09 de enero, el Director General …`);
//  - a data row of a table that lists activities or cooperation flows: a table is such a
//    table when it has at least `min_table_records` rows with a date or an amount
//    (page breaks do not split a table); TOTAL and Sub Total rows are never records;
//  - a paragraph under a grouping heading that opens with the date of an activity, or one
//    of several dated paragraphs that each name an activity under a heading that names
//    none (a concept note: the agreement, then the seminar it led to).
// Lines of one paragraph that each open with a date ("El 09 de enero, el Director …" twice
// or more: a bulleted list whose markers the PDF text lost) count as bullets.
// A heading with its own date is always a record and keeps its bullets; a heading without
// one whose body lists dated bullets or record rows gives way to them.
// Prose (clauses.h): a body whose paragraphs report two or more dated activities (or three
// activities) gives one record per activity clause, whatever its heading; under a grouping
// heading each paragraph's activity clauses are records. A chronology's month heading
// ("ABRIL") makes each paragraph under it one entry, dated by the heading when it has no
// date. Short bullets under a heading or lead-in that names activities in the plural
// ("Acuerdos de hermanamiento suscritos") are one record each. A section that lists its
// activities in bullets or a table keeps the dated activity clauses of its prose. A heading
// naming a legal act with its number ("Acuerdo N.° 018 de 2024", "Decreto 0470 de 2025")
// only groups the act's parts, whose clauses are examined one by one (clauses.h: recitals
// report nothing, an operative verb reports a financing decision only with a sum).
// Never records: sections under a non-record heading (presentation, objectives, legal
// basis, plans to come, notes, bibliography, an order of the day), citations, aggregate
// tables (table_kinds.h), headings that name a plan, and page furniture (a heading or
// short paragraph repeated at the same edge of two or more pages: running headers).
#ifndef ACERVO_CORE_RECORDS_SEGMENTER_H_
#define ACERVO_CORE_RECORDS_SEGMENTER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "records/passage.h"
#include "records/rules.h"

namespace acervo {

// kClause: one activity of several that a paragraph of running prose reports (clauses.h).
enum class RecordForm { kSection, kBullet, kTableRow, kParagraph, kClause };

struct Candidate {
  RecordForm form = RecordForm::kSection;
  size_t first = 0, last = 0;  // segment indices, inclusive
  // Structural evidence in [0, 1]: a heading with a date is strong, a paragraph guessed to
  // be an activity is weak.
  double structure = 0.5;
  bool dated_heading = false;  // a section whose heading carries the record's dates
  // For a piece of one paragraph (bullets whose markers a PDF lost): its byte span in the
  // segment's text; the whole segment otherwise.
  size_t byte_begin = 0, byte_end = SIZE_MAX;
  // An entry of a chronology: the month heading whose dates are the record's when the
  // entry has none of its own.
  size_t date_heading = SIZE_MAX;
  // For a clause: the kind of the verb that reports it ("firmó" -> acuerdo), one more vote
  // for the record's kind.
  std::string verb_kind = {};
};

std::vector<Candidate> FindCandidates(const Passages& passages, const RecordRules& rules);

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_SEGMENTER_H_
