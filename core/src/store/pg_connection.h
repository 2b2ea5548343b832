// pg_connection.h — (PostgreSQL store internals) one libpq connection to the store's database:
// parameterized statements only (values travel as parameters, never inside the SQL text),
// results as a small owned value, transactions, and reconnecting after the server went away.
//
// Reconnecting: an operation that finds the connection broken and is not inside a
// transaction reconnects first (a few tries, with backoff). Outside a transaction, a read
// (Query, and BEGIN) that fails because the connection broke under it is retried once on a
// fresh connection, and so is any statement the server refused because it was shutting the
// session down (it never ran). A write whose fate is unknown, or anything inside a
// transaction, is not: a transaction cut by the drop was rolled back by the server and
// returns an error; the caller retries the whole document.
//
// Not thread-safe: one connection per thread, as the Store is.
#ifndef ACERVO_CORE_STORE_PG_CONNECTION_H_
#define ACERVO_CORE_STORE_PG_CONNECTION_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "acervo/status.h"
#include "store/pg_uri.h"

struct pg_conn;
struct pg_result;

namespace acervo::store {

// A statement's parameters, in order ($1, $2, ...), as text; nullopt is SQL NULL.
class PgParams {
 public:
  PgParams& Add(const std::string& s) {
    values_.emplace_back(s);
    return *this;
  }
  PgParams& Add(const char* s) {
    values_.emplace_back(std::string(s));
    return *this;
  }
  PgParams& Add(int64_t v) {
    values_.emplace_back(std::to_string(v));
    return *this;
  }
  PgParams& Add(int v) { return Add(static_cast<int64_t>(v)); }
  PgParams& Add(double v);
  PgParams& AddNullable(const std::string& s);  // NULL when empty
  const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  std::vector<std::optional<std::string>> values_;
};

// The rows a statement returned (text format), owned.
class PgRows {
 public:
  explicit PgRows(pg_result* r = nullptr);
  ~PgRows();
  PgRows(PgRows&& other) noexcept;
  PgRows& operator=(PgRows&& other) noexcept;

  // Whether the statement succeeded.
  bool ok() const;
  int size() const;
  bool empty() const { return size() == 0; }
  bool IsNull(int row, int col) const;
  std::string Text(int row, int col) const;  // "" for NULL
  int64_t Int(int row, int col) const;
  double Real(int row, int col) const;
  // The column's text as JSON: null when NULL, empty or not valid JSON.
  nlohmann::json Json(int row, int col) const;
  // Rows changed by an INSERT/UPDATE/DELETE.
  int64_t Affected() const;
  // "INSERT 0 1", "COMMIT", "ROLLBACK", ...
  std::string CommandTag() const;

 private:
  pg_result* result_;
};

class PgConnection {
 public:
  // Connects to `uri`; the error names the redacted URI and libpq's reason.
  static Result<std::unique_ptr<PgConnection>> Connect(const std::string& uri);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  const std::string& display() const { return display_; }

  // A read: retried once on a fresh connection when the connection broke under it (outside
  // a transaction). Errors are prefixed with `what`.
  Result<PgRows> Query(const std::string& sql, const PgParams& params = {},
                       const std::string& what = "reading the store");
  // A write, or a read inside a transaction that must not be repeated.
  Result<PgRows> Command(const std::string& sql, const PgParams& params = {},
                         const std::string& what = "writing the store");

  // A read too large to hold in memory at once (an export): runs `sql` under a server-side
  // cursor and hands `fn` its rows `batch` at a time, in order. Inside the caller's
  // transaction when one is open, else in a transaction of its own. Between batches `fn` may
  // run other statements on this connection (not Begin). An error from `fn` stops the read.
  Status ForEachBatch(const std::string& sql, const PgParams& params, const std::string& what,
                      const std::function<Status(const PgRows&)>& fn, int batch = 500);

  // Runs constant SQL of one or more statements, without parameters (the schema).
  Status Script(const std::string& sql);

  // BEGIN / COMMIT / ROLLBACK. Begin reconnects first when needed, and with a `lock` key
  // takes that transaction-scoped advisory lock in the same round trip; a transaction the
  // connection lost is an error at the first statement or at Commit.
  Status Begin(std::optional<int64_t> lock = std::nullopt);
  Status Commit();
  void Rollback();
  bool in_transaction() const { return in_transaction_; }

 private:
  PgConnection(std::string uri, pg_conn* conn);
  Result<PgRows> Run(const std::string& sql, const PgParams& params, const std::string& what,
                     bool retry);
  // Reconnects when the connection is broken and no transaction is open.
  Status EnsureConnected();
  bool Broken() const;

  std::string uri_;
  std::string display_;
  pg_conn* conn_;
  bool in_transaction_ = false;
  int cursors_ = 0;  // names the next ForEachBatch cursor, so that they may nest
};

}  // namespace acervo::store

#endif  // ACERVO_CORE_STORE_PG_CONNECTION_H_
