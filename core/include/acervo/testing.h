// acervo/testing.h — run an extractor on a passage in a test, without loading a pipeline.
//
//   acervo::testing::Harness h(std::make_unique<MyExtractor>(), MY_DATA_DIR);
//   auto mentions = h.Extract("El 22 de septiembre ...", {.country = "MX"});
//   EXPECT_THAT(h.Texts(mentions), ElementsAre("22 de septiembre"));
//
// Header-only so that out-of-tree plugins can use it with nothing but the SDK.
#ifndef ACERVO_TESTING_H_
#define ACERVO_TESTING_H_

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/plugin.h"

namespace acervo::testing {

// One segment of text plus what surrounds it, for Harness::ExtractSegments.
struct Passage {
  std::string text;
  SegmentKind kind = SegmentKind::kParagraph;
  std::vector<std::string> headings;       // enclosing headings, outermost first
  std::vector<std::string> table_caption;  // for table rows
  std::vector<std::string> table_header;
  bool is_header_row = false;  // a table's header row
};

class Harness {
 public:
  // Configures the extractor; throws std::runtime_error (tests only) when that fails.
  Harness(std::unique_ptr<Extractor> extractor, const std::filesystem::path& data_dir,
          nlohmann::json params = nullptr)
      : extractor_(std::move(extractor)) {
    Status s = extractor_->Configure({data_dir, std::move(params)});
    if (!s.ok()) throw std::runtime_error("Configure failed: " + s.message());
  }

  Extractor& extractor() { return *extractor_; }

  // Runs one document made of one paragraph.
  std::vector<Mention> Extract(std::string_view text, const DocumentContext& doc = {}) {
    Passage passage;
    passage.text = std::string(text);
    return ExtractSegments({passage}, doc).front();
  }

  // Runs one document made of these passages, in order; returns each passage's mentions.
  std::vector<std::vector<Mention>> ExtractSegments(const std::vector<Passage>& passages,
                                                    const DocumentContext& doc = {}) {
    std::unique_ptr<Run> run = extractor_->Begin(doc);
    std::vector<std::vector<Mention>> all;
    for (const Passage& p : passages) {
      std::vector<std::string_view> headings(p.headings.begin(), p.headings.end());
      std::vector<std::string_view> caption(p.table_caption.begin(), p.table_caption.end());
      std::vector<std::string_view> header(p.table_header.begin(), p.table_header.end());
      Segment segment;
      segment.text = p.text;
      segment.kind = p.kind;
      segment.headings = headings;
      segment.table_caption = caption;
      segment.table_header = header;
      segment.is_header_row = p.is_header_row;
      std::vector<Mention> out;
      Status s = run->Extract(segment, &out);
      if (!s.ok()) throw std::runtime_error("Extract failed: " + s.message());
      for (const Mention& m : out) {
        if (m.begin > m.end || m.end > p.text.size())
          throw std::runtime_error("mention span out of the segment: " + m.type);
      }
      all.push_back(std::move(out));
    }
    return all;
  }

  // The covered text of each mention, for readable expectations.
  static std::vector<std::string> Texts(std::string_view text, const std::vector<Mention>& ms) {
    std::vector<std::string> out;
    for (const Mention& m : ms) out.emplace_back(text.substr(m.begin, m.end - m.begin));
    return out;
  }

 private:
  std::unique_ptr<Extractor> extractor_;
};

}  // namespace acervo::testing

#endif  // ACERVO_TESTING_H_
