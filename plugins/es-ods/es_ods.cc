// es-ods: Sustainable Development Goals in Spanish reports (mention type "ods").
//
// Run::Extract finds explicit references in each segment (GoalReferences), knowing where the
// segment stands: its headings, its table's caption and header, whether it follows a list
// introduction that speaks of the goals, and whether the headings before it list the goals.
// Table rows are read cell by cell (also a Markdown table that arrives as one paragraph).
// Infer maps a record with no explicit goal to at most two goals by its theme (GoalLexicon,
// loaded from the UN-generated data/un_themes.tsv and the curated data/lexicon.tsv).
// A Run belongs to one document and one thread; the extractor is immutable after Configure
// and Infer may be called from several threads.
//
// Params (all optional):
//   lexicon:        path of a lexicon file that replaces the bundled ones (data/un_themes.tsv,
//                   generated from the UN's wording of the goals, and data/lexicon.tsv)
//   extra_lexicon:  path (or list of paths) of lexicon files added to it
//   min_score, second_ratio, max_inferred (at most 2): the inference policy
#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "acervo/message_mark.h"
#include "acervo/plugin.h"
#include "acervo/word.h"
#include "goal_lexicon.h"
#include "goal_references.h"
#include "phrases.h"

namespace acervo::ods {
namespace {

constexpr int kMaxInferred = 2;

nlohmann::json GoalValue(int goal, bool explicit_goal) {
  // Key by key: an initializer list builds and copies a temporary json for each pair.
  nlohmann::json value = nlohmann::json::object();
  value["goal"] = goal;
  value["explicit"] = explicit_goal;
  return value;
}

class OdsRun : public Run {
 public:
  explicit OdsRun(const GoalReferences& refs) : refs_(refs) {}

  Status Extract(const Segment& segment, std::vector<Mention>* out) override {
    bool context = InGoalContext(segment);
    if (segment.kind == SegmentKind::kTableRow) {
      ExtractRow(segment, context, out);
    } else if (segment.kind == SegmentKind::kParagraph && ExtractMarkdownTable(segment, out)) {
      // a Markdown table that reached us as one paragraph: read row by row
    } else {
      Placement placement = segment.kind == SegmentKind::kParagraph ? Placement::kProse
                            : segment.kind == SegmentKind::kHeading ? Placement::kHeading
                                                                    : Placement::kStandalone;
      std::vector<GoalReference> found = refs_.Find(segment.text, placement, context);
      if (segment.kind == SegmentKind::kHeading) KeepListedHeadings(segment, &found);
      Emit(found, out);
    }
    if (segment.kind != SegmentKind::kBullet && segment.kind != SegmentKind::kTableRow) {
      list_intro_ = IntroducesGoals(segment.text);
    }
    return Status::Ok();
  }

 private:
  // HasGoalCue of a heading, caption line or header cell, remembered: every segment under a
  // heading asks about it again.
  bool Cue(std::string_view text) {
    auto it = cues_.find(text);
    if (it != cues_.end()) return it->second;
    bool cue = refs_.HasGoalCue(text);
    cues_.emplace(std::string(text), cue);
    return cue;
  }

  // The last list of texts (headings, caption lines) RememberedCue was asked about, the Cue of
  // each up to the first that is one, and whether one is.
  struct LastCue {
    std::vector<std::string> texts;
    std::vector<bool> cues;
    bool cue = false;
  };

  // Whether some text of the list is a Cue, remembered for the last list asked about: the
  // segments under one heading, or the
  // rows of one table, come one after another, and comparing the texts costs less than
  // looking each up in cues_. A list that changes keeps the Cue of the texts it starts with
  // (a new heading below the same parents): only the texts after them are looked up.
  bool RememberedCue(std::span<const std::string_view> texts, LastCue* last) {
    if (std::equal(texts.begin(), texts.end(), last->texts.begin(), last->texts.end())) {
      return last->cue;
    }
    size_t same = 0;
    while (same < texts.size() && same < last->cues.size() && last->texts[same] == texts[same]) {
      ++same;
    }
    last->texts.assign(texts.begin(), texts.end());
    last->cues.resize(same);
    last->cue = std::find(last->cues.begin(), last->cues.end(), true) != last->cues.end();
    for (size_t k = same; k < texts.size() && !last->cue; ++k) {
      last->cues.push_back(Cue(texts[k]));
      last->cue = last->cues.back();
    }
    return last->cue;
  }

