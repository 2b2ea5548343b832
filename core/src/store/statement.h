// statement.h — (SQLite store internals) the one statement wrapper every query of the store
// runs through: a prepared statement that finalizes itself, binds by position, steps row by
// row (a cursor: nothing is buffered) and remembers the first error; plus Exec for scripts
// and a transaction that rolls back unless committed.
//
// Not for use outside store/: other modules ask the Store interface (store.h).
#ifndef ACERVO_CORE_STORE_STATEMENT_H_
#define ACERVO_CORE_STORE_STATEMENT_H_

#include <sqlite3.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "acervo/status.h"

namespace acervo::store {

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql);
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Ok until preparing or stepping failed; then the database's message.
  const Status& status() const { return error_; }

  Statement& Bind(int i, const std::string& s);
  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, double v);
  Statement& BindNullable(int i, const std::string& s);  // NULL when empty

  // True while there is a row; a failed step sets status().
  bool Next();
  // Runs a statement that returns no rows, then Reset()s it; errors are prefixed with `what`.
  Status Run(const std::string& what);
  // Ready to run again; bindings are cleared (an earlier error stays in status()).
  void Reset();

  std::string Text(int col);
  int64_t Int(int col) { return sqlite3_column_int64(stmt_, col); }
  double Real(int col) { return sqlite3_column_double(stmt_, col); }
  // The column's text as JSON: null when empty or not valid JSON.
  nlohmann::json Json(int col);

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  Status error_;
};

// Runs `sql` (one or more statements, no results).
Status Exec(sqlite3* db, const std::string& sql);

// BEGIN IMMEDIATE on construction (the write lock is taken before anything is read, so a
// check-then-insert cannot race another writer); ROLLBACK on destruction unless committed.
class Transaction {
 public:
  explicit Transaction(sqlite3* db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  const Status& status() const { return begun_; }
  Status Commit();

 private:
  sqlite3* db_;
  Status begun_;
  bool done_ = false;
};

}  // namespace acervo::store

#endif  // ACERVO_CORE_STORE_STATEMENT_H_
