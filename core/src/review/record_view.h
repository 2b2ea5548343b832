// record_view.h — (review server internals) what the review page shows, as JSON: a queue
// entry, and one record with its passage, page images and neighbours, with the Spanish
// notes a reviewer reads. No HTTP here: the routes (server_routes.cc) send these.
#ifndef ACERVO_CORE_REVIEW_RECORD_VIEW_H_
#define ACERVO_CORE_REVIEW_RECORD_VIEW_H_

#include <nlohmann/json.hpp>
#include <string>

#include "acervo/document.h"
#include "acervo/status.h"
#include "review/reviews.h"

namespace acervo::review {

// {id, kind, title, confidence, status, document_id, source, page_start, orphaned,
// second_look}
nlohmann::json QueueItem(const ReviewedRecord& r);

// The record as ReviewedRecord::ToJson plus passage (spans), page_image (whether the PDF is
// there to draw), page_image_note, page_regions (per page, the passage's padded box or
// null) and previous/next (records to merge with). NotFound for an unknown record; other
// failures are Internal.
Result<nlohmann::json> RecordView(Reviews& reviews, const std::string& id);

// The passage's box on a page with a margin, kept on the page; empty when unknown.
Box PaddedRegion(const PassageRegion& r);

// Whether the source is a PDF (by its name), so it can have page images.
bool IsPdf(const std::string& source);

}  // namespace acervo::review

#endif  // ACERVO_CORE_REVIEW_RECORD_VIEW_H_
