#include "records/assembler.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "acervo/text.h"

namespace acervo {
namespace {

// The kind lexicon: lines "kind<TAB>word" (folded); the kind with most hits wins.
std::vector<std::pair<std::string, std::string>> LoadKindLexicon(const Pipeline& pipeline,
                                                                 std::vector<std::string>* warnings) {
  std::vector<std::pair<std::string, std::string>> lexicon;
  if (!pipeline.records.contains("kinds")) return lexicon;
  std::filesystem::path file = pipeline.records["kinds"].get<std::string>();
  if (file.is_relative()) file = pipeline.file.parent_path() / file;
  std::ifstream in(file);
  if (!in) {
    warnings->push_back(file.string() + ": cannot read the record-kind lexicon");
    return lexicon;
  }
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    lexicon.emplace_back(line.substr(0, tab), Fold(line.substr(tab + 1)));
  }
  return lexicon;
}

std::string KindOf(std::string_view title, std::string_view text,
                   const std::vector<std::pair<std::string, std::string>>& lexicon) {
  std::string t = Fold(title), body = Fold(text.substr(0, 400));
  std::string best = "otro";
  int best_score = 0;
  std::vector<std::pair<std::string, int>> scores;
  for (const auto& [kind, word] : lexicon) {
    int score = 0;
    for (size_t at = t.find(word); at != std::string::npos; at = t.find(word, at + 1)) score += 3;
    for (size_t at = body.find(word); at != std::string::npos; at = body.find(word, at + 1)) ++score;
    if (score == 0) continue;
    auto it = std::find_if(scores.begin(), scores.end(), [&](auto& s) { return s.first == kind; });
    if (it == scores.end()) scores.emplace_back(kind, score); else it->second += score;
  }
  for (const auto& [kind, score] : scores) {
    if (score > best_score) best = kind, best_score = score;
  }
  return best;
}

struct Span {  // a record's passage: blocks [first, last] of the segment list
  size_t first, last;
  double structure;  // structural confidence
};

}  // namespace

nlohmann::json AssembleRecords(const Document& document, const SegmentList& segments,
                               const std::vector<PlacedMention>& mentions,
                               const Pipeline& pipeline, const RecordInferrer& infer,
                               std::vector<std::string>* warnings) {
  const auto& entries = segments.entries();
  auto has_mention = [&](size_t i, const char* type) {
    const SegmentEntry& e = entries[i];
    int page = document.pages[e.page_index].number;
    for (const PlacedMention& m : mentions) {
      if (m.page == page && m.type == type && m.byte_start >= e.page_offset &&
          m.byte_end <= e.page_offset + e.segment.text.size())
        return true;
    }
    return false;
  };

  // Segmentation.
  std::vector<Span> spans;
  for (size_t i = 0; i < entries.size(); ++i) {
    const Segment& s = entries[i].segment;
    if (s.kind == SegmentKind::kHeading) {
      size_t j = i + 1;
      while (j < entries.size() && entries[j].segment.kind != SegmentKind::kHeading) ++j;
      bool has_body = j > i + 1;
      bool bullets_only = has_body;
      for (size_t k = i + 1; k < j; ++k) {
        if (entries[k].segment.kind != SegmentKind::kBullet) bullets_only = false;
      }
      if (has_body && !bullets_only && (has_mention(i, "date") || s.heading_level >= 2)) {
        spans.push_back({i, j - 1, has_mention(i, "date") ? 0.9 : 0.6});
      }
    } else if (s.kind == SegmentKind::kBullet && has_mention(i, "date")) {
      spans.push_back({i, i, 0.8});
    } else if (s.kind == SegmentKind::kTableRow && !s.is_header_row &&
               (has_mention(i, "date") || has_mention(i, "amount"))) {
      spans.push_back({i, i, 0.75});
    }
  }

  auto lexicon = LoadKindLexicon(pipeline, warnings);
  std::string hash = document.info.id.substr(document.info.id.find(':') + 1).substr(0, 12);
  nlohmann::json records = nlohmann::json::array();
  for (const Span& span : spans) {
    const SegmentEntry& first = entries[span.first];
    const SegmentEntry& last = entries[span.last];
    const Page& page = document.pages[first.page_index];
    const Page& end_page = document.pages[last.page_index];
    std::string text;
    std::vector<const PlacedMention*> in_span;
    for (size_t k = span.first; k <= span.last; ++k) {
      const SegmentEntry& e = entries[k];
      if (!text.empty()) text += "\n";
      text += e.segment.text;
      int pn = document.pages[e.page_index].number;
      for (const PlacedMention& m : mentions) {
        if (m.page == pn && m.byte_start >= e.page_offset &&
            m.byte_end <= e.page_offset + e.segment.text.size())
          in_span.push_back(&m);
      }
    }
    std::string title(first.segment.text.substr(0, 200));
    char id[64];
    std::snprintf(id, sizeof id, "r-%s-%03d-%04zu", hash.c_str(), page.number, first.block_index);

    nlohmann::json r;
    r["id"] = id;
    r["kind"] = KindOf(title, text, lexicon);
    r["title"] = title;
    r["anchor"] = std::string(first.segment.text.substr(0, 80));
    r["text"] = text;
    r["page_start"] = page.number;
    r["page_end"] = end_page.number;
    nlohmann::json dates = nlohmann::json::array(), amounts = nlohmann::json::array(),
                   institutions = nlohmann::json::array(), ods = nlohmann::json::array();
    double conf_sum = 0;
    std::vector<Mention> view_mentions;
    for (const PlacedMention* m : in_span) {
      conf_sum += m->confidence;
      if (m->type == "date" && !m->value.contains("precision")) {
        if (!dates.contains(m->value)) dates.push_back(m->value);
      } else if (m->type == "amount") {
        nlohmann::json a = m->value;
        if (!a.contains("role")) a["role"] = nullptr;
        amounts.push_back(a);
      } else if (m->type == "institution") {
        nlohmann::json i = {{"name", m->value.value("name", m->text)},
                            {"acronym", m->value.value("acronym", nlohmann::json())}};
        if (!institutions.contains(i)) institutions.push_back(i);
      } else if (m->type == "ods") {
        nlohmann::json g = {{"goal", m->value["goal"]}, {"explicit", true}};
        if (!ods.contains(g)) ods.push_back(g);
      }
      view_mentions.push_back(Mention{m->type, 0, 0, m->value, m->confidence});
    }
    if (ods.empty() && infer) {
      RecordView view{r["kind"].get_ref<const std::string&>(), title, text, view_mentions};
      for (auto& [extractor, m] : infer(view)) {
        if (m.type != "ods") continue;
        nlohmann::json g = {{"goal", m.value["goal"]}, {"explicit", false}};
        if (!ods.contains(g)) ods.push_back(g);
      }
    }
    r["dates"] = dates;
    r["amounts"] = amounts;
    r["institutions"] = institutions;
    r["ods"] = ods;
    double mention_conf = in_span.empty() ? 0.5 : conf_sum / in_span.size();
    double confidence = std::round(span.structure * (0.5 + 0.5 * mention_conf) * 100) / 100;
    r["confidence"] = confidence;
    r["status"] = confidence < pipeline.review_threshold ? "needs_review" : "auto";
    records.push_back(std::move(r));
  }
  return records;
}

}  // namespace acervo
