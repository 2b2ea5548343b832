// Reviewed records a re-extraction no longer finds (reviews.h, FlagOrphanedReviews).
#include "review/reviews.h"

namespace acervo::review {

Status FlagOrphanedReviews(Store* store, const std::string& document_id, const Env& env) {
  return store->MarkOrphans(document_id, FormatUtc(env.Now()));
}

}  // namespace acervo::review
