// Store::Open and the store's location: which engine a location names, and how messages
// show it (store.h).
#include "store/store.h"

#include <cstdlib>

#include "i18n/i18n.h"
#include "store/pg_connection.h"
#include "store/pg_store.h"
#include "store/sqlite_store.h"

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
  if (store::IsPostgresUri(s)) {
    Result<std::unique_ptr<store::PgStore>> pg = store::PgStore::Open(s, env);
    if (!pg.ok()) return pg.status();
    return std::unique_ptr<Store>(std::move(*pg));
  }
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

}  // namespace acervo
