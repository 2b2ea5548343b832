#include "records/segmenter.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "acervo/text.h"
#include "records/activity_names.h"
#include "records/agenda_item.h"
#include "records/clauses.h"
#include "records/legal_act.h"
#include "records/page_furniture.h"
#include "records/paragraph_pieces.h"
#include "records/table_kinds.h"

namespace acervo {
namespace {

class Segmenter {
 public:
  Segmenter(const Passages& p, const RecordRules& rules) : p_(p), rules_(rules), tables_(p, rules) {
    title_ = Fold(p.document().info.title);
    furniture_ = RunningLines(p);
    act_ = OpensWithLegalAct(p_, rules_.group_headings);
  }

  std::vector<Candidate> Run() {
    size_t i = 0;
    // Blocks before the first heading form a body without a heading.
    size_t first_heading = 0;
    while (first_heading < p_.size() && p_.segment(first_heading).kind != SegmentKind::kHeading) {
      ++first_heading;
    }
    Section(SIZE_MAX, 0, first_heading);
    for (i = first_heading; i < p_.size();) {
      size_t end = i + 1;
      while (end < p_.size() && p_.segment(end).kind != SegmentKind::kHeading) ++end;
      Section(i, i + 1, end);
      i = end;
    }
    std::sort(out_.begin(), out_.end(), [](const Candidate& a, const Candidate& b) {
      return std::tie(a.first, a.byte_begin) < std::tie(b.first, b.byte_begin);
    });
    return std::move(out_);
  }

 private:
  // A heading that names an activity as a plan ("Autorización para suscribir un convenio",
  // "Propuesta de hermanamiento"): a plan cue of the pipeline, not one of its summaries.
  bool Planned(std::string_view heading) const {
    const std::vector<LexiconHit>& hits = p_.HitsIn(rules_.plan_cues, heading);
    return std::any_of(hits.begin(), hits.end(),
                       [](const LexiconHit& h) { return h.label->empty(); });
  }

  // A heading that adds up rather than tells ("Inversión por objetivo", "Recursos
  // movilizados por ODS", "Resumen"): a `caption` phrase of the aggregate-table lexicon.
  bool AddsUp(size_t h) const {
    const std::vector<LexiconHit>& hits = p_.HitsIn(rules_.aggregate_tables, p_.segment(h).text);
    return std::any_of(hits.begin(), hits.end(),
                       [](const LexiconHit& hit) { return *hit.label == "caption"; });
  }

  // A body that is nothing but sums ("5. Recursos movilizados por ODS" over a table of money
  // by goal): its heading reports no activity.
  // A body of prose that reports nothing: no date, no activity clause and no verb in a
  // past tense (clauses.h), only what bodies are or usually do ("los socios principales
  // son …", "ofrece el marco regional"). Its heading may name a kind of activity ("la
  // cooperación bilateral") without the section telling one.
  bool Describes(size_t begin, size_t end, const std::vector<Candidate>& clauses) const {
    if (!clauses.empty()) return false;
    bool prose = false;
    for (size_t i = begin; i < end; ++i) {
      const Segment& s = p_.segment(i);
      if (s.kind != SegmentKind::kParagraph || p_.HasDate(i) || TellsPast(s.text)) return false;
      prose = true;
    }
    return prose;
  }

  bool OnlyAggregateTables(size_t begin, size_t end) const {
    bool any_table = false;
    for (size_t i = begin; i < end; ++i) {
      const Segment& s = p_.segment(i);
      if (s.kind == SegmentKind::kParagraph || s.kind == SegmentKind::kBullet) return false;
      if (s.kind == SegmentKind::kTableRow && p_.table(i) >= 0) {
        if (!tables_.IsAggregate(p_.table(i))) return false;
        any_table = true;
      }
    }
    return any_table;
  }

  bool IsDatedBullet(size_t i) const {
    return p_.segment(i).kind == SegmentKind::kBullet && p_.HasDate(i) &&
           p_.WordsOutsideDates(i) >= 3;
  }

