#include "plugin/plugin_library.h"

#include <dlfcn.h>

#include <string>

#include "i18n/i18n.h"

namespace acervo {

Result<std::shared_ptr<boost::dll::shared_library>> OpenPluginLibrary(
    const std::filesystem::path& file, const PluginAbi& abi, Binding binding) {
  auto lib = std::make_shared<boost::dll::shared_library>();
  boost::dll::fs::error_code ec;
  lib->load(file,
            boost::dll::load_mode::rtld_local |
                (binding == Binding::kNow ? boost::dll::load_mode::rtld_now
                                          : boost::dll::load_mode::rtld_lazy),
            ec);
  if (ec) {
    const char* why = dlerror();  // Boost's message is generic; dlerror() names the symbol
    return Status(Code::kIo, _f("{}: cannot load plugin: {}", file.string(),
                                why ? std::string(why) : ec.message()));
  }
  if (!lib->has(abi.version_symbol) || !lib->has(abi.factory_symbol)) {
    return InvalidArgument(_f("{}: not an acervo plugin (it does not export {} and {})",
                              file.string(), abi.version_symbol, abi.factory_symbol));
  }
  int version = lib->get<int()>(abi.version_symbol)();
  if (version != abi.version) {
    return Status(Code::kVersionMismatch,
                  _f("{}: plugin built for {} version {}, but this acervo provides version "
                     "{}; rebuild the plugin",
                     file.string(), _(abi.api_name), version, abi.version));
  }
  return lib;
}

}  // namespace acervo
