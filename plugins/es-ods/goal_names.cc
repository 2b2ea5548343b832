#include "goal_names.h"

#include <array>

#include "acervo/tsv.h"

namespace acervo::ods {

Result<GoalNames> GoalNames::Load(const std::filesystem::path& path) {
  auto rows = ReadTsv(path);
  if (!rows.ok()) return rows.status();
  GoalNames names;
  std::array<bool, kGoalCount + 1> named{};
  for (const TsvRow& row : *rows) {
    int goal = 0;
    std::string name = row.fields.size() == 3 ? NormalizePhrase(row.fields[2]) : "";
    if (row.fields.size() != 3 || !ParseIntField(row.fields[0], 1, kGoalCount, &goal) ||
        !names.names_.Add(name, goal)) {
      return Corrupt(path.string() + ":" + std::to_string(row.line) +
                     ": expected goal (1-17), kind and name");
    }
    names.phrases_.emplace_back(std::move(name), goal);
    named[goal] = true;
  }
  for (int g = 1; g <= kGoalCount; ++g) {
    if (!named[g]) return Corrupt(path.string() + ": no name for goal " + std::to_string(g));
  }
  names.names_.Build();
  return names;
}

std::vector<NameMatch> GoalNames::FindAll(const MatchText& text) const {
  return Longest(names_.FindAll(text.text()));
}

std::vector<NameMatch> GoalNames::Longest(const std::vector<PhraseMatcher::Match>& found) {
  std::vector<NameMatch> out;
  for (const PhraseMatcher::Match& m : found) {  // by begin, longest first
    if (!out.empty() && m.begin < out.back().end) continue;
    out.push_back({m.begin, m.end, m.value});
  }
  return out;
}

std::optional<NameMatch> GoalNames::At(const MatchText& text, size_t pos) const {
  auto m = names_.LongestAt(text.text(), pos);
  if (!m) return std::nullopt;
  return NameMatch{m->begin, m->end, m->value};
}

}  // namespace acervo::ods
