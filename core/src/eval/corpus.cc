#include "eval/corpus.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace acervo::eval {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Result<std::vector<fs::path>> JsonFiles(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return std::vector<fs::path>{path};
  if (!fs::is_directory(path, ec)) return NotFound(path.string() + ": no such file or folder");
  std::vector<fs::path> files;
  for (const fs::directory_entry& e : fs::directory_iterator(path, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  }
  if (ec) return IoError(path.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  if (files.empty()) return NotFound(path.string() + ": no .json files");
  return files;
}

Result<std::string> ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path.string() + ": cannot open");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// One object, an array of objects, or JSON Lines.
Result<std::vector<json>> ParseDocuments(const fs::path& path, const std::string& bytes) {
  json parsed = json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_object()) return std::vector<json>{std::move(parsed)};
  if (parsed.is_array()) return std::vector<json>(parsed.begin(), parsed.end());
  std::vector<json> docs;
  std::istringstream lines(bytes);
  std::string line;
  for (int n = 1; std::getline(lines, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j = json::parse(line, nullptr, false);
    if (!j.is_object()) {
      return Corrupt(path.string() + ":" + std::to_string(n) + ": not a JSON object");
    }
    docs.push_back(std::move(j));
  }
  if (docs.empty()) return Corrupt(path.string() + ": not JSON");
  return docs;
}

}  // namespace

Result<std::vector<DocAnnotations>> ReadGoldPath(const fs::path& path, const MentionTypes& types) {
  Result<std::vector<fs::path>> files = JsonFiles(path);
  if (!files.ok()) return files.status();
  std::vector<DocAnnotations> out;
  for (const fs::path& f : *files) {
    Result<std::string> bytes = ReadAll(f);
    if (!bytes.ok()) return bytes.status();
    json j = json::parse(*bytes, nullptr, false);
    if (j.is_discarded()) return Corrupt(f.string() + ": not JSON");
    Result<DocAnnotations> gold = ReadGold(j, types);
    if (!gold.ok()) return gold.status().Prefixed(f.string());
    out.push_back(std::move(*gold));
  }
  return out;
}

Result<std::vector<DocAnnotations>> ReadPredictionPath(const fs::path& path,
                                                       const MentionTypes& types) {
  Result<std::vector<fs::path>> files = JsonFiles(path);
  if (!files.ok()) return files.status();
  std::vector<DocAnnotations> out;
  for (const fs::path& f : *files) {
    Result<std::string> bytes = ReadAll(f);
    if (!bytes.ok()) return bytes.status();
    Result<std::vector<json>> docs = ParseDocuments(f, *bytes);
    if (!docs.ok()) return docs.status();
    for (const json& d : *docs) {
      Result<DocAnnotations> pred = ReadPrediction(d, types);
      if (!pred.ok()) return pred.status().Prefixed(f.string());
      if (pred->stem.empty()) pred->stem = DocumentStem(f.string());  // no document.source
      if (pred->source.empty()) pred->source = f.string();
      out.push_back(std::move(*pred));
    }
  }
  return out;
}

bool ParseVariant(std::string_view name, Variant* variant) {
  if (name == "text")
    *variant = Variant::kText;
  else if (name == "scan")
    *variant = Variant::kScan;
  else if (name == "mixed")
    *variant = Variant::kMixed;
  else
    return false;
  return true;
}

std::optional<fs::path> FindSource(const fs::path& dir, const std::string& stem, Variant variant) {
  std::vector<std::string> names;
  switch (variant) {
    case Variant::kText:
      names = {stem + ".txt",  stem + ".md",  stem + ".pdf",
               stem + ".docx", stem + ".odt", stem + ".html"};
      break;
    case Variant::kScan:
      names = {stem + ".scan.pdf"};
      break;
    case Variant::kMixed:
      names = {stem + ".mixed.pdf"};
      break;
  }
  std::error_code ec;
  for (const std::string& n : names) {
    if (fs::is_regular_file(dir / n, ec)) return dir / n;
  }
  return std::nullopt;
}

}  // namespace acervo::eval