  // Cue() of each cell of a table header, remembered for the last header asked about.
  const std::vector<bool>& HeaderCues(std::span<const std::string_view> header) {
    if (!std::equal(header.begin(), header.end(), last_header_.begin(), last_header_.end())) {
      last_header_.assign(header.begin(), header.end());
      header_cues_.clear();
      for (std::string_view cell : header) header_cues_.push_back(Cue(cell));
    }
    return header_cues_;
  }

  bool InGoalContext(const Segment& segment) {
    if (RememberedCue(segment.headings, &headings_cue_)) return true;
    if (segment.kind == SegmentKind::kTableRow &&
        (RememberedCue(segment.table_caption, &caption_cue_) ||
         std::ranges::any_of(HeaderCues(segment.table_header), [](bool cue) { return cue; }))) {
      return true;
    }
    return list_intro_ &&
           (segment.kind == SegmentKind::kBullet || segment.kind == SegmentKind::kTableRow);
  }

  // A bare goal name filling a heading is a goal in a list of the goals: the first goal, or
  // a heading whose previous sibling (same level, same parents) named a goal too.
  void KeepListedHeadings(const Segment& segment, std::vector<GoalReference>* found) {
    std::string parents;
    for (std::string_view h : segment.headings) parents.append(h).push_back('\n');
    bool named = found->size() == 1;
    bool listed =
        named && (found->front().goal == 1 || (goal_heading_ && *goal_heading_ == parents));
    std::erase_if(*found, [&](const GoalReference& r) { return r.needs_goal_siblings && !listed; });
    if (named) {
      goal_heading_ = parents;
    } else if (goal_heading_ && segment.headings.size() <=
                                    static_cast<size_t>(std::count(goal_heading_->begin(),
                                                                   goal_heading_->end(), '\n'))) {
      goal_heading_.reset();  // a sibling or parent that names no goal ends the list
    }
  }

  // "Contribuye a los siguientes ODS:" announces bullets or rows that name goals.
  bool IntroducesGoals(std::string_view text) const {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
    return !text.empty() && text.back() == ':' && refs_.HasGoalCue(text);
  }

  // A paragraph whose lines are all Markdown table rows ("| ODS | Monto |", "|---|---|", ...)
  // is a table: its first line is the header, and each later line a row under it. False
  // (nothing done) when the paragraph is not such a table.
  bool ExtractMarkdownTable(const Segment& segment, std::vector<Mention>* out) {
    std::vector<std::pair<size_t, size_t>> lines;
    for (size_t begin = 0; begin < segment.text.size();) {
      size_t end = std::min(segment.text.find('\n', begin), segment.text.size());
      std::string_view line = segment.text.substr(begin, end - begin);
      if (line.find_first_not_of(' ') == std::string_view::npos) return false;
      if (line[line.find_first_not_of(' ')] != '|') return false;
      lines.emplace_back(begin, end);
      begin = end + 1;
    }
    if (lines.size() < 2) return false;
    std::vector<std::string_view> header;
    for (auto [b, e] :
         Cells(segment.text.substr(lines[0].first, lines[0].second - lines[0].first))) {
      header.push_back(segment.text.substr(lines[0].first + b, e - b));
    }
    for (size_t i = 1; i < lines.size(); ++i) {
      Segment row = segment;
      row.kind = SegmentKind::kTableRow;
      row.text = segment.text.substr(lines[i].first, lines[i].second - lines[i].first);
      if (row.text.find_first_not_of("|-: ") == std::string_view::npos) continue;  // |---|
      row.table_header = header;
      size_t before = out->size();
      ExtractRow(row, InGoalContext(row), out);
      for (size_t k = before; k < out->size(); ++k) {
        (*out)[k].begin += lines[i].first;
        (*out)[k].end += lines[i].first;
      }
    }
    return true;
  }

