#include "input_paths.h"

#include <algorithm>
#include <fstream>

#include "i18n/i18n.h"
#include "load/loader.h"

namespace acervo::cli {

void AddPath(const std::string& arg, Inputs* in) {
  if (arg.size() > 1 && arg[0] == '@') {
    std::ifstream list(arg.substr(1));
    if (!list) {
      in->errors.push_back(_f("{}: cannot read the list of paths", arg.substr(1)));
      return;
    }
    for (std::string line; std::getline(list, line);) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (!line.empty() && line[0] != '#') AddPath(line, in);
    }
    return;
  }
  std::filesystem::path p(arg);
  std::error_code ec;
  if (std::filesystem::is_directory(p, ec)) {
    std::vector<std::filesystem::path> found;
    auto it = std::filesystem::recursive_directory_iterator(
        p, std::filesystem::directory_options::skip_permission_denied, ec);
    for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      if (PickWhenWalking(it->path()))
        found.push_back(it->path());
      else
        ++in->unsupported;
    }
    if (ec) in->errors.push_back(_f("{}: cannot walk the folder: {}", arg, ec.message()));
    std::sort(found.begin(), found.end());
    in->documents.insert(in->documents.end(), found.begin(), found.end());
  } else if (std::filesystem::exists(p, ec)) {
    in->documents.push_back(p);
  } else {
    in->errors.push_back(_f("{}: no such file or folder", arg));
  }
}

}  // namespace acervo::cli
