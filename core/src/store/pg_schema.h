// pg_schema.h — (PostgreSQL store internals) the store's tables in PostgreSQL, as numbered
// migrations applied in order on open; the table acervo_schema holds the number applied.
// The versions are the SQLite store's (schema.cc): version N has the same tables in both.
//
// Safe when many workers open the store at once: migrating takes a transaction-scoped
// advisory lock, so one migrates and the others find the schema current.
#ifndef ACERVO_CORE_STORE_PG_SCHEMA_H_
#define ACERVO_CORE_STORE_PG_SCHEMA_H_

#include "acervo/status.h"
#include "store/pg_connection.h"

namespace acervo::store {

// The schema version of the database; 0 for an empty database.
Result<int> PgSchemaVersion(PgConnection& db);

// Applies the migrations the database lacks, all in one transaction (PostgreSQL's DDL is
// transactional). VersionMismatch for a database newer than this acervo.
Status PgMigrate(PgConnection& db);

}  // namespace acervo::store

#endif  // ACERVO_CORE_STORE_PG_SCHEMA_H_
