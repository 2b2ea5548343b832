// acervo ingest — extract documents (files, folders walked recursively, @lists of paths) and
// store them. A document already stored by the same pipeline is skipped, so running the same
// command twice stores each document once; a failed document is recorded with its reason and
// the others go on.
#include <algorithm>
#include <fstream>
#include <iostream>

#include "command.h"
#include "engine_options.h"
#include "io/file_system.h"
#include "load/loader.h"
#include "store/store.h"
#include "util/sha256.h"

namespace acervo::cli {
namespace {

struct Options {
  std::vector<std::string> paths;
  std::string store;
  EngineFlags flags;
};

struct Inputs {
  std::vector<std::filesystem::path> documents;
  std::vector<std::string> errors;  // paths that do not exist, unreadable lists
  int unsupported = 0;              // files in folders that are not documents
};

void AddPath(const std::string& arg, Inputs* in) {
  if (arg.size() > 1 && arg[0] == '@') {
    std::ifstream list(arg.substr(1));
    if (!list) {
      in->errors.push_back(arg.substr(1) + ": cannot read the list of paths");
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
      if (IsSupportedExtension(it->path())) found.push_back(it->path());
      else ++in->unsupported;
    }
    if (ec) in->errors.push_back(arg + ": cannot walk the folder: " + ec.message());
    std::sort(found.begin(), found.end());
    in->documents.insert(in->documents.end(), found.begin(), found.end());
  } else if (std::filesystem::exists(p, ec)) {
    in->documents.push_back(p);
  } else {
    in->errors.push_back(arg + ": no such file or folder");
  }
}

int RunIngest(const Options& o) {
  Inputs in;
  for (const std::string& p : o.paths) AddPath(p, &in);
  for (const std::string& e : in.errors) std::cerr << "acervo: " << e << "\n";
  if (in.documents.empty()) {
    return in.errors.empty() ? Fail("no documents (.pdf, .txt, .md) found in the given paths")
                             : kExitFailure;  // each bad path was named above
  }

  std::filesystem::path store_path = DefaultStorePath(o.store);
  Result<std::unique_ptr<Store>> store = Store::Open(store_path);
  if (!store.ok()) return Fail(store.status().message());
  Result<std::unique_ptr<Engine>> engine = Engine::Open(o.flags.engine);
  if (!engine.ok()) return Fail(engine.status().message());
  const std::string pipeline = (*engine)->PipelineId();

  int stored = 0, skipped = 0, failed = 0;
  int64_t pages = 0, records = 0, needs_review = 0;
  for (const auto& file : in.documents) {
    const std::string source = file.string();
    auto record_failure = [&](const Status& s, const std::string& sha) {
      ++failed;
      std::cerr << "acervo: " << s.message() << "\n";
      Status w = (*store)->PutFailure({source, sha, CodeName(s.code()), s.message(), ""});
      if (!w.ok()) std::cerr << "acervo: " << store_path.string() << ": " << w.message() << "\n";
    };
    Result<std::string> bytes = FileSystem::Default().ReadFile(file);
    if (!bytes.ok()) {
      record_failure(bytes.status(), "");
      continue;
    }
    std::string sha = Sha256Hex(*bytes);
    Result<bool> have = (*store)->HasDocument("sha256:" + sha, pipeline);
    if (!have.ok()) return Fail(store_path.string() + ": " + have.status().message());
    if (*have) {
      ++skipped;
      continue;
    }
    Result<Extraction> x = (*engine)->ProcessBytes(*bytes, source, o.flags.overrides);
    if (!x.ok()) {
      record_failure(x.status(), sha);
      continue;
    }
    Status s = (*store)->PutExtraction(*x);
    if (!s.ok()) return Fail(store_path.string() + ": " + s.message() + " (while storing " + source + ")");
    ++stored;
    pages += static_cast<int64_t>(x->document.pages.size());
    records += static_cast<int64_t>(x->records.size());
    for (const auto& r : x->records) needs_review += r.value("status", "") == "needs_review";
  }

  std::cerr << "acervo: " << stored << " stored, " << skipped << " already stored, " << failed
            << " failed";
  if (in.unsupported > 0) std::cerr << ", " << in.unsupported << " other files skipped";
  std::cerr << "; " << pages << " pages, " << records << " records (" << needs_review
            << " need review) -> " << store_path.string() << "\n";
  if (failed > 0) std::cerr << "acervo: see 'acervo failures' for the reasons\n";
  if (stored + skipped == 0) return kExitFailure;
  return failed > 0 || !in.errors.empty() ? kExitPartial : kExitOk;
}

Registration reg({"ingest", "Extract documents and store them (skipping those already stored)", 40,
                  [](CLI::App& app) -> RunFn {
                    auto o = std::make_shared<Options>();
                    app.add_option("PATH", o->paths,
                                   "Files, folders (walked recursively: .pdf, .txt, .md) or "
                                   "@list.txt files naming one path a line")
                        ->required();
                    app.add_option("--store", o->store,
                                   "Store file (default: $ACERVO_STORE, else ./acervo.db)");
                    o->flags.AddTo(app);
                    app.footer(
                        "Exit status: 0 all stored or already stored; 3 some documents failed "
                        "(each is listed, and kept in 'acervo failures'); 1 nothing could be "
                        "stored.");
                    return [o] { return RunIngest(*o); };
                  }});

}  // namespace
}  // namespace acervo::cli