  // A bullet without a date that leads with an activity ("En la Primera Sesión Ordinaria
  // del Subcomité …", "Se participó en el evento …").
  bool IsActivityBullet(size_t i) const {
    return p_.segment(i).kind == SegmentKind::kBullet && !p_.HasDate(i) &&
           NamesActivity(LeadOf(p_.segment(i).text, 60));
  }

  // A heading dated by its words, not one that is only a date ("9.1 enero").
  bool HasOwnDate(size_t h) const { return p_.HasDate(h) && p_.WordsOutsideDates(h) >= 2; }

  // A heading without a body that dates an activity, next to another dated heading: the
  // items of a dated list that a PDF's fonts made look like headings.
  bool InDatedHeadingRun(size_t h) const {
    if (!HasOwnDate(h) || p_.WordsOutsideDates(h) < 3 || furniture_[h]) return false;
    auto dated_heading = [&](size_t i) {
      return i < p_.size() && p_.segment(i).kind == SegmentKind::kHeading && HasOwnDate(i);
    };
    return dated_heading(h + 1) || (h > 0 && dated_heading(h - 1));
  }

  bool NamesActivity(std::string_view text) const { return !p_.HitsIn(rules_.kinds, text).empty(); }

  bool IsGroupHeading(size_t h, size_t body_begin, size_t body_end) const {
    if (body_begin == body_end || furniture_[h] || act_) return true;
    if (NamesLegalAct(p_.HeadingWordsOf(p_.segment(h).text), rules_.group_headings)) return true;
    if (HasOwnDate(h)) return false;
    if (p_.HasDate(h)) return true;  // a heading that is only a date groups what follows
    if (AddsUp(h)) return true;
    std::string_view text = p_.segment(h).text;
    if (IsMostlyUpperCase(text)) return true;
    std::string_view words = p_.HeadingWordsOf(text);
    if (words.empty()) return true;  // a number or a chronology's year ("2020")
    if (const std::string* label = rules_.group_headings.Prefix(words); label && label->empty()) {
      return true;
    }
    // Activities in the plural and none in the singular ("Cronología de visitas
    // destacadas", "Actores y recursos"): a heading over several, or over none.
    if (NamesActivities(words) && !NamesSingleActivity(words)) return true;
    // The cover's title repeated as a heading.
    return words.size() >= 8 && title_.find(words) != std::string::npos;
  }

  // The opening of a body (its first paragraphs) names an activity and dates it.
  bool BodyReportsActivity(size_t begin, size_t end) const {
    bool dated = false, named = false;
    size_t budget = 600;
    for (size_t i = begin; i < end && budget > 0; ++i) {
      const Segment& s = p_.segment(i);
      if (s.kind != SegmentKind::kParagraph && s.kind != SegmentKind::kBullet) continue;
      std::string_view text = s.text.substr(0, budget);
      budget -= text.size();
      dated = dated || p_.HasDate(i);
      named = named || NamesActivity(text);
    }
    return dated && named;
  }

  // The byte offsets of paragraph `i`'s activity dates.
  std::vector<size_t> ActivityDates(size_t i) const {
    std::vector<size_t> out;
    for (const PlacedMention* m : p_.mentions(i)) {
      if (Passages::IsActivityDate(*m)) out.push_back(p_.OffsetIn(i, *m));
    }
    return out;
  }

  // Splits paragraph `i` at lines that open with a date, when two or more do; each piece
  // runs to the next such line.
  void DateLedPieces(size_t i, std::vector<Candidate>* out) const {
    std::vector<size_t> starts = DateLedLines(p_.segment(i).text, ActivityDates(i));
    if (starts.size() < 2) return;
    for (const Piece& piece : CutAt(p_.segment(i).text, starts)) {
      Candidate c{RecordForm::kParagraph, i, i, 0.7, false};
      c.byte_begin = piece.begin;
      c.byte_end = piece.end;
      out->push_back(c);
    }
  }

  std::vector<size_t> DatedActivityParagraphs(size_t begin, size_t end) const {
    std::vector<size_t> out;
    for (size_t i = begin; i < end; ++i) {
      const Segment& s = p_.segment(i);
      if (s.kind == SegmentKind::kParagraph && p_.HasDate(i) && NamesActivity(s.text)) {
        out.push_back(i);
      }
    }
    return out;
  }

