// acervo/plugin.h — the contract between acervo and an extractor plugin.
//
// A plugin is a shared library that exports, through ACERVO_PLUGIN(Class), its API version
// and a factory for one Extractor. acervo loads it, refuses it when its API version is not
// kPluginApiVersion, configures it once with its data folder and pipeline parameters, and
// then, for each document, opens a Run and feeds it the document's segments in reading order.
//
// Rules for plugin authors:
//  - Spans are byte offsets into Segment::text (UTF-8, already normalized: NFC, one kind of
//    space and dash, no soft hyphens). acervo turns them into page positions.
//  - Language data (vocabularies, gazetteers) lives in files under PluginConfig::data_dir.
//  - Do not throw across this interface; return a Status. acervo catches what escapes anyway
//    and reports it with the plugin's name, and the other plugins keep running.
//  - An Extractor is shared by all threads and must be safe to use concurrently once
//    configured; a Run belongs to one document on one thread.
#ifndef ACERVO_PLUGIN_H_
#define ACERVO_PLUGIN_H_

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/plugin_export.h"
#include "acervo/segment_kind.h"
#include "acervo/status.h"

namespace acervo {

// Bumped whenever this header changes in a way that breaks plugins built against it.
// 2: PluginInfo::mention_types declares each type (MentionTypeInfo), not just its name.
//
// ABI note: like GStreamer's GstPluginDesc, these structs are read by a host that may be
// newer than the plugin. acervo refuses any plugin whose version is not kPluginApiVersion, so
// a field may be added only together with a bump; add new fields at the end of a struct, with
// a default, so that most plugin sources need only a rebuild.
inline constexpr int kPluginApiVersion = 2;

// One kind of mention a plugin emits, declared so that acervo can carry it without knowing
// it: records gather its values into `record_field`, corrections edit that list, exports give
// it columns and `acervo eval` scores it, all from this declaration (docs/writing-plugins.md).
struct MentionTypeInfo {
  std::string name;          // Mention::type: "project_code"
  std::string record_field;  // the record's list of its values: "project_codes"; "" = none
  // The value fields that say which thing a value is: two values with equal keys are the
  // same (records keep one, corrections address it, the scorer matches on it). Empty: the
  // whole value.
  std::vector<std::string> key;
  // The value fields exported as columns (CSV, text report), each as "<record_field>.<field>"
  // with a record's values joined by " | ". Empty: one column, the key.
  std::vector<std::string> columns;
};

// What a plugin says about itself (`acervo plugins` lists it).
struct PluginInfo {
  std::string name;                            // "es-date": what pipelines call it
  std::string version;                         // semver of the plugin, "1.0.0"
  std::string description;                     // one line
  std::vector<MentionTypeInfo> mention_types;  // what it emits
};

// Given once, right after loading.
struct PluginConfig {
  std::filesystem::path data_dir;  // the plugin's data folder (may not exist if it has none)
  nlohmann::json params;           // the pipeline's `params:` for this plugin (object, or null)
};

// What the document says about itself, used to resolve what a passage leaves open.
struct DocumentContext {
  std::string id;  // "sha256:<hex>"
  std::string title;
  std::string country;       // ISO 3166-1 alpha-2 ("MX", "CO"), "" when unknown
  std::string period_start;  // ISO 8601, "2020-07" or "2020" or "2020-07-01", "" when unknown
  std::string period_end;
  std::string context_date;  // YYYY-MM-DD given by the user, "" when none
};

// One passage of a document, in reading order.
struct Segment {
  std::string_view text;  // normalized UTF-8; table rows have their cells separated by '\t'
  SegmentKind kind = SegmentKind::kParagraph;
  int heading_level = 0;  // for kHeading: 1 is the top level
  int page = 1;           // 1-based page where the segment starts
  // The enclosing headings, outermost first (not including the segment itself).
  std::span<const std::string_view> headings;
  // For kTableRow: the table's caption lines (may be empty) and header cells (empty when
  // the row is itself the header row, or the table has none).
  std::span<const std::string_view> table_caption;
  std::span<const std::string_view> table_header;
  bool is_header_row = false;
};

// One thing an extractor found.
struct Mention {
  std::string type;  // "date", "amount", "institution", "ods", or the plugin's own type
  size_t begin = 0;  // byte span in Segment::text (or in RecordView::text)
  size_t end = 0;
  nlohmann::json value;   // normalized value, in the shape of the output contract
  double confidence = 1;  // in [0, 1]
};

// A record assembled by acervo, offered to extractors that infer record-level values.
struct RecordView {
  std::string_view kind;
  std::string_view title;
  std::string_view text;
  std::span<const Mention> mentions;  // what the extractors found in the record's passage
};

// One document's pass through an extractor. Sees every segment once, in reading order, and
// may remember what earlier segments said (an acronym defined on page 2, a year in a heading).
class Run {
 public:
  virtual ~Run() = default;
  virtual Status Extract(const Segment& segment, std::vector<Mention>* out) = 0;
};

class Extractor {
 public:
  virtual ~Extractor() = default;
  virtual PluginInfo Info() const = 0;
  virtual Status Configure(const PluginConfig& config) = 0;
  virtual std::unique_ptr<Run> Begin(const DocumentContext& document) const = 0;
  // Values inferred for a whole record (e.g. goals from its theme), with spans into
  // record.text. Most extractors infer nothing.
  virtual Status Infer(const DocumentContext& document, const RecordView& record,
                       std::vector<Mention>* out) const {
    (void)document, (void)record, (void)out;
    return Status::Ok();
  }
};

// The symbols a plugin exports. Resolved by name, so keep them stable.
using PluginFactory = std::unique_ptr<Extractor>();
inline constexpr const char* kApiVersionSymbol = "acervo_plugin_api_version";
inline constexpr const char* kFactorySymbol = "acervo_plugin_create";

}  // namespace acervo

// Put once in a plugin's source: ACERVO_PLUGIN(MyExtractor);
#define ACERVO_PLUGIN(ExtractorClass)                                                    \
  extern "C" __attribute__((visibility("default"))) int acervo_plugin_api_version() {    \
    return ::acervo::kPluginApiVersion;                                                  \
  }                                                                                      \
  ACERVO_PLUGIN_CXX_RETURN_BEGIN_                                                        \
  extern "C" __attribute__((visibility("default"))) std::unique_ptr<::acervo::Extractor> \
  acervo_plugin_create() {                                                               \
    return std::make_unique<ExtractorClass>();                                           \
  }                                                                                      \
  ACERVO_PLUGIN_CXX_RETURN_END_                                                          \
  static_assert(true, "require a semicolon")

#endif  // ACERVO_PLUGIN_H_
