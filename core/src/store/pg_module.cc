// The entry of the module store-postgres.so (pg_module.h): PgStore::Open behind one symbol.
#include "store/pg_module.h"

#include <type_traits>

#include "acervo/plugin_export.h"
#include "i18n/i18n.h"
#include "store/pg_store.h"

ACERVO_PLUGIN_CXX_RETURN_BEGIN_
extern "C" __attribute__((visibility("default"))) acervo::Result<std::unique_ptr<acervo::Store>>
acervo_pg_store_open(const std::string& uri, const acervo::Env& env, acervo::Language language) {
  if (acervo::CurrentLanguage() != language) acervo::SetLanguage(language);
  auto store = acervo::store::PgStore::Open(uri, env);
  if (!store.ok()) return store.status();
  return std::unique_ptr<acervo::Store>(std::move(*store));
}
ACERVO_PLUGIN_CXX_RETURN_END_
static_assert(std::is_same_v<decltype(acervo_pg_store_open), acervo::store::PgStoreFactory>);
