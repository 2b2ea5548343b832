// acervo plugins — what extractors are installed, what each does, and where it lives.
#include <iostream>
#include <nlohmann/json.hpp>

#include "command.h"
#include "i18n/i18n.h"
#include "plugin/plugin_host.h"

namespace acervo::cli {
namespace {

struct Options {
  bool json = false;
};

int RunPlugins(const Options& o) {
  std::vector<std::filesystem::path> search = PluginSearchPath();
  nlohmann::json list = nlohmann::json::array();
  int failed = 0;
  for (const auto& file : DiscoverPlugins(search)) {
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
    list.push_back({{"name", info.name},
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
      std::string types;
      for (const auto& t : p["mention_types"]) {
        types += (types.empty() ? "" : ", ") + t["name"].get<std::string>();
      }
      std::cout << p["name"].get<std::string>() << " " << p["version"].get<std::string>()
                << "  [" << types << "]\n   " << p["description"].get<std::string>() << "\n   "
                << p["path"].get<std::string>() << "\n";
    }
  }
  return failed == 0 ? kExitOk : kExitFailure;
}

Registration reg({"plugins",
                  N_("List the extractor plugins acervo finds, and any that fail to load"), 10,
                  [](CLI::App& app) -> RunFn {
                    auto o = std::make_shared<Options>();
                    app.add_flag("--json", o->json, _("Print the list as JSON"));
                    app.footer(
                        _("Plugins are searched in ACERVO_PLUGIN_PATH, the build's plugins/ "
                          "folder and <prefix>/lib/acervo/plugins."));
                    return [o] { return RunPlugins(*o); };
                  }});

}  // namespace
}  // namespace acervo::cli
