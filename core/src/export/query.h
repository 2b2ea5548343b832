// query.h — a prepared SQLite statement for the export module's read-only queries: binds,
// steps row by row (a cursor: nothing is buffered), and can be reset to run again with new
// bindings. Finalized on destruction.
#ifndef ACERVO_CORE_EXPORT_QUERY_H_
#define ACERVO_CORE_EXPORT_QUERY_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "acervo/status.h"

namespace acervo::exporting {

class Query {
 public:
  Query(sqlite3* db, const char* sql) : db_(db) {
    ok_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) == SQLITE_OK;
    if (!ok_) error_ = IoError(sqlite3_errmsg(db));
  }
  ~Query() { sqlite3_finalize(stmt_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  // Ok until preparing or stepping failed.
  const Status& status() const { return error_; }

  Query& Bind(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // True while there is a row; a failed step sets status().
  bool Next() {
    if (!ok_) return false;
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) {
      ok_ = false;
      error_ = IoError(sqlite3_errmsg(db_));
    }
    return false;
  }
  // Ready to run again; bindings are cleared.
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string Text(int col) {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  int64_t Int(int col) { return sqlite3_column_int64(stmt_, col); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  bool ok_ = false;
  Status error_;
};

}  // namespace acervo::exporting

#endif  // ACERVO_CORE_EXPORT_QUERY_H_
