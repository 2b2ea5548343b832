#include "store/statement.h"

#include <nlohmann/json.hpp>

namespace acervo::store {

Statement::Statement(sqlite3* db, const std::string& sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK) {
    error_ = IoError(sqlite3_errmsg(db));
  }
}

Statement& Statement::Bind(int i, const std::string& s) {
  sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

Statement& Statement::Bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}

Statement& Statement::BindNullable(int i, const std::string& s) {
  if (s.empty())
    sqlite3_bind_null(stmt_, i);
  else
    Bind(i, s);
  return *this;
}

bool Statement::Next() {
  if (!error_.ok()) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) error_ = IoError(sqlite3_errmsg(db_));
  return false;
}

Status Statement::Run(const std::string& what) {
  Next();
  Status s = error_.Prefixed(what);
  Reset();
  return s;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::Text(int col) {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  return t ? reinterpret_cast<const char*>(t) : "";
}

nlohmann::json Statement::Json(int col) {
  std::string text = Text(col);
  if (text.empty()) return nullptr;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  return j.is_discarded() ? nlohmann::json() : j;
}

Status Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db);
    sqlite3_free(err);
    return IoError(msg);
  }
  return Status::Ok();
}

Transaction::Transaction(sqlite3* db) : db_(db) {
  begun_ = Exec(db_, "BEGIN IMMEDIATE").Prefixed("cannot start a transaction");
}

Transaction::~Transaction() {
  if (begun_.ok() && !done_) Exec(db_, "ROLLBACK");
}

Status Transaction::Commit() {
  ACERVO_RETURN_IF_ERROR(begun_);
  ACERVO_RETURN_IF_ERROR(Exec(db_, "COMMIT").Prefixed("commit failed"));
  done_ = true;
  return Status::Ok();
}

}  // namespace acervo::store
