// pg_uri.h — what the host knows of a PostgreSQL store's location without loading the
// PostgreSQL module (pg_module.h): whether a location is one, and how messages show it.
#ifndef ACERVO_CORE_STORE_PG_URI_H_
#define ACERVO_CORE_STORE_PG_URI_H_

#include <string>

namespace acervo::store {

// "postgresql://user:secret@host/db" -> "postgresql://user:***@host/db"; also hides a
// `password=` query parameter. For every message that names the store.
std::string RedactPostgresUri(const std::string& uri);

// Whether `location` names a PostgreSQL database (a libpq URI) rather than a SQLite file.
bool IsPostgresUri(const std::string& location);

}  // namespace acervo::store

#endif  // ACERVO_CORE_STORE_PG_URI_H_
