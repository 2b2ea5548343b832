// bundled_loader.h — what the loader plugins bundled with acervo (plugins/load-*) say about
// themselves, beyond their name, description and the types they read.
#ifndef ACERVO_CORE_LOAD_BUNDLED_LOADER_H_
#define ACERVO_CORE_LOAD_BUNDLED_LOADER_H_

#include <string>
#include <utility>
#include <vector>

#include "acervo/loader_plugin.h"
#include "acervo/message_mark.h"  // N_() for the descriptions

namespace acervo {

inline LoaderInfo BundledLoaderInfo(std::string name, std::string description,
                                    std::vector<MediaTypeClaim> reads) {
  LoaderInfo info;
  info.name = std::move(name);
  info.version = "1.0.0";
  info.description = std::move(description);
  info.license = "same as acervo";
  info.origin = "bundled with acervo";
  info.reads = std::move(reads);
  return info;
}

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_BUNDLED_LOADER_H_
