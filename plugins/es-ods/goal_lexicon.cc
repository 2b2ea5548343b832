#include "goal_lexicon.h"

#include <algorithm>
#include <array>

#include "acervo/tsv.h"
#include "goal_names.h"

namespace acervo::ods {

namespace {

// Score s maps to s / (s + kHalfConfidenceScore), capped: 2 -> 0.5, 6 -> 0.75.
constexpr double kHalfConfidenceScore = 2.0;
constexpr double kMaxConfidence = 0.9;
constexpr double kTitleFactor = 2;
constexpr double kNameFactor = 0.5;

bool Inside(size_t begin, size_t end, size_t region_begin, size_t region_end) {
  return region_end > region_begin && begin >= region_begin && end <= region_end;
}

}  // namespace

Status GoalLexicon::AddFile(const std::filesystem::path& path) {
  auto rows = ReadTsv(path);
  if (!rows.ok()) return rows.status();
  for (const TsvRow& row : *rows) {
    int goal = 0;
    double weight = 0;
    if (row.fields.size() != 3 || !ParseIntField(row.fields[1], 1, kGoalCount, &goal) ||
        !ParseDoubleField(row.fields[2], &weight) || !AddEntry(row.fields[0], goal, weight)) {
      terms_.Build();  // the entries before the bad line stay usable
      return Corrupt(path.string() + ":" + std::to_string(row.line) +
                     ": expected term, goal (1-17) and weight (> 0), tab-separated");
    }
  }
  terms_.Build();
  return Status::Ok();
}

bool GoalLexicon::Add(std::string_view term, int goal, double weight) {
  if (!AddEntry(term, goal, weight)) return false;
  terms_.Build();
  return true;
}

bool GoalLexicon::AddEntry(std::string_view term, int goal, double weight) {
  if (goal < 1 || goal > kGoalCount || !(weight > 0)) return false;
  std::string key = NormalizePhrase(term);
  if (key.empty() || key == "*") return false;
  // The same term under several goals ("calidad del aire" -> 11 and 13) is one phrase.
  auto it = std::find(term_keys_.begin(), term_keys_.end(), key);
  size_t id = it - term_keys_.begin();
  if (it == term_keys_.end()) {
    if (!terms_.Add(key, static_cast<int>(id))) return false;
    term_keys_.push_back(key);
    entries_by_term_.emplace_back();
  }
  // A later entry for the same term and goal replaces the earlier one (an extra lexicon can
  // re-weight a bundled term).
  std::vector<Entry>& entries = entries_by_term_[id];
  auto same =
      std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.goal == goal; });
  if (same != entries.end()) {
    same->weight = weight;
  } else {
    entries.push_back({goal, weight});
    ++entry_count_;
  }
  return true;
}

std::vector<GoalEvidence> GoalLexicon::Score(std::string_view text,
                                             const TextRegions& regions) const {
  return Score(MatchText(text), regions);
}

std::vector<PhraseMatcher::Match> GoalLexicon::Terms(const MatchText& m) const {
  // Longest terms first where they overlap: "violencia de género" hides "género". Two terms
  // on the same words ("clima", "clima*"): the one added later (a later file) decides.
  std::vector<PhraseMatcher::Match> kept;
  for (const PhraseMatcher::Match& p : terms_.FindAll(m.text())) {
    if (!kept.empty() && p.begin < kept.back().end) {
      PhraseMatcher::Match& last = kept.back();
      if (p.begin == last.begin && p.end == last.end && p.value > last.value) last = p;
      continue;
    }
    kept.push_back(p);
  }
  return kept;
}

std::vector<GoalEvidence> GoalLexicon::Score(const MatchText& m, const TextRegions& regions) const {
  return Score(m, Terms(m), regions);
}

std::vector<GoalEvidence> GoalLexicon::Score(const MatchText& m,
                                             const std::vector<PhraseMatcher::Match>& kept,
                                             const TextRegions& regions) const {
  struct TermHits {
    int count = 0;
    double factor = 0;          // the best place it was found: title 2, text 1, a name 0.5
    size_t begin = 0, end = 0;  // where it was found in that best place
  };
  // By term id, in the order of the ids (the goals' scores add up in it): a record's text
  // holds a few terms, so a vector searched from its end beats a map.
  std::vector<std::pair<int, TermHits>> hits;
  for (const PhraseMatcher::Match& p : kept) {
    size_t b = m.ToOriginal(p.begin), e = m.ToOriginal(p.end);
    double factor = 1;
    for (const auto& [nb, ne] : regions.names) {
      if (Inside(b, e, nb, ne)) factor = kNameFactor;
    }
    if (factor == 1 && Inside(b, e, regions.title_begin, regions.title_end)) factor = kTitleFactor;
    auto known = std::find_if(hits.rbegin(), hits.rend(), [&](const std::pair<int, TermHits>& h) {
      return h.first == p.value;
    });
    TermHits& h =
        known != hits.rend() ? known->second : hits.emplace_back(p.value, TermHits{}).second;
    if (factor > h.factor) h.factor = factor, h.begin = b, h.end = e;
    if (factor == 1 || factor == kTitleFactor) ++h.count;
  }
  std::sort(hits.begin(), hits.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::array<GoalEvidence, kGoalCount + 1> goals{};
  std::array<double, kGoalCount + 1> strongest{};
  for (const auto& [id, h] : hits) {
    for (const Entry& entry : entries_by_term_[id]) {
      double w = entry.weight * h.factor + (h.count > 1 ? entry.weight / 2 : 0);
      GoalEvidence& g = goals[entry.goal];
      g.goal = entry.goal;
      g.score += w;
      if (w > strongest[entry.goal]) {
        strongest[entry.goal] = w;
        g.begin = h.begin;
        g.end = h.end;
      }
    }
  }
  std::vector<GoalEvidence> out;
  for (GoalEvidence& g : goals) {
    if (g.score <= 0) continue;
    g.confidence = std::min(kMaxConfidence, g.score / (g.score + kHalfConfidenceScore));
    out.push_back(g);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const GoalEvidence& a, const GoalEvidence& b) { return a.score > b.score; });
  return out;
}

std::vector<GoalEvidence> GoalLexicon::Infer(std::string_view text, const TextRegions& regions,
                                             const InferOptions& options) const {
  return Infer(MatchText(text), regions, options);
}

std::vector<GoalEvidence> GoalLexicon::Infer(const MatchText& text, const TextRegions& regions,
                                             const InferOptions& options) const {
  return Infer(text, Terms(text), regions, options);
}

std::vector<GoalEvidence> GoalLexicon::Infer(const MatchText& text,
                                             const std::vector<PhraseMatcher::Match>& terms,
                                             const TextRegions& regions,
                                             const InferOptions& options) const {
  std::vector<GoalEvidence> scored = Score(text, terms, regions);
  std::vector<GoalEvidence> out;
  for (const GoalEvidence& g : scored) {
    if (static_cast<int>(out.size()) >= options.max_goals || g.score < options.min_score) break;
    if (!out.empty() && g.score < options.second_ratio * out.front().score) break;
    out.push_back(g);
  }
  return out;
}

}  // namespace acervo::ods
