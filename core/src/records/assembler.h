// assembler.h — turns a document's segments and mentions into activity records (the
// `records` of spec/output-format.md).
//
// A record is a heading that names an activity with the blocks under it, a bullet that
// reports a dated activity, or a data row of a table. Each gets the dates, amounts,
// institutions and goals found in its passage, a kind from the pipeline's lexicon, a
// confidence from its structure and its mentions, and an id derived from the document's
// hash and the record's position, so re-running extraction yields the same ids.
#ifndef ACERVO_CORE_RECORDS_ASSEMBLER_H_
#define ACERVO_CORE_RECORDS_ASSEMBLER_H_

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "acervo/document.h"
#include "acervo/engine.h"
#include "engine/segments.h"
#include "pipeline/pipeline.h"

namespace acervo {

// Asks the extractors for record-level values (inferred goals); returns (extractor id, mention).
using RecordInferrer =
    std::function<std::vector<std::pair<std::string, Mention>>(const RecordView&)>;

nlohmann::json AssembleRecords(const Document& document, const SegmentList& segments,
                               const std::vector<PlacedMention>& mentions,
                               const Pipeline& pipeline, const RecordInferrer& infer,
                               std::vector<std::string>* warnings);

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_ASSEMBLER_H_