  // Activities in the plural, or one in the singular (activity_names.h).
  bool NamesActivities(std::string_view text) const {
    if (rules_.kinds.empty()) return false;  // nothing to name them
    return acervo::NamesActivities(p_.Folded(text), p_.HitsIn(rules_.kinds, text));
  }
  bool NamesSingleActivity(std::string_view folded) const {
    return acervo::NamesSingleActivity(folded, p_.FoldedHits(rules_.kinds, folded));
  }

  // The short items of a list of activities: bullets under a heading, or after a lead-in
  // ending in ':', that names activities in the plural ("Porto Alegre, Brasil (2016)" under
  // "Acuerdos de hermanamiento suscritos"). Citations are never items.
  std::vector<size_t> ListItems(size_t h, size_t begin, size_t end) const {
    std::vector<size_t> out;
    if (rules_.kinds.empty()) return out;  // nothing names activities
    const bool heading_lists =
        h != SIZE_MAX && NamesActivities(p_.HeadingWordsOf(p_.segment(h).text));
    bool listed = heading_lists;
    for (size_t i = begin; i < end; ++i) {
      const Segment& s = p_.segment(i);
      if (s.kind == SegmentKind::kParagraph) {
        std::string_view t = s.text;
        while (!t.empty() && (t.back() == ' ' || t.back() == '\n')) t.remove_suffix(1);
        if (!t.empty() && t.back() == ':') listed = heading_lists || NamesActivities(t);
        continue;
      }
      // Items are names ("Porto Alegre, Brasil (2016)"), not sentences: a bullet ending in
      // a period under such a heading is a remark about the list.
      bool short_item = s.text.size() <= 160 && !s.text.empty() && s.text.back() != '.';
      if (s.kind == SegmentKind::kBullet && listed && short_item && !IsCitation(s.text)) {
        out.push_back(i);
      }
    }
    return out.size() >= 2 ? out : std::vector<size_t>();
  }

  // A short bullet without a final period or a date, followed by a paragraph.
  bool LooksLikeHeading(size_t i) const {
    const Segment& s = p_.segment(i);
    std::string_view t = s.text;
    while (!t.empty() && (t.back() == ' ' || t.back() == '\n')) t.remove_suffix(1);
    return s.kind == SegmentKind::kBullet && !t.empty() && t.size() <= 100 && t.back() != '.' &&
           t.back() != ';' && t.back() != ',' && !p_.HasDate(i) && i + 1 < p_.size() &&
           p_.segment(i + 1).kind == SegmentKind::kParagraph;
  }

  // The report's presentation, objectives, method or references: no records under it,
  // nor under anything it encloses.
  bool InNonRecordSection(size_t h, bool enclosing) const {
    if (rules_.non_record_sections.empty()) return false;
    auto names = [&](std::string_view heading) {
      return rules_.non_record_sections.Prefix(p_.HeadingWordsOf(heading)) != nullptr;
    };
    if (names(p_.segment(h).text)) return true;
    if (!enclosing) return false;
    const Segment& s = p_.segment(h);
    return std::any_of(s.headings.begin(), s.headings.end(), names);
  }

