#include "records/assembler.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <span>
#include <tuple>

#include "acervo/text.h"
#include "records/passage.h"
#include "records/reconcile.h"
#include "records/rules.h"
#include "records/segmenter.h"

namespace acervo {
namespace {

constexpr size_t kAnchorBytes = 80;
constexpr size_t kTitleBytes = 160;
// Weight of the structural evidence of a record that carries no date and no amount.
constexpr double kUndatedEvidence = 0.75;

// `text` cut to at most `n` bytes at a code point boundary, then back to a word end.
std::string_view Clip(std::string_view text, size_t n) {
  if (text.size() <= n) return text;
  size_t end = LeadOf(text, n).size();
  size_t space = text.rfind(' ', end);
  if (space != std::string_view::npos && space > n / 2) end = space;
  std::string_view out = text.substr(0, end);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.remove_suffix(1);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// ISO dates of any precision as the first and last day they may mean.
std::string FirstDay(const std::string& iso) {
  if (iso.size() < 4) return iso;
  return iso.size() >= 10 ? iso.substr(0, 10) : iso + std::string("-01-01").substr(iso.size() - 4);
}
std::string LastDay(const std::string& iso) {
  if (iso.size() < 4) return iso;
  return iso.size() >= 10 ? iso.substr(0, 10) : iso + std::string("-12-31").substr(iso.size() - 4);
}

// True when `date` lies inside one of `ranges`.
bool Within(const RecordDate& date, const std::vector<RecordDate>& ranges) {
  for (const RecordDate& r : ranges) {
    if (FirstDay(date.start) >= FirstDay(r.start) && LastDay(date.end) <= LastDay(r.end)) {
      return true;
    }
  }
  return false;
}

// Appends `value` to `list` unless an equal element is there already.
template <typename T>
void AppendUnique(std::vector<T>* list, T value) {
  if (std::find(list->begin(), list->end(), value) == list->end()) {
    list->push_back(std::move(value));
  }
}

// The string at `key` of a mention's value, or nullopt (absent, null or not text).
std::optional<std::string> StringAt(const nlohmann::json& value, const char* key) {
  if (!value.is_object()) return std::nullopt;
  auto it = value.find(key);
  if (it == value.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

// A date mention's value as a record's date.
RecordDate DateOf(const nlohmann::json& value) {
  return {StringAt(value, "start").value_or(""), StringAt(value, "end").value_or("")};
}

// The goal of an ods mention's value, or 0 when it has none.
int GoalOf(const nlohmann::json& value) {
  if (!value.is_object() || !value.contains("goal") || !value["goal"].is_number_integer()) return 0;
  return value["goal"].get<int>();
}

const char* FormName(RecordForm form) {
  switch (form) {
    case RecordForm::kSection:
      return "section";
    case RecordForm::kBullet:
      return "bullet";
    case RecordForm::kTableRow:
      return "table_row";
    case RecordForm::kParagraph:
      return "paragraph";
    case RecordForm::kClause:
      return "clause";
  }
  return "section";
}

class Assembler {
 public:
  // `lendable`: the mentions `p` was made of, whose values InferGoals lends.
  Assembler(const Passages& p, std::vector<PlacedMention>* lendable, const RecordRules& rules,
            const RecordInferrer& infer, const MentionTypes& types)
      : p_(p), lendable_(*lendable), rules_(rules), infer_(infer), types_(types) {
    const std::string& id = p.document().info.id;
    hash_ = id.substr(id.find(':') + 1).substr(0, 12);
  }

  Record Build(const Candidate& c) const {
    const SegmentEntry& first = p_.entry(c.first);
    std::string text;
    std::vector<size_t> starts;  // offset of each segment in `text`
    for (size_t i = c.first; i <= c.last; ++i) {
      if (!text.empty()) text += "\n";
      starts.push_back(text.size());
      text += i == c.first ? FirstText(c) : p_.segment(i).text;
    }
    std::string title(Title(c));

    Record r;
    char id[96];
    int n = std::snprintf(id, sizeof id, "r-%s-%03d-%04zu", hash_.c_str(), p_.page(c.first),
                          first.block_index);
    if (c.byte_begin > 0 && n > 0) {  // a piece of a paragraph: its offset in the block
      std::snprintf(id + n, sizeof id - n, "-%05zu", c.byte_begin);
    }
    r.id = id;
    r.kind = Kind(c, title, text);
    r.title = title;
    r.anchor = std::string(Anchor(c));
    r.page_start = p_.page(c.first);
    r.page_end = p_.page(c.last);
    r.form = FormName(c.form);

    std::vector<RecordDate>& dates = r.dates;
    std::vector<std::string> institution_keys;
    DeclaredValues declared(types_);  // the plugins' own types, as they declare them
    double confidence_sum = 0;
    int counted = 0;
    // The mentions in the record, with their offsets in `text`: a RecordView's, made only
    // when an extractor is asked to infer.
    std::vector<std::pair<const PlacedMention*, size_t>> placed;
    for (size_t i = c.first; i <= c.last; ++i) {
      for (const PlacedMention* m : p_.mentions(i)) {
        size_t offset = p_.OffsetIn(i, *m);
        if (i == c.first && (offset < c.byte_begin || offset >= c.byte_end)) continue;
        if (i == c.first) offset -= c.byte_begin;
        confidence_sum += m->confidence;
        ++counted;
        placed.emplace_back(m, starts[i - c.first] + offset);
        if (m->type == "date") {
          if (!Passages::IsActivityDate(*m)) continue;
          RecordDate d = DateOf(m->value);
          // A dated heading's dates are the record's; its body's only where they fall
          // inside them (the days of a "septiembre a noviembre" seminar), not a law's.
          if (c.dated_heading && i != c.first && !Within(d, dates)) continue;
          AppendUnique(&dates, std::move(d));
        } else if (m->type == "amount") {
          RecordAmount a{StringAt(m->value, "amount").value_or(""), StringAt(m->value, "currency"),
                         m->value.is_object() && m->value.value("approximate", false), Role(i, *m)};
          AppendUnique(&r.amounts, std::move(a));
        } else if (m->type == "institution") {
          // One entry per institution: by the extractor's id, else by the folded name.
          std::string name = m->value.value("name", m->text);
          std::string key = m->value.value("id", "");
          if (key.empty()) key = p_.Folded(name);
          if (std::find(institution_keys.begin(), institution_keys.end(), key) !=
              institution_keys.end()) {
            continue;
          }
          institution_keys.push_back(key);
          r.institutions.push_back({name, StringAt(m->value, "acronym"), std::nullopt});
        } else if (m->type == "ods") {
          AppendUnique(&r.ods, RecordGoal{GoalOf(m->value), true});
        } else {
          declared.Add(m->type, m->value);
        }
      }
    }
    if (dates.empty() && c.date_heading != SIZE_MAX) {
      for (const PlacedMention* m : p_.mentions(c.date_heading)) {
        if (!Passages::IsActivityDate(*m)) continue;
        AppendUnique(&dates, DateOf(m->value));
      }
    }
    if (r.ods.empty() && infer_) InferGoals(title, text, placed, &r);
    declared.WriteTo(&r);
    // Structure times the trust in what was found; a passage with no mentions at all is
    // treated as middling rather than certain.
    double mentions = counted ? confidence_sum / counted : 0.6;
    // Records with neither a date nor an amount were the wrong ones most often (on the
    // shared seeds, dev-extra and corpora/: 6 of 17 such sections and rows against 4 of 323
    // dated records), so they go to review.
    double structure = c.structure;
    if (dates.empty() && r.amounts.empty()) structure *= kUndatedEvidence;
    r.confidence = std::round(structure * (0.5 + 0.5 * mentions) * 100) / 100;
    r.status = r.confidence < rules_.review_threshold ? "needs_review" : "auto";
    r.text = std::move(text);
    return r;
  }

 private:
  // A record's mentions as Mentions at their offsets in its text, each holding the value of
  // its PlacedMention (an element of `owner`), moved in on construction and moved back on
  // destruction, an exception included. A mention placed twice (segments that overlap)
  // shows a copy the second time: its value is lent once.
  class LentValues {
   public:
    LentValues(std::vector<PlacedMention>& owner,
               const std::vector<std::pair<const PlacedMention*, size_t>>& placed) {
      mentions_.reserve(placed.size());
      from_.reserve(placed.size());
      PlacedMention* last = nullptr;  // mentions come in order: only a step back may repeat
      for (const auto& [m, at] : placed) {
        PlacedMention* lent = &owner[m - owner.data()];
        auto again =
            last && lent <= last ? std::find(from_.begin(), from_.end(), lent) : from_.end();
        nlohmann::json value =
            again == from_.end() ? std::move(lent->value) : mentions_[again - from_.begin()].value;
        from_.push_back(again == from_.end() ? lent : nullptr);
        mentions_.push_back(Mention{lent->type, at, at + (lent->byte_end - lent->byte_start),
                                    std::move(value), lent->confidence});
        if (!last || lent > last) last = lent;
      }
    }
    ~LentValues() {
      for (size_t k = 0; k < from_.size(); ++k) {
        if (from_[k]) from_[k]->value = std::move(mentions_[k].value);
      }
    }
    LentValues(const LentValues&) = delete;
    LentValues& operator=(const LentValues&) = delete;

    std::span<const Mention> mentions() const { return mentions_; }

   private:
    std::vector<PlacedMention*> from_;
    std::vector<Mention> mentions_;
  };

  // The goals the extractors infer for record `r`, whose text (`text`: r->text is set last)
  // they see with its mentions at their offsets in it. The mentions' values are lent to the
  // view, not copied (copying every record's json trees was most of this hand-off).
  void InferGoals(std::string_view title, std::string_view text,
                  const std::vector<std::pair<const PlacedMention*, size_t>>& placed,
                  Record* r) const {
    LentValues view(lendable_, placed);
    RecordView record{r->kind, title, text, view.mentions()};
    for (auto& [extractor, m] : infer_(record)) {
      int goal = m.type == "ods" ? GoalOf(m.value) : 0;
      if (goal != 0) AppendUnique(&r->ods, RecordGoal{goal, false});
    }
  }

  // The cell of a table row that names it: a column the lexicon calls `title`, else its
  // `institution` column (the ally of a cooperation row), else the first cell with words.
  std::string_view TitleCell(size_t i) const {
    std::vector<std::string_view> cells = CellsOf(p_.segment(i).text);
    int t = p_.table(i);
    if (t >= 0) {
      const std::vector<std::string>& header = p_.document().tables[t].header;
      for (const char* wanted : {"title", "institution"}) {
        for (size_t k = 0; k < cells.size() && k < header.size(); ++k) {
          const std::string* field = rules_.table_columns.Longest(p_.Folded(header[k]));
          if (field && *field == wanted && !cells[k].empty()) return cells[k];
        }
      }
    }
    for (std::string_view cell : cells) {
      bool letters = false;
      size_t pos = 0;
      while (pos < cell.size()) {
        char32_t cp = NextCodePoint(cell, &pos);
        if (IsWordCodePoint(cp) && !(cp >= '0' && cp <= '9')) letters = true;
      }
      if (letters && cell.size() > 3) return cell;
    }
    return cells.empty() ? std::string_view() : cells.front();
  }

  // The first segment's text, or the candidate's piece of it.
  std::string_view FirstText(const Candidate& c) const {
    std::string_view text = p_.segment(c.first).text;
    if (c.byte_end == SIZE_MAX) return text;
    return text.substr(c.byte_begin, c.byte_end - c.byte_begin);
  }

  std::string_view Title(const Candidate& c) const {
    std::string_view text = FirstText(c);
    switch (c.form) {
      case RecordForm::kSection: {
        // "Semana del Clima NYC, 24 de septiembre" -> "Semana del Clima NYC".
        for (const PlacedMention* m : p_.mentions(c.first)) {
          size_t at = p_.OffsetIn(c.first, *m);
          if (m->type == "date" && at > 0 && Trim(text.substr(at + m->text.size())).size() <= 1) {
            std::string_view head = Trim(text.substr(0, at));
            while (!head.empty() && (head.back() == ',' || head.back() == ' '))
              head.remove_suffix(1);
            if (head.size() >= 8) return Clip(head, kTitleBytes);
          }
        }
        return Clip(Trim(text), kTitleBytes);
      }
      case RecordForm::kTableRow:
        return Clip(TitleCell(c.first), kTitleBytes);
      case RecordForm::kBullet:
      case RecordForm::kParagraph:
      case RecordForm::kClause: {
        size_t stop = text.find(". ");
        return Clip(text.substr(0, stop == std::string_view::npos ? text.size() : stop),
                    kTitleBytes);
      }
    }
    return Clip(text, kTitleBytes);
  }

  std::string_view Anchor(const Candidate& c) const {
    if (c.form == RecordForm::kTableRow) return Clip(TitleCell(c.first), kAnchorBytes);
    return Clip(Trim(FirstText(c)), kAnchorBytes);
  }

  // The kind with the most lexicon hits: a title hit weighs 3 (the title's first one 5), a
  // hit in the text or in the context (table caption and header, the enclosing heading) 1.
  // Ties go to the kind whose first title hit comes first, then to the first in name order.
  std::string Kind(const Candidate& c, std::string_view title, std::string_view text) const {
    struct Votes {
      std::string_view kind;
      int score = 0;
      size_t first_title_hit = SIZE_MAX;
    };
    std::vector<Votes> votes;  // a few kinds: a vector searched beats a map
    auto vote = [&](std::string_view kind, int weight) -> Votes& {
      auto it =
          std::find_if(votes.begin(), votes.end(), [&](const Votes& v) { return v.kind == kind; });
      Votes& v = it != votes.end() ? *it : votes.emplace_back(Votes{kind});
      v.score += weight;
      return v;
    };
    auto count = [&](const std::vector<LexiconHit>& hits, int weight, size_t title_end = 0) {
      for (const LexiconHit& hit : hits) {
        if (hit.end > title_end && title_end > 0) continue;
        Votes& v = vote(*hit.label, weight);
        if (weight == 3) v.first_title_hit = std::min(v.first_title_hit, hit.begin);
      }
    };
    // The record's own title and text are searched once; the context (a table's caption and
    // header, the heading) comes back for every record under it, so its hits are remembered.
    // A title that opens the text (most do) has the text's hits that end inside it.
    const std::string folded_text = Fold(text.substr(0, 600));
    const std::vector<LexiconHit> text_hits = rules_.kinds.FindAll(folded_text);
    const std::string folded_title = Fold(title);
    if (!folded_title.empty() && folded_text.starts_with(folded_title)) {
      count(text_hits, 3, folded_title.size());
    } else {
      count(rules_.kinds.FindAll(folded_title), 3);
    }
    count(text_hits, 1);
    auto context = [&](std::string_view s) { count(p_.HitsIn(rules_.kinds, s), 1); };
    const Segment& s = p_.segment(c.first);
    if (c.form != RecordForm::kSection) {
      for (std::string_view cap : s.table_caption) context(cap);
      for (std::string_view h : s.table_header) context(h);
      if (!s.headings.empty()) context(s.headings.back());
    }
    if (!c.verb_kind.empty()) vote(c.verb_kind, 3);  // the words that report it
    // A Spanish title names its activity first ("Donación … para la campaña …").
    auto by_title_hit = [](const Votes& a, const Votes& b) {
      return std::tie(a.first_title_hit, a.kind) < std::tie(b.first_title_hit, b.kind);
    };
    auto head = std::min_element(votes.begin(), votes.end(), by_title_hit);
    if (head != votes.end() && head->first_title_hit != SIZE_MAX) head->score += 2;
    auto best = std::min_element(votes.begin(), votes.end(), [&](const Votes& a, const Votes& b) {
      return a.score != b.score ? a.score > b.score : by_title_hit(a, b);
    });
    return best != votes.end() ? std::string(best->kind) : "otro";
  }

  // aporte / contrapartida / total, or none.
  std::optional<std::string> Role(size_t i, const PlacedMention& m) const {
    static const std::vector<std::string> kRoles = {"aporte", "contrapartida", "total"};
    const Segment& s = p_.segment(i);
    size_t at = p_.OffsetIn(i, m);
    if (s.kind == SegmentKind::kTableRow) {
      int t = p_.table(i);
      if (t < 0) return std::nullopt;
      const std::vector<std::string>& header = p_.document().tables[t].header;
      size_t col = CellIndexAt(s.text, at);
      if (col >= header.size()) return std::nullopt;
      const std::string* role = rules_.table_columns.Longest(p_.Folded(header[col]), kRoles);
      if (!role) return std::nullopt;
      return *role;
    }
    // Running text: the nearest cue before the amount, in its sentence.
    size_t sentence = s.text.rfind(". ", at);
    sentence = sentence == std::string_view::npos ? 0 : sentence + 2;
    std::vector<LexiconHit> hits =
        rules_.amount_cues.FindAll(Fold(s.text.substr(sentence, at - sentence)));
    if (hits.empty()) return std::nullopt;
    const LexiconHit* nearest = &hits.front();
    for (const LexiconHit& h : hits) {
      if (h.end > nearest->end || (h.end == nearest->end && h.begin < nearest->begin)) {
        nearest = &h;
      }
    }
    return *nearest->label;
  }

  const Passages& p_;
  std::vector<PlacedMention>& lendable_;
  const RecordRules& rules_;
  const RecordInferrer& infer_;
  const MentionTypes& types_;
  std::string hash_;
};

}  // namespace

std::vector<Record> AssembleRecords(const Document& document, const SegmentList& segments,
                                    std::vector<PlacedMention>* mentions, const Pipeline& pipeline,
                                    const RecordInferrer& infer, const MentionTypes& types,
                                    std::vector<std::string>* warnings) {
  Result<std::shared_ptr<const RecordRules>> loaded = RulesFor(pipeline);
  static const RecordRules kNoRules;
  const RecordRules* rules = &kNoRules;
  if (loaded.ok()) {
    rules = loaded->get();
  } else {
    warnings->push_back(loaded.status().message());
  }
  Passages passages(document, segments, *mentions);
  ReconcileTotals(passages, *rules, warnings);
  Assembler assembler(passages, mentions, *rules, infer, types);
  std::vector<Record> records;
  for (const Candidate& c : FindCandidates(passages, *rules)) {
    records.push_back(assembler.Build(c));
  }
  return records;
}

}  // namespace acervo
