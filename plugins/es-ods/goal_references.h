// goal_references.h — explicit references to a goal in one passage of text.
//
// What counts (the words come from data/references.tsv and data/goals.tsv):
//  - a number after a goal prefix: "ODS 5", "ODS-11", "ODS No. 13", "SDG 13",
//    "Objetivo de Desarrollo Sostenible 16"; a list gives one reference per goal
//    ("el ODS 1, el ODS 2 y el ODS 10", "ODS 3, 5 y 11");
//  - a number after a generic "Objetivo" only when a qualifier follows ("Objetivo 11 de la
//    Agenda 2030"), the goal's own name follows ("Objetivo 13: Acción por el clima"), or the
//    passage is in a goal context and no other label follows ("Objetivo 1: Bogotá avanza" is a
//    local plan's objective);
//  - a goal name beside its own number ("13. Acción por el clima", "No. 13 Acción por el
//    clima"), filling a heading or a table cell (goal rows of a table that adds money up by
//    goal), filling a bullet in a goal context, anywhere in a cell of a goal column, or
//    capitalized after a goal cue in the same sentence;
//  - a goal name filling a heading or cell beside another goal's number ("No.4. Agua limpia
//    y saneamiento"): the name decides, with a lower confidence (kMismatchedNumber) that
//    tells the reviewer the number disagrees.
// A name that restates the reference just before it ("Objetivo 11 de la Agenda 2030
// “Lograr que las ciudades ...”") is part of that reference, not another one.
#ifndef ACERVO_PLUGINS_ES_ODS_GOAL_REFERENCES_H_
#define ACERVO_PLUGINS_ES_ODS_GOAL_REFERENCES_H_

#include <filesystem>
#include <string_view>
#include <vector>

#include "acervo/status.h"
#include "goal_names.h"
#include "phrases.h"

namespace acervo::ods {

struct GoalReference {
  size_t begin = 0;  // bytes in the text given to Find
  size_t end = 0;
  int goal = 0;
  double confidence = 1;
  // A bare name filling a heading outside a goal context: a goal only among sibling headings
  // that name goals too (a list of the 17 goals); the caller knows the siblings.
  bool needs_goal_siblings = false;
};

// Where the passage stands, which decides how much a bare goal name or number says.
enum class Placement {
  kProse,       // a paragraph
  kStandalone,  // a bullet or caption: a name filling it may be a goal in a goal context
  kHeading,     // a heading: a name filling it heads a goal of a list of the goals
  kCell,        // a table cell: a name filling it is a goal row ("Ciudades y ...\t$ 0,00")
  kGoalCell,    // a cell under a table header that names the goals: bare numbers are goals
};

class GoalReferences {
 public:
  // The confidence of a goal name beside another goal's number (the name decides).
  static constexpr double kMismatchedNumber = 0.6;

  // Loads goals.tsv and references.tsv from `data_dir`.
  static Result<GoalReferences> Load(const std::filesystem::path& data_dir);

  // True when `text` carries a goal cue ("ODS", "Agenda 2030", ...).
  bool HasGoalCue(std::string_view text) const;

  // The references in `text`, in text order. `goal_context`: the passage sits under a
  // heading, caption, header or list introduction that speaks of the goals. `*any_phrase`, if
  // given, tells whether text holds a goal name, cue or prefix at all: without one, no part
  // of it (a cell of a row) holds a reference either, but for a bare number in a kGoalCell.
  std::vector<GoalReference> Find(std::string_view text, Placement placement, bool goal_context,
                                  bool* any_phrase = nullptr) const;

 private:
  struct Item {  // one number of a list, in MatchText bytes
    size_t begin = 0;
    size_t end = 0;
    int goal = 0;
  };
  GoalReferences() = default;

  // Reads a goal number (1-17, optionally a target "11.2") at `pos`; false when none.
  static bool ReadGoalNumber(const std::string& t, size_t pos, int* goal, size_t* end);
  // Reads "[-|:] [sign] N (, [article] [prefix] [sign] N)* [joiner ...]" starting after a
  // prefix; returns the numbers, empty when none follows.
  std::vector<Item> ReadList(const MatchText& m, size_t pos) const;
  size_t SkipSign(const MatchText& m, size_t pos) const;
  // A numbered reference led by the prefix match `p`; appends what it accepts.
  void FindNumbered(const MatchText& m, const PhraseMatcher::Match& p, Placement placement,
                    bool goal_context, const std::vector<PhraseMatcher::Match>& cues,
                    std::vector<GoalReference>* out, std::vector<Item>* taken) const;
  // A goal name match `n`; appends it when it stands as a reference.
  void FindNamed(const MatchText& m, const NameMatch& n, Placement placement, bool goal_context,
                 const std::vector<PhraseMatcher::Match>& cues, const std::vector<Item>& taken,
                 std::vector<GoalReference>* out) const;

  GoalNames names_;
  PhraseMatcher prefixes_{PhraseOptions(/*digit_may_follow=*/true)};  // kPrefix, kObjective
  PhraseMatcher qualifiers_{PhraseOptions()};
  PhraseMatcher signs_{PhraseOptions()};
  PhraseMatcher joiners_{PhraseOptions()};
  PhraseMatcher articles_{PhraseOptions()};
  PhraseMatcher cues_{PhraseOptions()};
  // The names, cues and prefixes in one automaton, so that Find reads a passage once; the
  // value says which (ScanValue in the .cc). The separate matchers above answer LongestAt and
  // HasGoalCue.
  PhraseMatcher scan_{PhraseOptions(/*digit_may_follow=*/true)};
};

}  // namespace acervo::ods

#endif  // ACERVO_PLUGINS_ES_ODS_GOAL_REFERENCES_H_
