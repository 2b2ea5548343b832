// acervo/extraction.h — what extraction gives for one document: the document as loaded, its
// mentions placed on their pages, and its records in the contract's shape
// (docs/output-format.md).
//
// Plain data: the engine produces it, records are assembled from its mentions, the store keeps
// it. Nothing here runs a pipeline.
#ifndef ACERVO_EXTRACTION_H_
#define ACERVO_EXTRACTION_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "acervo/document.h"
#include "acervo/record.h"

namespace acervo {

// A mention placed in its document: page and code-point offsets into that page's text.
struct PlacedMention {
  std::string type;
  std::string text;
  nlohmann::json value;
  int page = 1;
  size_t start = 0;  // code points into Page::text
  size_t end = 0;
  size_t byte_start = 0;  // the same span in bytes
  size_t byte_end = 0;
  double confidence = 1;
  std::string extractor;  // "es-date@1.0.0"
};

struct Extraction {
  Document document;
  std::string pipeline;  // "informe-actividades@1"
  std::vector<PlacedMention> mentions;
  std::vector<Record> records;
  std::vector<std::string> warnings;  // plugin errors, reconciliation, ...
};

}  // namespace acervo

#endif  // ACERVO_EXTRACTION_H_
