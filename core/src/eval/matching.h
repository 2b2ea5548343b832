// matching.h — one-to-one matching between two lists, as large as possible.
#ifndef ACERVO_CORE_EVAL_MATCHING_H_
#define ACERVO_CORE_EVAL_MATCHING_H_

#include <functional>
#include <vector>

namespace acervo::eval {

// Pairs items of the left list (0..left-1) with items of the right list (0..right-1) such
// that each pair satisfies `compatible`, no item is used twice and the number of pairs is
// maximal (augmenting paths; ties go to the earlier items). Returns, for each left item,
// its right partner or -1.
std::vector<int> MaximumMatching(int left, int right,
                                 const std::function<bool(int, int)>& compatible);

}  // namespace acervo::eval

#endif  // ACERVO_CORE_EVAL_MATCHING_H_
