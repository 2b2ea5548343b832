// goal_names.h — the names of the 17 goals (data/goals.tsv), found in text.
//
// Each goal has a short title ("Acción por el clima"), its full statement and common
// variants. Finding a name says nothing about whether it stands as a goal reference; that is
// GoalReferences' decision.
#ifndef ACERVO_PLUGINS_ES_ODS_GOAL_NAMES_H_
#define ACERVO_PLUGINS_ES_ODS_GOAL_NAMES_H_

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "acervo/status.h"
#include "phrases.h"

namespace acervo::ods {

inline constexpr int kGoalCount = 17;

struct NameMatch {
  size_t begin = 0;  // bytes in MatchText::text()
  size_t end = 0;
  int goal = 0;
};

class GoalNames {
 public:
  // Reads a goals file (goal, kind, name); fails on a malformed line or a goal without names.
  static Result<GoalNames> Load(const std::filesystem::path& path);

  // The longest names found, none overlapping, in text order.
  std::vector<NameMatch> FindAll(const MatchText& text) const;
  // The same from what a matcher holding the names (phrases(), in their order, each with its
  // goal as value) found, in PhraseMatcher::FindAll's order: for a caller that finds the
  // names in one pass with other phrases.
  static std::vector<NameMatch> Longest(const std::vector<PhraseMatcher::Match>& found);
  // Each name, normalized, with its goal, in the file's order.
  const std::vector<std::pair<std::string, int>>& phrases() const { return phrases_; }
  // The longest name that starts exactly at byte `pos` of text.text().
  std::optional<NameMatch> At(const MatchText& text, size_t pos) const;

 private:
  PhraseMatcher names_{PhraseOptions()};
  std::vector<std::pair<std::string, int>> phrases_;
};

}  // namespace acervo::ods

#endif  // ACERVO_PLUGINS_ES_ODS_GOAL_NAMES_H_
