// assembler.h — turns a document's segments and mentions into activity records (the
// `records` of docs/output-format.md, as acervo/record.h).
//
// Records come from the segmenter's passages (segmenter.h): sections under a heading that
// names an activity, dated bullets, rows of activity and cooperation tables, paragraphs
// that open with an activity's date. Each gets:
//  - kind, from the pipeline's kind lexicon over its title (weighted) and text;
//  - dates: a section whose heading is dated takes the heading's dates only (dates in its
//    body are often of something else: a law, a founding year); otherwise the passage's;
//  - amounts, with their role: in a table row from the column's header (table-columns
//    lexicon: VALOR APORTE -> aporte, CONTRAPARTIDA -> contrapartida, VALOR TOTAL -> total),
//    in running text from a cue word before the amount (amount-cues lexicon), else null;
//  - institutions and explicit goals found in the passage; goals inferred by the
//    extractors (explicit: false) when the passage names none;
//  - for each mention type a plugin declares beyond those four (mention_types.h), its
//    record field: the passage's values of that type, one per declared key;
//  - confidence: structural evidence times the mean confidence of its mentions, with
//    `status: needs_review` under the pipeline's review threshold;
//  - an id "r-<first 12 hex of the document's sha256>-<page>-<block>", so re-running
//    extraction on the same file yields the same ids.
// Document-level reconciliation warnings (reconcile.h) are appended to `warnings`.
#ifndef ACERVO_CORE_RECORDS_ASSEMBLER_H_
#define ACERVO_CORE_RECORDS_ASSEMBLER_H_

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "acervo/document.h"
#include "acervo/extraction.h"
#include "acervo/record.h"
#include "document/segments.h"
#include "pipeline/pipeline.h"
#include "records/mention_types.h"

namespace acervo {

// Asks the extractors for record-level values (inferred goals); returns (extractor id, mention).
using RecordInferrer =
    std::function<std::vector<std::pair<std::string, Mention>>(const RecordView&)>;

// `mentions` sorted by (page, byte_start). `infer` may be empty. `types`: what the
// pipeline's plugins declare. The mentions' values are lent to `infer`, not copied: moved
// into the RecordView of one call and back when it returns (or throws), so `*mentions` is
// as given when AssembleRecords returns, but a value reads null during an `infer` call.
std::vector<Record> AssembleRecords(const Document& document, const SegmentList& segments,
                                    std::vector<PlacedMention>* mentions, const Pipeline& pipeline,
                                    const RecordInferrer& infer, const MentionTypes& types,
                                    std::vector<std::string>* warnings);

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_ASSEMBLER_H_
