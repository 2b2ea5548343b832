// plugin_library.h — opening a plugin's shared library with Boost.DLL and checking its API
// version before anything else of it runs. Shared by the extractor and loader hosts.
#ifndef ACERVO_CORE_PLUGIN_PLUGIN_LIBRARY_H_
#define ACERVO_CORE_PLUGIN_PLUGIN_LIBRARY_H_

#include <boost/dll/shared_library.hpp>
#include <filesystem>
#include <memory>

#include "acervo/status.h"
#include "plugin/plugin_host.h"  // Binding

namespace acervo {

// What kind of plugin a library claims to be: the symbols it must export and the version.
struct PluginAbi {
  const char* version_symbol;  // "acervo_plugin_api_version"
  const char* factory_symbol;  // "acervo_plugin_create"
  int version;                 // what this acervo provides
  const char* api_name;        // N_("plugin API"), for messages
};

// Loads `file` (RTLD_LOCAL), checks both symbols and the version. Errors name
// the file: "x.so: plugin built for plugin API version 1, but this acervo provides 2; ...".
Result<std::shared_ptr<boost::dll::shared_library>> OpenPluginLibrary(
    const std::filesystem::path& file, const PluginAbi& abi, Binding binding = Binding::kNow);

}  // namespace acervo

#endif  // ACERVO_CORE_PLUGIN_PLUGIN_LIBRARY_H_
