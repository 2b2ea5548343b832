#include "engine/serialize.h"

#include <cmath>

#include "records/record_json.h"

namespace acervo {
namespace {

// Points to a hundredth: finer than any renderer needs, and short in the store.
double Round(double v) { return std::round(v * 100) / 100; }

nlohmann::json BlockToJson(const Block& b) {
  nlohmann::json j = {{"kind", static_cast<int>(b.kind)},
                      {"begin", b.begin},
                      {"end", b.end},
                      {"level", b.heading_level},
                      {"table", b.table},
                      {"header_row", b.header_row},
                      {"line", b.line}};
  if (!b.box.empty()) {
    j["box"] = {Round(b.box.x0), Round(b.box.y0), Round(b.box.x1), Round(b.box.y1)};
  }
  return j;
}

Block BlockFromJson(const nlohmann::json& j) {
  Block b;
  b.kind = static_cast<SegmentKind>(j.at("kind").get<int>());
  b.begin = j.at("begin").get<size_t>();
  b.end = j.at("end").get<size_t>();
  b.heading_level = j.value("level", 0);
  b.table = j.value("table", -1);
  b.header_row = j.value("header_row", false);
  b.line = j.value("line", 0);
  if (j.contains("box")) {
    const nlohmann::json& box = j.at("box");
    b.box = Box{box.at(0).get<double>(), box.at(1).get<double>(), box.at(2).get<double>(),
                box.at(3).get<double>()};
  }
  return b;
}

// Runs `fn`, turning a JSON type or key error into a Corrupt status.
template <typename T, typename Fn>
Result<T> Parse(const char* what, Fn&& fn) {
  try {
    return fn();
  } catch (const nlohmann::json::exception& e) {
    return Corrupt(std::string("malformed ") + what + ": " + e.what());
  }
}

}  // namespace

nlohmann::json PageToJson(const Page& p) {
  nlohmann::json blocks = nlohmann::json::array();
  for (const Block& b : p.blocks) blocks.push_back(BlockToJson(b));
  nlohmann::json ocr = nlohmann::json::array();
  for (const ConfidenceSpan& s : p.ocr_confidence) ocr.push_back({s.begin, s.end, s.confidence});
  nlohmann::json j = {{"number", p.number},    {"first_line", p.first_line},
                      {"blocks", blocks},      {"furniture", p.furniture},
                      {"ocr", p.ocr},          {"ocr_confidence", ocr},
                      {"warnings", p.warnings}};
  if (p.width > 0 && p.height > 0) j["size"] = {Round(p.width), Round(p.height)};
  return j;
}

Result<Page> PageFromJson(const nlohmann::json& j, std::string text) {
  return Parse<Page>("page", [&] {
    Page p;
    p.text = std::move(text);
    p.number = j.at("number").get<int>();
    p.first_line = j.value("first_line", 0);
    if (j.contains("size")) {
      p.width = j.at("size").at(0).get<double>();
      p.height = j.at("size").at(1).get<double>();
    }
    for (const auto& b : j.at("blocks")) {
      Block block = BlockFromJson(b);
      if (block.begin > block.end || block.end > p.text.size()) {
        throw nlohmann::json::other_error::create(501, "block outside its page", &b);
      }
      p.blocks.push_back(block);
    }
    p.furniture = j.value("furniture", std::vector<std::string>{});
    p.ocr = j.value("ocr", false);
    if (j.contains("ocr_confidence")) {
      for (const auto& s : j["ocr_confidence"]) {
        p.ocr_confidence.push_back(
            {s.at(0).get<size_t>(), s.at(1).get<size_t>(), s.at(2).get<double>()});
      }
    }
    p.warnings = j.value("warnings", std::vector<std::string>{});
    return p;
  });
}

nlohmann::json DocumentToJson(const Document& d) {
  nlohmann::json pages = nlohmann::json::array();
  for (const Page& p : d.pages) {
    nlohmann::json pj = PageToJson(p);
    pj["text"] = p.text;
    pages.push_back(std::move(pj));
  }
  nlohmann::json tables = nlohmann::json::array();
  for (const Table& t : d.tables) tables.push_back({{"caption", t.caption}, {"header", t.header}});
  const DocumentInfo& i = d.info;
  return {{"info",
           {{"id", i.id},
            {"source", i.source},
            {"media_type", i.media_type},
            {"title", i.title},
            {"country", i.country},
            {"period", {i.period.start, i.period.end}}}},
          {"pages", pages},
          {"tables", tables},
          {"warnings", d.warnings}};
}

Result<Document> DocumentFromJson(const nlohmann::json& j) {
  Document d;
  Status bad;
  Result<bool> ok = Parse<bool>("document", [&] {
    const auto& i = j.at("info");
    d.info.id = i.at("id").get<std::string>();
    d.info.source = i.value("source", "");
    d.info.media_type = i.value("media_type", "");
    d.info.title = i.value("title", "");
    d.info.country = i.value("country", "");
    d.info.period.start = i.at("period").at(0).get<std::string>();
    d.info.period.end = i.at("period").at(1).get<std::string>();
    for (const auto& pj : j.at("pages")) {
      Result<Page> p = PageFromJson(pj, pj.at("text").get<std::string>());
      if (!p.ok()) {
        bad = p.status();
        return false;
      }
      d.pages.push_back(std::move(p.value()));
    }
    for (const auto& t : j.value("tables", nlohmann::json::array())) {
      d.tables.push_back({t.at("caption").get<std::vector<std::string>>(),
                          t.at("header").get<std::vector<std::string>>()});
    }
    d.warnings = j.value("warnings", std::vector<std::string>{});
    return true;
  });
  if (!ok.ok()) return ok.status();
  if (!bad.ok()) return bad;
  return d;
}

nlohmann::json ExtractionToJson(const Extraction& x) {
  nlohmann::json mentions = nlohmann::json::array();
  for (const PlacedMention& m : x.mentions) {
    mentions.push_back({{"type", m.type},
                        {"text", m.text},
                        {"value", m.value},
                        {"page", m.page},
                        {"start", m.start},
                        {"end", m.end},
                        {"byte_start", m.byte_start},
                        {"byte_end", m.byte_end},
                        {"confidence", m.confidence},
                        {"extractor", m.extractor}});
  }
  return {{"document", DocumentToJson(x.document)},
          {"pipeline", x.pipeline},
          {"mentions", mentions},
          {"records", RecordsToJson(x.records)},
          {"warnings", x.warnings}};
}

Result<Extraction> ExtractionFromJson(const nlohmann::json& j) {
  Extraction x;
  Result<Document> d = DocumentFromJson(j.value("document", nlohmann::json::object()));
  if (!d.ok()) return d.status();
  x.document = std::move(d.value());
  Result<bool> ok = Parse<bool>("extraction", [&] {
    x.pipeline = j.at("pipeline").get<std::string>();
    for (const auto& m : j.at("mentions")) {
      PlacedMention pm;
      pm.type = m.at("type").get<std::string>();
      pm.text = m.at("text").get<std::string>();
      pm.value = m.at("value");
      pm.page = m.at("page").get<int>();
      pm.start = m.at("start").get<size_t>();
      pm.end = m.at("end").get<size_t>();
      pm.byte_start = m.at("byte_start").get<size_t>();
      pm.byte_end = m.at("byte_end").get<size_t>();
      pm.confidence = m.at("confidence").get<double>();
      pm.extractor = m.at("extractor").get<std::string>();
      x.mentions.push_back(std::move(pm));
    }
    x.warnings = j.value("warnings", std::vector<std::string>{});
    return true;
  });
  if (!ok.ok()) return ok.status();
  Result<std::vector<Record>> records =
      RecordsFromJson(j.value("records", nlohmann::json::array()));
  if (!records.ok()) return Corrupt("extraction: " + records.status().message());
  x.records = std::move(records.value());
  return x;
}

}  // namespace acervo