  // The cells of a row: separated by tabs, or by '|' where the text keeps a Markdown row
  // ("| Fin de la pobreza | $ 0,00 |"; the edge pipes open no cell).
  static std::vector<std::pair<size_t, size_t>> Cells(std::string_view row) {
    std::vector<std::pair<size_t, size_t>> cells;
    size_t begin = 0;
    for (size_t i = 0; i <= row.size(); ++i) {
      if (i < row.size() && row[i] != '\t' && row[i] != '|') continue;
      cells.emplace_back(begin, i);
      begin = i + 1;
    }
    auto blank = [&](const std::pair<size_t, size_t>& c) {
      return row.substr(c.first, c.second - c.first).find_first_not_of(' ') ==
             std::string_view::npos;
    };
    if (cells.size() > 1 && blank(cells.back())) cells.pop_back();
    if (cells.size() > 1 && blank(cells.front())) cells.erase(cells.begin());
    return cells;
  }

  // The whole row first ("13\tAcción por el clima": a number and its goal's name in
  // neighbouring cells), then each cell, under its header when the header names the goals.
  void ExtractRow(const Segment& segment, bool context, std::vector<Mention>* out) {
    bool any_phrase = false;
    std::vector<GoalReference> found =
        refs_.Find(segment.text, Placement::kStandalone, context, &any_phrase);
    std::vector<std::pair<size_t, size_t>> cells = Cells(segment.text);
    const std::vector<bool>& header_cues = HeaderCues(segment.table_header);
    for (size_t column = 0; column < cells.size(); ++column) {
      auto [begin, end] = cells[column];
      bool goal_column =
          !segment.is_header_row && column < header_cues.size() && header_cues[column];
      if (!any_phrase && !goal_column) continue;  // a cell holds what its row holds
      for (GoalReference r :
           refs_.Find(segment.text.substr(begin, end - begin),
                      goal_column ? Placement::kGoalCell : Placement::kCell, context)) {
        r.begin += begin;
        r.end += begin;
        bool overlaps = std::any_of(found.begin(), found.end(), [&](const GoalReference& f) {
          return r.begin < f.end && r.end > f.begin;
        });
        if (!overlaps) found.push_back(r);
      }
    }
    std::sort(found.begin(), found.end(),
              [](const GoalReference& a, const GoalReference& b) { return a.begin < b.begin; });
    Emit(found, out);
  }

  static void Emit(const std::vector<GoalReference>& refs, std::vector<Mention>* out) {
    for (const GoalReference& r : refs) {
      out->push_back({"ods", r.begin, r.end, GoalValue(r.goal, true), r.confidence});
    }
  }

  const GoalReferences& refs_;
  std::map<std::string, bool, std::less<>> cues_;  // Cue() of each text asked about
  bool list_intro_ = false;               // the last non-list segment announced a list of goals
  LastCue headings_cue_, caption_cue_;    // RememberedCue's
  std::vector<std::string> last_header_;  // the header HeaderCues was last asked about
  std::vector<bool> header_cues_;         // and the cue of each of its cells
  // The parents of the last heading that named a goal, while its list goes on.
  std::optional<std::string> goal_heading_;
};

// What Begin returns when Configure has not succeeded: every segment is an error.
class UnconfiguredRun : public Run {
 public:
  Status Extract(const Segment&, std::vector<Mention>*) override {
    return Internal("es-ods: used before a successful Configure");
  }
};

class OdsExtractor : public Extractor {
 public:
  PluginInfo Info() const override {
    return {"es-ods",
            "1.0.0",
            N_("Sustainable Development Goals (ODS) in Spanish text: explicit and inferred"),
            {{"ods", "ods", {"goal"}, {"goal"}}}};
  }