  // The activities paragraph `i` reports in its clauses (see clauses.h), as candidates.
  std::vector<Candidate> ClausesOf(size_t i, double structure) const {
    std::vector<Candidate> out;
    const Segment& s = p_.segment(i);
    if (s.kind != SegmentKind::kParagraph || furniture_[i] || IsCitation(s.text)) return out;
    std::vector<size_t> dates, amounts;
    for (const PlacedMention* m : p_.mentions(i)) {
      if (Passages::IsActivityDate(*m)) dates.push_back(p_.OffsetIn(i, *m));
      if (m->type == "amount") amounts.push_back(p_.OffsetIn(i, *m));
    }
    for (const ActivityClause& c : FindActivityClauses(
             s.text, dates, {rules_.activity_verbs, rules_.plan_cues, rules_.kinds}, amounts)) {
      Candidate candidate{RecordForm::kClause, i, i, structure, false};
      candidate.byte_begin = c.begin;
      candidate.byte_end = c.end;
      candidate.verb_kind = c.kind;
      bool dated = std::any_of(dates.begin(), dates.end(),
                               [&](size_t d) { return d >= c.begin && d < c.end; });
      if (!dated) candidate.structure -= 0.15;
      out.push_back(candidate);
    }
    // One activity: the whole paragraph is its record, except in a legal act, where the
    // paragraph opens with the article's label ("ARTÍCULO PRIMERO.") and the clause is the act.
    if (out.size() == 1 && !act_) {
      out[0].form = RecordForm::kParagraph;
      out[0].byte_begin = 0;
      out[0].byte_end = SIZE_MAX;
    }
    return out;
  }

  // The activity clauses of the paragraphs in [begin, end), and how many carry a date.
  std::vector<Candidate> ClausesIn(size_t begin, size_t end, int* dated) const {
    std::vector<Candidate> out;
    *dated = 0;
    for (size_t i = begin; i < end; ++i) {
      for (Candidate& c : ClausesOf(i, 0.7)) {
        if (c.structure >= 0.7) ++*dated;
        out.push_back(c);
      }
    }
    return out;
  }

  void Emit(RecordForm form, size_t first, size_t last, double structure, bool dated = false) {
    out_.push_back({form, first, last, structure, dated});
  }

  // `after_front_matter`: `h` is a list item that a PDF made of a heading, inside a
  // presentation (see below); the headings enclosing it no longer apply.
  void Section(size_t h, size_t begin, size_t end, bool after_front_matter = false) {
    std::vector<size_t> rows, bullets;
    std::vector<Candidate> pieces;
    for (size_t i = begin; i < end; ++i) {
      if (tables_.IsRecordRow(i) && tables_.InRecordTable(i)) rows.push_back(i);
      if (IsDatedBullet(i) || IsActivityBullet(i)) bullets.push_back(i);
      if (p_.segment(i).kind == SegmentKind::kParagraph) DateLedPieces(i, &pieces);
    }
    if (h != SIZE_MAX && InNonRecordSection(h, /*enclosing=*/!after_front_matter)) {
      // A PDF may set the next numbered heading as a list item ("• Relaciones bilaterales y
      // cooperación"): the presentation ends there, and what follows is a section again.
      for (size_t i = begin; i < end; ++i) {
        if (LooksLikeHeading(i)) return Section(i, i + 1, end, /*after_front_matter=*/true);
      }
      return;
    }
    for (size_t i : ListItems(h, begin, end)) {
      if (std::find(bullets.begin(), bullets.end(), i) == bullets.end()) bullets.push_back(i);
    }
    std::sort(bullets.begin(), bullets.end());
    if (h != SIZE_MAX && begin == end && !act_ && InDatedHeadingRun(h)) {
      Emit(RecordForm::kBullet, h, h, 0.6);  // a list set as headings by the PDF
      return;
    }
    const bool grouping = h == SIZE_MAX || IsGroupHeading(h, begin, end);
    if (!grouping) {
      if (HasOwnDate(h) && rows.empty()) {
        Emit(RecordForm::kSection, h, end - 1, 0.95, /*dated=*/true);
        return;
      }
      if (rows.empty() && bullets.empty() && pieces.empty()) {
        // Narrative: a body whose prose reports two or more dated activities gives one
        // record per activity, whatever its heading says.
        int dated = 0;
        std::vector<Candidate> clauses = ClausesIn(begin, end, &dated);
        if (dated >= 2 || clauses.size() >= 3) {
          out_.insert(out_.end(), clauses.begin(), clauses.end());
        } else if (NamesActivity(p_.segment(h).text) && !Planned(p_.segment(h).text) &&
                   !OnlyAggregateTables(begin, end) && !Describes(begin, end, clauses)) {
          Emit(RecordForm::kSection, h, end - 1, 0.75);
        } else if (BodyReportsActivity(begin, end)) {
          // A body of several dated activities (a concept note: an agreement, then the
          // seminar it led to) gives one record per paragraph; one activity, the section.
          std::vector<size_t> paragraphs = DatedActivityParagraphs(begin, end);
          if (paragraphs.size() >= 2) {
            for (size_t i : paragraphs) Emit(RecordForm::kParagraph, i, i, 0.55);
          } else {
            Emit(RecordForm::kSection, h, end - 1, 0.55);
          }
        } else if (clauses.size() == 1 && dated == 1) {
          // One dated activity under a heading of its own (a press note's headline): the
          // section is its record, the headline its title.
          Emit(RecordForm::kSection, h, end - 1, 0.7);
          out_.back().verb_kind = clauses.front().verb_kind;
        } else {
          out_.insert(out_.end(), clauses.begin(), clauses.end());
        }
        return;
      }
    }
    for (size_t i : rows) Emit(RecordForm::kTableRow, i, i, 0.85);
    for (size_t i : bullets) Emit(RecordForm::kBullet, i, i, p_.HasDate(i) ? 0.85 : 0.6);
    out_.insert(out_.end(), pieces.begin(), pieces.end());
    if (grouping) {
      GroupedParagraphs(h, begin, end, pieces, /*listed=*/!rows.empty() || !bullets.empty());
    } else if (!HasOwnDate(h)) {
      DatedClausesBeside(begin, end, pieces);
    }
  }

