// pg_module.h — the PostgreSQL store (pg_store.h) lives in a module, store-postgres.so
// (util/modules.h), the only code that links libpq: a command given a SQLite store, or none,
// never maps libpq and what it brings (Kerberos, LDAP, GnuTLS). Store::Open loads the module
// the first time it is given a postgres:// or postgresql:// location.
//
// The module exports one factory; the module and the host are built together from this tree.
// It keeps its own copy of the code it links (messages included), so the host hands it the
// language it speaks.
#ifndef ACERVO_CORE_STORE_PG_MODULE_H_
#define ACERVO_CORE_STORE_PG_MODULE_H_

#include <memory>
#include <string>

#include "acervo/status.h"
#include "i18n/language.h"
#include "io/env.h"
#include "store/store.h"

namespace acervo::store {

inline constexpr const char* kPgModuleFile = "store-postgres.so";
inline constexpr const char* kPgStoreFactorySymbol = "acervo_pg_store_open";
// PgStore::Open (pg_store.h), speaking `language`.
using PgStoreFactory = Result<std::unique_ptr<Store>>(const std::string& uri, const Env& env,
                                                      Language language);

// Loads the module (once) and opens the store at `uri` through it. Unsupported, naming the
// module and what to install, when the module is missing or cannot be loaded.
Result<std::unique_ptr<Store>> OpenPgStoreModule(const std::string& uri, const Env& env);

}  // namespace acervo::store

#endif  // ACERVO_CORE_STORE_PG_MODULE_H_