  Status Configure(const PluginConfig& config) override {
    auto refs = GoalReferences::Load(config.data_dir);
    if (!refs.ok()) return refs.status().Prefixed("es-ods");
    refs_ = std::move(*refs);

    const nlohmann::json& params = config.params.is_object() ? config.params : kNoParams;
    // The UN's wording first, so that the curated lexicon re-weights a term both hold.
    std::vector<std::filesystem::path> lexicons = {config.data_dir / "un_themes.tsv",
                                                   config.data_dir / "lexicon.tsv"};
    if (params.contains("lexicon")) {
      if (!params["lexicon"].is_string()) return InvalidArgument("es-ods: lexicon: a path");
      lexicons = {params["lexicon"].get<std::string>()};
    }
    lexicon_ = GoalLexicon();
    for (const std::filesystem::path& lexicon : lexicons) {
      ACERVO_RETURN_IF_ERROR(lexicon_.AddFile(lexicon).Prefixed("es-ods"));
    }
    if (params.contains("extra_lexicon")) {
      nlohmann::json extra = params["extra_lexicon"];
      if (extra.is_string()) extra = nlohmann::json::array({extra});
      if (!extra.is_array()) return InvalidArgument("es-ods: extra_lexicon: a path or paths");
      for (const nlohmann::json& path : extra) {
        if (!path.is_string()) return InvalidArgument("es-ods: extra_lexicon: a path or paths");
        ACERVO_RETURN_IF_ERROR(lexicon_.AddFile(path.get<std::string>()).Prefixed("es-ods"));
      }
    }
    ACERVO_RETURN_IF_ERROR(ReadNumber(params, "min_score", &options_.min_score));
    ACERVO_RETURN_IF_ERROR(ReadNumber(params, "second_ratio", &options_.second_ratio));
    double max_inferred = kMaxInferred;
    ACERVO_RETURN_IF_ERROR(ReadNumber(params, "max_inferred", &max_inferred));
    if (max_inferred < 0 || max_inferred > kMaxInferred) {
      return InvalidArgument("es-ods: max_inferred: 0, 1 or 2");
    }
    options_.max_goals = static_cast<int>(max_inferred);
    return Status::Ok();
  }

  std::unique_ptr<Run> Begin(const DocumentContext&) const override {
    if (!refs_) return std::make_unique<UnconfiguredRun>();
    return std::make_unique<OdsRun>(*refs_);
  }

  Status Infer(const DocumentContext&, const RecordView& record,
               std::vector<Mention>* out) const override {
    for (const Mention& m : record.mentions) {  // explicit goals say it all
      if (m.type == "ods" && m.value.is_object() && m.value.value("explicit", false)) {
        return Status::Ok();
      }
    }
    MatchText text(record.text);
    // No term, no goal: then where the title and the names stand does not matter.
    std::vector<PhraseMatcher::Match> terms = lexicon_.Terms(text);
    if (terms.empty()) return Status::Ok();
    TextRegions regions;
    size_t title = record.title.empty() ? std::string_view::npos : record.text.find(record.title);
    if (title != std::string_view::npos) {
      regions.title_begin = title;
      regions.title_end = title + record.title.size();
    }
    regions.names = OrganisationNames(record, text, terms);
    for (const GoalEvidence& g : lexicon_.Infer(text, terms, regions, options_)) {
      out->push_back({"ods", g.begin, g.end, GoalValue(g.goal, false), g.confidence});
    }
    return Status::Ok();
  }

