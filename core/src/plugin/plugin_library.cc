#include "plugin/plugin_library.h"

#include <dlfcn.h>

#include <string>

namespace acervo {

Result<std::shared_ptr<boost::dll::shared_library>> OpenPluginLibrary(
    const std::filesystem::path& file, const PluginAbi& abi) {
  auto lib = std::make_shared<boost::dll::shared_library>();
  boost::dll::fs::error_code ec;
  lib->load(file, boost::dll::load_mode::rtld_local | boost::dll::load_mode::rtld_now, ec);
  if (ec) {
    const char* why = dlerror();  // Boost's message is generic; dlerror() names the symbol
    return Status(Code::kIo, file.string() + ": cannot load plugin: " +
                                 (why ? std::string(why) : ec.message()));
  }
  if (!lib->has(abi.version_symbol) || !lib->has(abi.factory_symbol)) {
    return InvalidArgument(file.string() + ": not an acervo plugin (it does not export " +
                           abi.version_symbol + " and " + abi.factory_symbol + ")");
  }
  int version = lib->get<int()>(abi.version_symbol)();
  if (version != abi.version) {
    return Status(Code::kVersionMismatch,
                  file.string() + ": plugin built for " + abi.api_name + " version " +
                      std::to_string(version) + ", but this acervo provides version " +
                      std::to_string(abi.version) + "; rebuild the plugin");
  }
  return lib;
}

}  // namespace acervo
