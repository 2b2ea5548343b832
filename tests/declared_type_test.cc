// A mention type core has never heard of, carried end to end by the `acervo` binary only
// because a plugin declares it: test-good (tests/plugins/test_plugins.cc) emits "probe",
// declared to fill the records' "probes" and compared by its "word". Records, corrections,
// CSV columns, the exported record's schema and `acervo eval` (scores and --diff) pick it
// up; nothing in core/ names it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "export/schema_validator.h"
#include "test_util.h"

namespace acervo {
namespace {

using nlohmann::json;
using test::Quote;
using test::RunCommand;
using ::testing::Contains;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class DeclaredTypeTest : public ::testing::Test {
 protected:
  DeclaredTypeTest() {
    // The default pipeline with test-good added, its lexicons found where they are.
    std::ifstream in(ACERVO_SOURCE_DIR "/pipelines/default.yaml");
    std::stringstream yaml;
    yaml << in.rdbuf();
    std::string pipeline = yaml.str();
    pipeline.replace(pipeline.find("  - plugin: es-ods\n"), 19,
                     "  - plugin: es-ods\n  - plugin: test-good\n");
    for (size_t at; (at = pipeline.find(" lexicons/")) != std::string::npos;) {
      pipeline.replace(at + 1, 8, ACERVO_SOURCE_DIR "/pipelines/lexicons");
    }
    dir_.Write("probe.yaml", pipeline);
    dir_.Write("docs/informe.md",
               "# Informe de actividades 2024\n\n"
               "## Foro regional del acervo documental\n\n"
               "El 14 de marzo de 2024 la Secretaría de Cultura presentó el acervo en el foro "
               "regional.\n");
  }
  test::RunResult Acervo(const std::string& args) {
    return RunCommand("cd " + Quote(dir_.path()) +
                      " && ACERVO_PLUGIN_PATH=" + Quote(ACERVO_TEST_PLUGIN_DIR) +
                      " ACERVO_STORE=store.db " + Quote(ACERVO_BINARY) + " " + args);
  }
  test::TempDir dir_;
};

TEST_F(DeclaredTypeTest, RecordsCorrectionsExportAndEvalPickItUp) {
  // Records: the passage's probes, one per declared key ("acervo" twice is one value).
  auto extracted = Acervo("extract docs/informe.md --pipeline probe.yaml 2>/dev/null");
  ASSERT_EQ(extracted.exit_code, 0) << extracted.output;
  json x = json::parse(extracted.output);
  ASSERT_EQ(x["records"].size(), 1u) << x.dump(2);
  EXPECT_EQ(x["records"][0]["probes"], json::parse(R"([{"word": "acervo"}])"));

  // Corrections: a reviewer changes a probe; a list no plugin declared is refused.
  ASSERT_EQ(Acervo("ingest docs --pipeline probe.yaml 2>&1").exit_code, 0);
  auto listed = Acervo("review list --status all --format json 2>/dev/null");
  ASSERT_EQ(listed.exit_code, 0) << listed.output;
  std::string id = json::parse(listed.output).at(0)["id"];
  auto set = Acervo("review set " + id + " probes/0/word fondo --reviewer eva 2>&1");
  EXPECT_EQ(set.exit_code, 0) << set.output;
  auto refused = Acervo("review set " + id + " sondas/- '{\"word\": \"x\"}' --reviewer eva 2>&1");
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_THAT(refused.output, HasSubstr("sondas/-: the record has no such field"));

  // Export: the declared column, with the reviewed value.
  auto csv = Acervo("export --format csv --pipeline probe.yaml 2>/dev/null");
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  std::string header = csv.output.substr(0, csv.output.find("\r\n"));
  EXPECT_THAT(header, EndsWith(",orphaned,probes.word"));
  EXPECT_THAT(csv.output, HasSubstr(",fondo\r\n"));

  // Schema: the pipeline's record schema admits the declared field, so the JSON export
  // validates; the shipped schema alone (additionalProperties: false) refuses it.
  auto schema_out = Acervo("export --schema --pipeline probe.yaml 2>/dev/null");
  ASSERT_EQ(schema_out.exit_code, 0) << schema_out.output;
  json schema = json::parse(schema_out.output);
  EXPECT_EQ(schema["properties"]["probes"]["items"]["required"], json::array({"word"}));
  auto exported = Acervo("export --format json 2>/dev/null");
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  json records = json::parse(exported.output);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["probes"], json::parse(R"([{"word": "fondo"}])"));
  EXPECT_THAT(test::Validate(schema, records[0]), IsEmpty());
  std::ifstream shipped(ACERVO_SOURCE_DIR "/schemas/record.schema.json");
  EXPECT_THAT(test::Validate(json::parse(shipped), records[0]),
              Contains(HasSubstr("property 'probes' is not in the schema")));

  // Report: the records carrying probes.
  auto report = Acervo("report 2>/dev/null");
  ASSERT_EQ(report.exit_code, 0) << report.output;
  EXPECT_THAT(report.output, HasSubstr("By the plugins' own mention types"));

  // Eval: gold probes scored by the declared key.
  dir_.Write("gold/informe.json", R"({"doc": "informe.md", "mentions": [
      {"type": "probe", "text": "acervo", "value": {"word": "acervo"}},
      {"type": "probe", "text": "acervo", "value": {"word": "acervo"}},
      {"type": "probe", "text": "fondo", "value": {"word": "fondo"}}], "records": []})");
  auto eval = Acervo(
      "eval --gold gold --run --source docs --pipeline probe.yaml --json "
      "2>/dev/null");
  ASSERT_EQ(eval.exit_code, 0) << eval.output;
  json probe = json::parse(eval.output)["micro"]["declared"]["probe"];
  EXPECT_EQ(probe["tp"], 2) << probe.dump();
  EXPECT_EQ(probe["fn"], 1) << probe.dump();
  EXPECT_EQ(probe["fp"], 0) << probe.dump();

  // Eval --diff: the probe the run missed, under its type's name (JSON: category "declared").
  auto diff =
      Acervo("eval --gold gold --run --source docs --pipeline probe.yaml --diff 2>/dev/null");
  ASSERT_EQ(diff.exit_code, 0) << diff.output;
  EXPECT_THAT(diff.output, HasSubstr("MISS   probe"));
  EXPECT_THAT(diff.output, HasSubstr("\"fondo\" fondo"));
  auto diff_json = Acervo(
      "eval --gold gold --run --source docs --pipeline probe.yaml --json --diff 2>/dev/null");
  ASSERT_EQ(diff_json.exit_code, 0) << diff_json.output;
  json diff_report = json::parse(diff_json.output), missed;
  for (const json& item : diff_report["documents"][0]["diff"]) {
    if (item.value("type", "") == "probe") missed = item;
  }
  EXPECT_EQ(missed.value("kind", ""), "missed") << missed.dump();
  EXPECT_EQ(missed.value("category", ""), "declared") << missed.dump();
  EXPECT_EQ(missed.value("value", ""), "fondo") << missed.dump();
}

}  // namespace
}  // namespace acervo