 private:
  // Where the record's institutions are named in its text (`text`, the record's text
  // prepared for matching), by their name or acronym, as far as `terms` (the lexicon's terms
  // in it) care: a name's place only weighs a term inside it (GoalLexicon::Score). Such a
  // term is a piece of the name as normalized (the text is matched byte for byte, and
  // MatchText maps code points to code points in order), so a name is only looked for
  // around the terms it holds, and most records look for none.
  static std::vector<std::pair<size_t, size_t>> OrganisationNames(
      const RecordView& record, const MatchText& text,
      const std::vector<PhraseMatcher::Match>& terms) {
    // Each name once: a record names the same institution again and again, and only the
    // spans where some name stands matter. Sorted vectors, not sets: a record holds a few.
    std::vector<std::string_view> written;  // as the mentions write them: normalized once each
    for (const Mention& m : record.mentions) {
      if (m.type != "institution" || !m.value.is_object()) continue;
      for (const char* key : {"name", "acronym"}) {
        auto it = m.value.find(key);
        if (it != m.value.end() && it->is_string()) {
          written.push_back(it->get_ref<const std::string&>());
        }
      }
    }
    std::vector<std::pair<size_t, size_t>> out;
    if (written.empty()) return out;
    std::sort(written.begin(), written.end());
    written.erase(std::unique(written.begin(), written.end()), written.end());
    // Each term's pairs of neighbouring bytes, hashed to a bit each: a name lacking one of
    // the bits cannot hold the term, and most names hold none of a record's terms.
    std::vector<uint64_t> pairs(terms.size());
    for (size_t k = 0; k < terms.size(); ++k) {
      pairs[k] = BytePairs(
          std::string_view(text.text()).substr(terms[k].begin, terms[k].end - terms[k].begin));
    }
    std::vector<std::string> stems;  // a stem ("foo*") runs on past its words: searched whole
    for (std::string_view name : written) {
      std::string normalized = NormalizePhrase(name);
      if (normalized.ends_with('*')) {
        stems.push_back(std::move(normalized));
      } else {
        NameAroundTerms(normalized, text, terms, pairs, &out);
      }
    }
    if (stems.empty()) return out;
    std::sort(stems.begin(), stems.end());
    stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
    for (const PhraseMatcher::Match& p :
         PhraseMatcher::FindEach(PhraseOptions(), stems, text.text())) {
      out.emplace_back(text.ToOriginal(p.begin), text.ToOriginal(p.end));
    }
    return out;
  }

  // A bit for each pair of neighbouring bytes of `s` (by a hash, so two pairs may share one).
  static uint64_t BytePairs(std::string_view s) {
    uint64_t bits = 0;
    for (size_t i = 0; i + 1 < s.size(); ++i) {
      bits |= uint64_t{1} << ((static_cast<unsigned char>(s[i]) * 31u +
                               static_cast<unsigned char>(s[i + 1])) &
                              63u);
    }
    return bits;
  }

  // Appends where `name` (normalized, no stem) stands around one of `terms` in `text`: the
  // term is a piece of the name, so the name can only start where the term's place in it
  // says. Its edges as PhraseMatcher draws them under PhraseOptions(): an edge of the name
  // that is a word character may not touch another. A name found around two terms comes
  // twice (no matter: only whether a term lies inside some name counts).
  // `pairs`: BytePairs of each term.
  static void NameAroundTerms(std::string_view name, const MatchText& text,
                              const std::vector<PhraseMatcher::Match>& terms,
                              const std::vector<uint64_t>& pairs,
                              std::vector<std::pair<size_t, size_t>>* out) {
    std::string_view t = text.text();
    const uint64_t name_pairs = BytePairs(name);
    const bool word_first = IsWordAt(name, 0), word_last = IsWordBefore(name, name.size());
    for (size_t n = 0; n < terms.size(); ++n) {
      if ((pairs[n] & ~name_pairs) != 0) continue;  // a pair of the term not in the name
      const PhraseMatcher::Match& term = terms[n];
      std::string_view piece = t.substr(term.begin, term.end - term.begin);
      for (size_t k = name.find(piece); k != std::string_view::npos && k <= term.begin;
           k = name.find(piece, k + 1)) {
        size_t begin = term.begin - k, end = begin + name.size();
        if (end > t.size() || t.compare(begin, name.size(), name) != 0) continue;
        if ((word_first && IsWordBefore(t, begin)) || (word_last && IsWordAt(t, end))) continue;
        out->emplace_back(text.ToOriginal(begin), text.ToOriginal(end));
      }
    }
  }

  static Status ReadNumber(const nlohmann::json& params, const char* key, double* out) {
    if (!params.contains(key)) return Status::Ok();
    if (!params[key].is_number())
      return InvalidArgument(std::string("es-ods: ") + key + ": a number");
    *out = params[key].get<double>();
    return Status::Ok();
  }

  static inline const nlohmann::json kNoParams = nlohmann::json::object();
  std::optional<GoalReferences> refs_;
  GoalLexicon lexicon_;
  InferOptions options_;
};

}  // namespace
}  // namespace acervo::ods

ACERVO_PLUGIN(acervo::ods::OdsExtractor);
