// goal_lexicon.h — infers a record's goals from its theme, with a user-editable lexicon.
//
// The lexicon (data/lexicon.tsv; format in docs/recognizers/ods.md) maps terms to goals with
// weights. A text's score for a goal adds the weights of the goal's terms found in it: the
// longest term wins where terms overlap, a repeated term adds half its weight once more, a
// term inside the record's title counts double, and a term inside an organisation's name
// ("Secretaría de Movilidad") counts half: the name says who more than what about. Infer keeps the
// goals that reach min_score, best first, at most max_goals of them, each after the first only when
// it scores at least second_ratio of the best. Immutable once loaded; safe to share across threads.
#ifndef ACERVO_PLUGINS_ES_ODS_GOAL_LEXICON_H_
#define ACERVO_PLUGINS_ES_ODS_GOAL_LEXICON_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "acervo/status.h"
#include "phrases.h"

namespace acervo::ods {

struct InferOptions {
  double min_score = 1.0;
  double second_ratio = 0.9;  // fitted on corpora/ and the shared seeds
  int max_goals = 2;
};

// Parts of a text whose terms weigh differently (byte ranges, end exclusive).
struct TextRegions {
  size_t title_begin = 0;  // the record's title: terms count double
  size_t title_end = 0;
  std::vector<std::pair<size_t, size_t>> names;  // organisations' names: terms count half
};

// A goal and the evidence for it.
struct GoalEvidence {
  int goal = 0;
  double score = 0;
  size_t begin = 0;  // bytes in the text given: the strongest term found for the goal
  size_t end = 0;
  double confidence = 0;  // from the score, in (0, 0.9]
};

class GoalLexicon {
 public:
  GoalLexicon() = default;

  // Adds the entries of a lexicon file (term, goal, weight); fails on a malformed line.
  Status AddFile(const std::filesystem::path& path);
  // Adds one entry; false when the term is empty, the goal not 1-17 or the weight not > 0.
  bool Add(std::string_view term, int goal, double weight);
  size_t size() const { return entry_count_; }  // (term, goal) entries

  // The lexicon's terms in `text`, the longest where they overlap: what Score weighs. A
  // caller that finds none can skip finding the regions (nothing scores without a term).
  std::vector<PhraseMatcher::Match> Terms(const MatchText& text) const;

  // Every goal with a positive score, best first.
  std::vector<GoalEvidence> Score(std::string_view text, const TextRegions& regions = {}) const;
  // The same over a text already prepared (a caller that searches it for other phrases too),
  // and over its Terms already found.
  std::vector<GoalEvidence> Score(const MatchText& text, const TextRegions& regions) const;
  std::vector<GoalEvidence> Score(const MatchText& text,
                                  const std::vector<PhraseMatcher::Match>& terms,
                                  const TextRegions& regions) const;
  // The goals to infer, by the policy above.
  std::vector<GoalEvidence> Infer(std::string_view text, const TextRegions& regions,
                                  const InferOptions& options) const;
  std::vector<GoalEvidence> Infer(const MatchText& text, const TextRegions& regions,
                                  const InferOptions& options) const;
  std::vector<GoalEvidence> Infer(const MatchText& text,
                                  const std::vector<PhraseMatcher::Match>& terms,
                                  const TextRegions& regions, const InferOptions& options) const;

 private:
  struct Entry {
    int goal = 0;
    double weight = 0;
  };
  // Add without rebuilding the matcher (AddFile builds it once, at the end).
  bool AddEntry(std::string_view term, int goal, double weight);

  PhraseMatcher terms_{PhraseOptions()};  // value: index into entries_by_term_
  std::vector<std::string> term_keys_;    // normalized term of each id
  std::vector<std::vector<Entry>> entries_by_term_;
  size_t entry_count_ = 0;
};

}  // namespace acervo::ods

#endif  // ACERVO_PLUGINS_ES_ODS_GOAL_LEXICON_H_
