// Store::Open and the store's location: which engine a location names, and how messages
// show it (store.h).
#include "store/store.h"

#include <cstdlib>

#include "i18n/i18n.h"
#include "store/pg_module.h"
#include "store/pg_uri.h"
#include "store/sqlite_store.h"
#include "util/modules.h"

namespace acervo {

std::filesystem::path DefaultStorePath(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("ACERVO_STORE"); env && *env) return env;
  return "acervo.db";
}

bool IsPostgresLocation(const std::filesystem::path& location) {
  return store::IsPostgresUri(location.string());
}

std::string StoreDisplayName(const std::filesystem::path& location) {
  const std::string s = location.string();
  return store::IsPostgresUri(s) ? store::RedactPostgresUri(s) : s;
}

Result<std::unique_ptr<Store>> Store::Open(const std::filesystem::path& location, const Env& env) {
  const std::string s = location.string();
  if (store::IsPostgresUri(s)) return store::OpenPgStoreModule(s, env);
  return store::SqliteStore::Open(location, env);
}

Result<std::unique_ptr<Store>> Store::OpenExisting(const std::filesystem::path& location,
                                                   const Env& env) {
  if (!store::IsPostgresUri(location.string()) && !env.FileExists(location)) {
    return NotFound(
        _f("{}: no such store (run 'acervo ingest' first, or pass --store)", location.string()));
  }
  return Open(location, env);
}

namespace store {

Result<std::unique_ptr<Store>> OpenPgStoreModule(const std::string& uri, const Env& env) {
  const ModuleSymbol module = LoadModuleSymbol(kPgModuleFile, kPgStoreFactorySymbol);
  if (module.address == nullptr) {
    return Unsupported(
        _f("{}: the PostgreSQL store needs the module {}, which this installation lacks ({}); "
           "install the acervo package again, or `cmake --install` the build",
           RedactPostgresUri(uri), kPgModuleFile, module.error));
  }
  return reinterpret_cast<PgStoreFactory*>(module.address)(uri, env, CurrentLanguage());
}

}  // namespace store
}  // namespace acervo
