#include "eval/matching.h"

namespace acervo::eval {
namespace {

// Kuhn's algorithm: tries to give left item `l` a partner, moving earlier pairs if needed.
bool Augment(int l, const std::vector<std::vector<int>>& edges, std::vector<int>* right_of,
             std::vector<int>* left_of, std::vector<char>* seen) {
  for (int r : edges[l]) {
    if ((*seen)[r]) continue;
    (*seen)[r] = 1;
    if ((*left_of)[r] < 0 || Augment((*left_of)[r], edges, right_of, left_of, seen)) {
      (*right_of)[l] = r;
      (*left_of)[r] = l;
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<int> MaximumMatching(int left, int right,
                                 const std::function<bool(int, int)>& compatible) {
  std::vector<std::vector<int>> edges(left);
  for (int l = 0; l < left; ++l) {
    for (int r = 0; r < right; ++r) {
      if (compatible(l, r)) edges[l].push_back(r);
    }
  }
  std::vector<int> right_of(left, -1), left_of(right, -1);
  for (int l = 0; l < left; ++l) {
    if (edges[l].empty()) continue;
    std::vector<char> seen(right, 0);
    Augment(l, edges, &right_of, &left_of, &seen);
  }
  return right_of;
}

}  // namespace acervo::eval
