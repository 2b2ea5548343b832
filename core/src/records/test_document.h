// test_document.h — (tests only) a document loaded from text with mentions placed by hand,
// so the record assembler is tested without the extractor plugins.
#ifndef ACERVO_CORE_RECORDS_TEST_DOCUMENT_H_
#define ACERVO_CORE_RECORDS_TEST_DOCUMENT_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "acervo/text.h"
#include "document/segments.h"
#include "load/text_loader.h"
#include "pipeline/pipeline.h"
#include "records/assembler.h"
#include "records/record_json.h"

namespace acervo::testing_records {

inline Pipeline DefaultPipeline() {
  Result<Pipeline> p = LoadPipeline(ACERVO_SOURCE_DIR "/pipelines/default.yaml");
  EXPECT_TRUE(p.ok()) << p.status().message();
  return p.ok() ? std::move(p.value()) : Pipeline();
}

class TestDocument {
 public:
  explicit TestDocument(std::string_view text,
                        std::string id = "sha256:00112233445566778899aabbccddeeff") {
    Result<Document> d = LoadText(text);
    EXPECT_TRUE(d.ok());
    if (d.ok()) doc_ = std::move(d.value());
    doc_.info.id = std::move(id);
  }

  Document& document() { return doc_; }

  // Places a mention of `type` on the `occurrence`-th (0-based) appearance of `text`.
  void Add(const std::string& type, std::string_view text, nlohmann::json value, int occurrence = 0,
           double confidence = 0.9) {
    for (const Page& page : doc_.pages) {
      for (size_t at = page.text.find(text); at != std::string::npos;
           at = page.text.find(text, at + 1)) {
        if (occurrence-- > 0) continue;
        PlacedMention m;
        m.type = type;
        m.text = std::string(text);
        m.value = std::move(value);
        m.page = page.number;
        m.byte_start = at;
        m.byte_end = at + text.size();
        m.start = CodePointCount(page.text, at);
        m.end = m.start + CodePointCount(m.text, m.text.size());
        m.confidence = confidence;
        mentions_.push_back(std::move(m));
        return;
      }
    }
    ADD_FAILURE() << "no occurrence of " << text;
  }
  void Date(std::string_view text, const std::string& start, const std::string& end = "",
            int occurrence = 0) {
    Add("date", text, {{"start", start}, {"end", end.empty() ? start : end}}, occurrence);
  }
  void Amount(std::string_view text, const std::string& amount, const std::string& currency,
              int occurrence = 0) {
    Add("amount", text, {{"amount", amount}, {"currency", currency}, {"approximate", false}},
        occurrence);
  }

  // The records as the contract shows them (records/record_json.h): what the tests check.
  nlohmann::json Assemble(std::vector<std::string>* warnings = nullptr,
                          const Pipeline& pipeline = DefaultPipeline(),
                          const RecordInferrer& infer = nullptr) {
    std::stable_sort(mentions_.begin(), mentions_.end(),
                     [](const PlacedMention& a, const PlacedMention& b) {
                       return std::tie(a.page, a.byte_start) < std::tie(b.page, b.byte_start);
                     });
    SegmentList segments(doc_);
    std::vector<std::string> ignored;
    return RecordsToJson(AssembleRecords(doc_, segments, &mentions_, pipeline, infer,
                                         MentionTypes(), warnings ? warnings : &ignored));
  }

 private:
  Document doc_;
  std::vector<PlacedMention> mentions_;
};

// The anchors of `records`, in order.
inline std::vector<std::string> Anchors(const nlohmann::json& records) {
  std::vector<std::string> out;
  for (const auto& r : records) out.push_back(r["anchor"].get<std::string>());
  return out;
}

}  // namespace acervo::testing_records

#endif  // ACERVO_CORE_RECORDS_TEST_DOCUMENT_H_