  // A section that lists its activities in bullets or a table often tells others in its
  // prose ("El 14 de marzo la municipalidad inauguró …" above "Además, se desarrollaron las
  // siguientes actividades:" and its bullets): the dated activity clauses of its paragraphs
  // are records too. Lead-ins (ending in ':') and undated clauses, which mostly describe
  // the listed items, are not.
  void DatedClausesBeside(size_t begin, size_t end, const std::vector<Candidate>& pieces) {
    for (size_t i = begin; i < end; ++i) {
      std::string_view t = p_.segment(i).text;
      while (!t.empty() && (t.back() == ' ' || t.back() == '\n')) t.remove_suffix(1);
      if (t.empty() || t.back() == ':') continue;
      if (std::any_of(pieces.begin(), pieces.end(),
                      [&](const Candidate& c) { return c.first == i; })) {
        continue;
      }
      for (const Candidate& c : ClausesOf(i, 0.7)) {
        if (c.structure >= 0.7) out_.push_back(c);
      }
    }
  }

  // The paragraphs under a grouping heading (or none): see the comment inside. `listed`:
  // the section lists activities in bullets or table rows, which its undated clauses
  // mostly describe ("Los aportes de los aliados incluyen …"), as in DatedClausesBeside.
  void GroupedParagraphs(size_t h, size_t begin, size_t end, const std::vector<Candidate>& pieces,
                         bool listed) {
    // Under a heading that is only a date (a chronology's month), each paragraph is one
    // entry; elsewhere each activity its clauses report, or a paragraph that opens with an
    // activity's date ("El 11 de noviembre se firmó …").
    // A chronology's month heading is a month's name alone ("ABRIL", "Marzo"); a heading
    // that is a day's date ("11 al 18 de agosto") is the date of what precedes it, set
    // apart by a PDF's fonts, and its paragraphs count only when they open with a date.
    bool date_heading = h != SIZE_MAX && p_.HasDate(h) && !HasOwnDate(h);
    std::string_view heading_text = h != SIZE_MAX ? p_.segment(h).text : std::string_view();
    bool chronology = date_heading && std::none_of(heading_text.begin(), heading_text.end(),
                                                   [](char c) { return c >= '0' && c <= '9'; });
    for (size_t i = begin; i < end; ++i) {
      if (p_.segment(i).kind != SegmentKind::kParagraph) continue;
      if (std::any_of(pieces.begin(), pieces.end(),
                      [&](const Candidate& c) { return c.first == i; })) {
        continue;  // its date-led lines are records already
      }
      std::vector<Candidate> clauses = ClausesOf(i, 0.7);
      if (!act_ && !date_heading && AgendaItemTitleEnd(p_.segment(i).text) > 0) {
        if (ItemReportsActivity(i, clauses)) Emit(RecordForm::kParagraph, i, i, 0.7);
        continue;
      }
      bool opens = OpensWithDate(i) && NamesActivity(p_.segment(i).text.substr(0, 300));
      if (chronology && (opens || !clauses.empty())) {
        ChronologyEntries(h, i, clauses);
        continue;
      }
      if (listed) std::erase_if(clauses, [](const Candidate& c) { return c.structure < 0.7; });
      if (clauses.size() >= 2 && !date_heading) {
        out_.insert(out_.end(), clauses.begin(), clauses.end());
      } else if (opens) {
        Emit(RecordForm::kParagraph, i, i, 0.5);
      } else if (!date_heading) {
        out_.insert(out_.end(), clauses.begin(), clauses.end());
      }
    }
  }

