// es-ods: Sustainable Development Goals in Spanish reports (mention type "ods").
//
// Run::Extract finds explicit references in each segment (GoalReferences), knowing where the
// segment stands: its headings, its table's caption and header, and whether it follows a list
// introduction that speaks of the goals. Infer maps a record with no explicit goal to at most
// two goals by its theme (GoalLexicon).
//
// Params (all optional):
//   lexicon:        path of a lexicon file that replaces the bundled data/lexicon.tsv
//   extra_lexicon:  path (or list of paths) of lexicon files added to it
//   min_score, second_ratio, max_inferred (at most 2): the inference policy
#include <algorithm>
#include <memory>
#include <optional>
#include <utility>

#include "acervo/plugin.h"
#include "goal_lexicon.h"
#include "goal_references.h"
#include "phrases.h"

namespace acervo::ods {
namespace {

constexpr int kMaxInferred = 2;

nlohmann::json GoalValue(int goal, bool explicit_goal) {
  return {{"goal", goal}, {"explicit", explicit_goal}};
}

class OdsRun : public Run {
 public:
  explicit OdsRun(const GoalReferences& refs) : refs_(refs) {}

  Status Extract(const Segment& segment, std::vector<Mention>* out) override {
    bool context = InGoalContext(segment);
    if (segment.kind == SegmentKind::kTableRow) {
      ExtractRow(segment, context, out);
    } else {
      Placement placement =
          segment.kind == SegmentKind::kParagraph ? Placement::kProse : Placement::kStandalone;
      Emit(refs_.Find(segment.text, placement, context), out);
    }
    if (segment.kind != SegmentKind::kBullet && segment.kind != SegmentKind::kTableRow) {
      list_intro_ = IntroducesGoals(segment.text);
    }
    return Status::Ok();
  }

 private:
  bool AnyCue(std::span<const std::string_view> texts) const {
    return std::any_of(texts.begin(), texts.end(),
                       [&](std::string_view t) { return refs_.HasGoalCue(t); });
  }

  bool InGoalContext(const Segment& segment) const {
    if (AnyCue(segment.headings)) return true;
    if (segment.kind == SegmentKind::kTableRow &&
        (AnyCue(segment.table_caption) || AnyCue(segment.table_header))) {
      return true;
    }
    return list_intro_ &&
           (segment.kind == SegmentKind::kBullet || segment.kind == SegmentKind::kTableRow);
  }

  // "Contribuye a los siguientes ODS:" announces bullets or rows that name goals.
  bool IntroducesGoals(std::string_view text) const {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
    return !text.empty() && text.back() == ':' && refs_.HasGoalCue(text);
  }

  // The whole row first ("13\tAcción por el clima": a number and its goal's name in
  // neighbouring cells), then each cell, under its header when the header names the goals.
  void ExtractRow(const Segment& segment, bool context, std::vector<Mention>* out) const {
    std::vector<GoalReference> found = refs_.Find(segment.text, Placement::kStandalone, context);
    size_t begin = 0;
    for (size_t column = 0; begin <= segment.text.size(); ++column) {
      size_t tab = segment.text.find('\t', begin);
      size_t end = tab == std::string_view::npos ? segment.text.size() : tab;
      bool goal_column = !segment.is_header_row && column < segment.table_header.size() &&
                         refs_.HasGoalCue(segment.table_header[column]);
      for (GoalReference r : refs_.Find(segment.text.substr(begin, end - begin),
                                        goal_column ? Placement::kGoalCell
                                                    : Placement::kStandalone,
                                        context)) {
        r.begin += begin;
        r.end += begin;
        bool overlaps = std::any_of(found.begin(), found.end(), [&](const GoalReference& f) {
          return r.begin < f.end && r.end > f.begin;
        });
        if (!overlaps) found.push_back(r);
      }
      if (tab == std::string_view::npos) break;
      begin = tab + 1;
    }
    std::sort(found.begin(), found.end(), [](const GoalReference& a, const GoalReference& b) {
      return a.begin < b.begin;
    });
    Emit(found, out);
  }

  static void Emit(const std::vector<GoalReference>& refs, std::vector<Mention>* out) {
    for (const GoalReference& r : refs) {
      out->push_back({"ods", r.begin, r.end, GoalValue(r.goal, true), r.confidence});
    }
  }

  const GoalReferences& refs_;
  bool list_intro_ = false;  // the last non-list segment announced a list of goals
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
    return {"es-ods", "1.0.0",
            "Sustainable Development Goals (ODS) in Spanish text: explicit and inferred",
            {{"ods", "ods", {"goal"}, {"goal"}}}};
  }

  Status Configure(const PluginConfig& config) override {
    auto refs = GoalReferences::Load(config.data_dir);
    if (!refs.ok()) return refs.status().Prefixed("es-ods");
    refs_ = std::move(*refs);

    const nlohmann::json& params = config.params.is_object() ? config.params : kNoParams;
    std::filesystem::path lexicon = config.data_dir / "lexicon.tsv";
    if (params.contains("lexicon")) {
      if (!params["lexicon"].is_string()) return InvalidArgument("es-ods: lexicon: a path");
      lexicon = params["lexicon"].get<std::string>();
    }
    lexicon_ = GoalLexicon();
    ACERVO_RETURN_IF_ERROR(lexicon_.AddFile(lexicon).Prefixed("es-ods"));
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
    TextRegions regions;
    size_t title = record.title.empty() ? std::string_view::npos : record.text.find(record.title);
    if (title != std::string_view::npos) {
      regions.title_begin = title;
      regions.title_end = title + record.title.size();
    }
    regions.names = OrganisationNames(record);
    for (const GoalEvidence& g : lexicon_.Infer(record.text, regions, options_)) {
      out->push_back({"ods", g.begin, g.end, GoalValue(g.goal, false), g.confidence});
    }
    return Status::Ok();
  }

 private:
  // Where the record's institutions are named in its text, by their name or acronym.
  static std::vector<std::pair<size_t, size_t>> OrganisationNames(const RecordView& record) {
    PhraseMatcher names(PhraseOptions());
    for (const Mention& m : record.mentions) {
      if (m.type != "institution" || !m.value.is_object()) continue;
      for (const char* key : {"name", "acronym"}) {
        if (m.value.contains(key) && m.value[key].is_string()) {
          names.Add(NormalizePhrase(m.value[key].get<std::string>()), 0);
        }
      }
    }
    std::vector<std::pair<size_t, size_t>> out;
    if (names.size() == 0) return out;
    names.Build();
    MatchText text(record.text);
    for (const PhraseMatcher::Match& p : names.FindAll(text.text())) {
      out.emplace_back(text.ToOriginal(p.begin), text.ToOriginal(p.end));
    }
    return out;
  }

  static Status ReadNumber(const nlohmann::json& params, const char* key, double* out) {
    if (!params.contains(key)) return Status::Ok();
    if (!params[key].is_number()) return InvalidArgument(std::string("es-ods: ") + key + ": a number");
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
