// serialize.h — lossless JSON for documents and extractions, for crossing a process
// boundary (ingest workers) and for rebuilding a document from the store (re-extraction).
// Not the output contract: that is ToContractJson.
#ifndef ACERVO_CORE_ENGINE_SERIALIZE_H_
#define ACERVO_CORE_ENGINE_SERIALIZE_H_

#include <nlohmann/json.hpp>

#include "acervo/engine.h"
#include "acervo/status.h"

namespace acervo {

nlohmann::json PageToJson(const Page& page);  // everything but the text
Result<Page> PageFromJson(const nlohmann::json& j, std::string text);

nlohmann::json DocumentToJson(const Document& document);
Result<Document> DocumentFromJson(const nlohmann::json& j);

nlohmann::json ExtractionToJson(const Extraction& x);
Result<Extraction> ExtractionFromJson(const nlohmann::json& j);

}  // namespace acervo

#endif  // ACERVO_CORE_ENGINE_SERIALIZE_H_
