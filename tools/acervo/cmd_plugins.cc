// acervo plugins — what extractors and loaders are installed, what each does, and where it
// lives.
#include <iostream>
#include <nlohmann/json.hpp>

#include "command.h"
#include "i18n/i18n.h"
#include "plugin/loader_host.h"
#include "plugin/plugin_host.h"

namespace acervo::cli {
namespace {

struct Options {
  bool json = false;
};

// A loader plugin's entry: what it reads. False when it did not load.
bool AddLoader(const std::filesystem::path& file, nlohmann::json* list) {
  Result<std::unique_ptr<LoadedLoader>> l = LoadLoaderPlugin(file);
  if (!l.ok()) {
    list->push_back({{"path", file.string()}, {"error", l.status().message()}});
    return false;
  }
  const LoaderInfo& info = (*l)->info();
  nlohmann::json reads = nlohmann::json::array();
  for (const MediaTypeClaim& c : info.reads) {
    reads.push_back(
        {{"media_type", c.media_type}, {"priority", c.priority}, {"extensions", c.extensions}});
  }
  list->push_back({{"kind", "loader"},
                   {"name", info.name},
                   {"version", info.version},
                   {"description", info.description},
                   {"license", info.license},
                   {"origin", info.origin},
                   {"reads", reads},
                   {"path", file.string()}});
  return true;
}

// "application/pdf, text/plain" or "date, amount": what a listed plugin reads or emits.
std::string Handles(const nlohmann::json& p) {
  std::string out;
  if (p["kind"] == "loader") {
    for (const auto& r : p["reads"]) {
      out += (out.empty() ? "" : ", ") + r["media_type"].get<std::string>();
    }
  } else {
    for (const auto& t : p["mention_types"]) {
      out += (out.empty() ? "" : ", ") + t["name"].get<std::string>();
    }
  }
  return out;
}

int RunPlugins(const Options& o) {
  std::vector<std::filesystem::path> search = PluginSearchPath();
  nlohmann::json list = nlohmann::json::array();
  int failed = 0;
  for (const auto& file : DiscoverPlugins(search)) {
    if (IsLoaderPluginFile(file)) {
      failed += AddLoader(file, &list) ? 0 : 1;
      continue;
    }
    Result<std::unique_ptr<LoadedPlugin>> p = LoadPlugin(file);
    if (!p.ok()) {
      ++failed;
      list.push_back({{"path", file.string()}, {"error", p.status().message()}});
      continue;
    }
    const PluginInfo& info = (*p)->info();
    nlohmann::json types = nlohmann::json::array();
    for (const MentionTypeInfo& t : info.mention_types) {
      types.push_back({{"name", t.name},
                       {"record_field", t.record_field},
                       {"key", t.key},
                       {"columns", t.columns}});
    }
    list.push_back({{"kind", "extractor"},
                    {"name", info.name},
                    {"version", info.version},
                    {"description", info.description},
                    {"mention_types", types},
                    {"path", file.string()}});
  }
  if (o.json) {
    std::cout << list.dump(2) << "\n";
  } else if (list.empty()) {
    std::string searched;
    for (const auto& d : search) searched += " " + d.string();
    std::cerr << "acervo: "
              << _f("no plugins found; searched:{} (set ACERVO_PLUGIN_PATH)", searched) << "\n";
    return kExitFailure;
  } else {
    for (const auto& p : list) {
      if (p.contains("error")) {
        std::cout << "!! " << p["path"].get<std::string>() << "\n   "
                  << p["error"].get<std::string>() << "\n";
        continue;
      }
      // A bundled plugin's description is marked for the catalogs (acervo/message_mark.h).
      std::string description = p["description"].get<std::string>();
      std::string prefix = p["kind"] == "loader" ? std::string(_("loader")) + " " : "";
      std::cout << prefix << p["name"].get<std::string>() << " " << p["version"].get<std::string>()
                << "  [" << Handles(p) << "]\n   " << _(description.c_str()) << "\n   "
                << p["path"].get<std::string>() << "\n";
    }
  }
  return failed == 0 ? kExitOk : kExitFailure;
}

Registration reg(
    {"plugins", N_("List the extractor and loader plugins acervo finds, and any that fail to load"),
     10, [](CLI::App& app) -> RunFn {
       auto o = std::make_shared<Options>();
       app.add_flag("--json", o->json, _("Print the list as JSON"));
       app.footer(
           _("Plugins are searched in ACERVO_PLUGIN_PATH, the build's plugins/ "
             "folder and <prefix>/lib/acervo/plugins."));
       return [o] { return RunPlugins(*o); };
     }});

}  // namespace
}  // namespace acervo::cli
