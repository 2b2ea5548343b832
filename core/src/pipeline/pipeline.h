// pipeline.h — a pipeline definition: which loader options, which extractors with which
// parameters, and how records are assembled and reviewed. Pipelines are YAML files:
//
//   name: informe-actividades      # id in output: name@version
//   version: 1
//   description: ...
//   loader: {ocr: auto}
//   extractors:
//     - plugin: es-date
//     - plugin: es-institution
//       params: {gazetteers: [my-orgs.tsv]}
//   records: {review_threshold: 0.6}   # plus options the record assembler documents
//
// A pipeline is found by name in ACERVO_PIPELINE_PATH, then the pipelines folder beside the
// executable (build tree) and <prefix>/share/acervo/pipelines; or given as a file path.
#ifndef ACERVO_CORE_PIPELINE_PIPELINE_H_
#define ACERVO_CORE_PIPELINE_PIPELINE_H_

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "acervo/status.h"
#include "io/env.h"

namespace acervo {

struct PipelineStep {
  std::string plugin;
  nlohmann::json params;  // null when none
};

struct Pipeline {
  std::string name;
  int version = 1;
  std::string description;
  std::filesystem::path file;
  std::string ocr = "auto";
  std::vector<PipelineStep> extractors;
  double review_threshold = 0.6;
  nlohmann::json records = nlohmann::json::object();  // the whole `records:` section

  std::string id() const { return name + "@" + std::to_string(version); }
};

std::vector<std::filesystem::path> PipelineSearchPath();

// Finds and parses a pipeline; `name_or_file` is a name ("default") or a path to a YAML file.
Result<Pipeline> LoadPipeline(const std::string& name_or_file, const Env& env = Env::Default());

// Parses YAML text; `file` is only used in messages.
Result<Pipeline> ParsePipeline(const std::string& yaml, const std::filesystem::path& file);

}  // namespace acervo

#endif  // ACERVO_CORE_PIPELINE_PIPELINE_H_
