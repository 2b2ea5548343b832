// sql.h — the small SQLite helpers the review module's queries use: a statement that
// finalizes itself, and a transaction that rolls back unless committed.
#ifndef ACERVO_CORE_REVIEW_SQL_H_
#define ACERVO_CORE_REVIEW_SQL_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "acervo/status.h"

namespace acervo::review {

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    ok_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) == SQLITE_OK;
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Status status() const { return ok_ ? Status::Ok() : IoError(sqlite3_errmsg(db_)); }
  Statement& Bind(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  // True while there is a row; `*error` is set when stepping failed.
  bool Next(Status* error) {
    if (!ok_) {
      *error = status();
      return false;
    }
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) *error = IoError(sqlite3_errmsg(db_));
    return false;
  }
  // Runs a statement that returns no rows, then resets it for the next bindings.
  Status Run() {
    Status s;
    Next(&s);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return s;
  }
  std::string Text(int col) {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  int64_t Int(int col) { return sqlite3_column_int64(stmt_, col); }
  double Real(int col) { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  bool ok_ = false;
};

// BEGIN IMMEDIATE on construction (the write lock is taken before anything is read, so a
// check-then-insert cannot race another writer); ROLLBACK on destruction unless committed.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {
    begun_ = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  ~Transaction() {
    if (begun_ && !done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  Status status() const {
    return begun_ ? Status::Ok() : IoError(std::string("cannot start a transaction: ") + sqlite3_errmsg(db_));
  }
  Status Commit() {
    if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return IoError(std::string("commit failed: ") + sqlite3_errmsg(db_));
    }
    done_ = true;
    return Status::Ok();
  }

 private:
  sqlite3* db_;
  bool begun_ = false;
  bool done_ = false;
};

}  // namespace acervo::review

#endif  // ACERVO_CORE_REVIEW_SQL_H_
