#include "pipeline/pipeline.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>

#include "i18n/i18n.h"
#include "util/paths.h"

namespace acervo {
namespace {

// YAML scalars become JSON numbers, booleans or strings as they read.
nlohmann::json ToJson(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence: {
      nlohmann::json a = nlohmann::json::array();
      for (const auto& item : node) a.push_back(ToJson(item));
      return a;
    }
    case YAML::NodeType::Map: {
      nlohmann::json o = nlohmann::json::object();
      for (const auto& kv : node) o[kv.first.as<std::string>()] = ToJson(kv.second);
      return o;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = node.Scalar();
      if (node.Tag() == "!") return s;  // quoted
      long long i;
      double d;
      bool b;
      if (YAML::convert<long long>::decode(node, i)) return i;
      if (YAML::convert<double>::decode(node, d)) return d;
      if (YAML::convert<bool>::decode(node, b)) return b;
      return s;
    }
    default:
      return nullptr;
  }
}

}  // namespace

std::vector<std::filesystem::path> PipelineSearchPath() {
  std::vector<std::filesystem::path> path;
  if (const char* env = std::getenv("ACERVO_PIPELINE_PATH")) {
    for (const std::string& dir : SplitPathList(env)) path.emplace_back(dir);
  }
  std::filesystem::path exe_dir = ExecutableDir();
  if (!exe_dir.empty()) {
    path.push_back(exe_dir / "pipelines");
    path.push_back(exe_dir.parent_path() / "share" / "acervo" / "pipelines");
  }
  return path;
}

Result<Pipeline> ParsePipeline(const std::string& yaml, const std::filesystem::path& file) {
  const std::string where = file.string();
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    return InvalidArgument(where + ": not valid YAML: " + e.what());
  }
  if (!root.IsMap()) return InvalidArgument(where + ": a pipeline must be a YAML mapping");
  nlohmann::json j;
  try {
    j = ToJson(root);
  } catch (const YAML::Exception& e) {  // a key that is not a scalar ("? [a, b]: c")
    return InvalidArgument(where + ": a mapping key is not plain text: " + e.what());
  }
  Pipeline p;
  p.file = file;
  try {
    if (!j.contains("name") || !j["name"].is_string()) {
      return InvalidArgument(where + ": missing 'name'");
    }
    p.name = j["name"].get<std::string>();
    if (j.contains("version")) p.version = j["version"].get<int>();
    if (j.contains("description")) p.description = j["description"].get<std::string>();
    if (j.contains("loader") && j["loader"].contains("ocr")) {
      p.ocr = j["loader"]["ocr"].get<std::string>();
    }
    if (!j.contains("extractors") || !j["extractors"].is_array()) {
      return InvalidArgument(where + ": missing 'extractors' (a list of {plugin: NAME})");
    }
    for (const auto& step : j["extractors"]) {
      if (step.is_string()) {
        p.extractors.push_back({step.get<std::string>(), nullptr});
      } else if (step.is_object() && step.contains("plugin")) {
        p.extractors.push_back({step["plugin"].get<std::string>(),
                                step.contains("params") ? step["params"] : nlohmann::json()});
      } else {
        return InvalidArgument(where + ": each extractor needs 'plugin: NAME'");
      }
    }
    if (j.contains("records") && j["records"].is_object()) {
      p.records = j["records"];
      if (p.records.contains("review_threshold")) {
        p.review_threshold = p.records["review_threshold"].get<double>();
      }
    }
  } catch (const nlohmann::json::exception& e) {
    return InvalidArgument(where + ": a field has the wrong type: " + e.what());
  }
  return p;
}

Result<Pipeline> LoadPipeline(const std::string& name_or_file, const Env& env) {
  auto is_file = [&](const std::filesystem::path& f) {
    return env.FileExists(f) && !env.IsDirectory(f);
  };
  std::filesystem::path file;
  if (name_or_file.find('/') != std::string::npos || name_or_file.ends_with(".yaml") ||
      name_or_file.ends_with(".yml")) {
    file = name_or_file;
    if (!is_file(file)) {
      return NotFound(_f("{}: no such pipeline file", name_or_file));
    }
  } else {
    std::string looked;
    for (const auto& dir : PipelineSearchPath()) {
      std::filesystem::path candidate = dir / (name_or_file + ".yaml");
      if (is_file(candidate)) {
        file = candidate;
        break;
      }
      looked += (looked.empty() ? "" : ", ") + dir.string();
    }
    if (file.empty()) {
      return NotFound("unknown pipeline '" + name_or_file + "' (looked in: " + looked +
                      "; set ACERVO_PIPELINE_PATH or give a .yaml file)");
    }
  }
  Result<std::string> yaml = env.ReadFile(file);
  if (!yaml.ok()) return yaml.status();
  return ParsePipeline(*yaml, file);
}

}  // namespace acervo
