// schema.h — (SQLite store internals) the store's tables, as numbered migrations applied in
// order on open. PRAGMA user_version holds the number of migrations applied.
#ifndef ACERVO_CORE_STORE_SCHEMA_H_
#define ACERVO_CORE_STORE_SCHEMA_H_

#include <sqlite3.h>

#include "acervo/status.h"

namespace acervo::store {

// The schema version of the open database; -1 when it cannot be read.
int SchemaVersion(sqlite3* db);

// Applies the migrations the database lacks, each in its own transaction. VersionMismatch
// for a database newer than this acervo.
Status Migrate(sqlite3* db);

}  // namespace acervo::store

#endif  // ACERVO_CORE_STORE_SCHEMA_H_