  // An item of minutes (agenda_item.h) reports an activity when its title names one, not as
  // a plan ("Autorización para suscribir …"), or its text reports or dates one.
  bool ItemReportsActivity(size_t i, const std::vector<Candidate>& clauses) const {
    std::string_view text = p_.segment(i).text;
    std::string_view title = text.substr(0, AgendaItemTitleEnd(text));
    if (Planned(title)) return false;
    return NamesActivity(title) || !clauses.empty() || (p_.HasDate(i) && NamesActivity(text));
  }

  // Paragraph `i`, an entry of a chronology under the month heading `h`: one record, or one
  // per sentence that opens with its own date and reports an activity ("El 14 de septiembre
  // el BID aprobó …. En octubre del mismo año la ciudad se sumó a …"), as a chronology
  // packs its entries. A sentence without a date of its own tells more of the entry before.
  void ChronologyEntries(size_t h, size_t i, const std::vector<Candidate>& clauses) {
    std::vector<size_t> sentences = SentenceStarts(p_.segment(i).text), dates = ActivityDates(i);
    std::vector<size_t> starts = {0};
    std::vector<std::string> kinds = {clauses.empty() ? "" : clauses.front().verb_kind};
    for (const Candidate& c : clauses) {
      size_t at = c.byte_begin;
      bool dated = std::any_of(dates.begin(), dates.end(),
                               [&](size_t d) { return d >= at && d <= at + 24; });
      if (dated && at > starts.back() &&
          std::binary_search(sentences.begin(), sentences.end(), at)) {
        starts.push_back(at);
        kinds.push_back(c.verb_kind);
      }
    }
    std::vector<Piece> pieces = CutAt(p_.segment(i).text, starts);
    for (size_t k = 0; k < pieces.size(); ++k) {
      Emit(RecordForm::kParagraph, i, i, 0.7);
      out_.back().date_heading = h;
      out_.back().verb_kind = kinds[k];
      if (pieces.size() == 1) break;  // the whole paragraph
      out_.back().byte_begin = pieces[k].begin;
      out_.back().byte_end = pieces[k].end;
    }
  }

  // The paragraph opens with an activity's date; a dateline's formula ("Santiago de Cali, a
  // los 12 días de diciembre de 2024, recibido …": the date a document was signed or
  // received) dates no activity.
  bool OpensWithDate(size_t i) const {
    std::string_view text = p_.segment(i).text;
    for (const PlacedMention* m : p_.mentions(i)) {
      size_t at = p_.OffsetIn(i, *m);
      bool dateline = at >= 6 && text.substr(at - 6, 6) == "a los ";
      if (Passages::IsActivityDate(*m) && at <= 24 && !dateline) return true;
    }
    return false;
  }

  const Passages& p_;
  const RecordRules& rules_;
  std::string title_;
  std::vector<bool> furniture_;  // running headers and footers (RunningLines)
  bool act_ = false;             // the document is a legal act (OpensWithLegalAct)
  TableKinds tables_;
  std::vector<Candidate> out_;
};

}  // namespace

std::vector<Candidate> FindCandidates(const Passages& passages, const RecordRules& rules) {
  return Segmenter(passages, rules).Run();
}

}  // namespace acervo
