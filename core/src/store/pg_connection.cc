#include "store/pg_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "i18n/i18n.h"

namespace acervo::store {
namespace {

// Tries and waits between them when the server went away (a restart takes a few seconds).
constexpr int kConnectTries = 6;
constexpr std::chrono::milliseconds kFirstBackoff{250};

std::string Trimmed(const char* message) {
  std::string s = message ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

PgParams& PgParams::Add(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip form
  values_.emplace_back(std::string(buf, ec == std::errc() ? end : buf));
  return *this;
}

PgParams& PgParams::AddNullable(const std::string& s) {
  if (s.empty())
    values_.emplace_back(std::nullopt);
  else
    values_.emplace_back(s);
  return *this;
}

PgRows::PgRows(pg_result* r) : result_(r) {}
PgRows::~PgRows() { PQclear(result_); }
PgRows::PgRows(PgRows&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
PgRows& PgRows::operator=(PgRows&& other) noexcept {
  if (this != &other) {
    PQclear(result_);
    result_ = other.result_;
    other.result_ = nullptr;
  }
  return *this;
}

bool PgRows::ok() const {
  ExecStatusType st = result_ ? PQresultStatus(result_) : PGRES_FATAL_ERROR;
  return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
}
int PgRows::size() const { return result_ ? PQntuples(result_) : 0; }
bool PgRows::IsNull(int row, int col) const { return PQgetisnull(result_, row, col) != 0; }
std::string PgRows::Text(int row, int col) const {
  return std::string(PQgetvalue(result_, row, col),
                     static_cast<size_t>(PQgetlength(result_, row, col)));
}
int64_t PgRows::Int(int row, int col) const {
  return std::strtoll(PQgetvalue(result_, row, col), nullptr, 10);
}
double PgRows::Real(int row, int col) const {
  return std::strtod(PQgetvalue(result_, row, col), nullptr);
}
nlohmann::json PgRows::Json(int row, int col) const {
  if (IsNull(row, col)) return nullptr;
  nlohmann::json j = nlohmann::json::parse(Text(row, col), nullptr, false);
  return j.is_discarded() ? nlohmann::json() : j;
}
std::string PgRows::CommandTag() const { return result_ ? PQcmdStatus(result_) : ""; }
int64_t PgRows::Affected() const {
  const char* n = result_ ? PQcmdTuples(result_) : "";
  return *n ? std::strtoll(n, nullptr, 10) : 0;
}

PgConnection::PgConnection(std::string uri, pg_conn* conn)
    : uri_(std::move(uri)), display_(RedactPostgresUri(uri_)), conn_(conn) {}

PgConnection::~PgConnection() {
  if (conn_) PQfinish(conn_);
}

Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string& uri) {
  const std::string shown = RedactPostgresUri(uri);
  char* err = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(uri.c_str(), &err);
  if (!parsed) {
    std::string why = err ? Trimmed(err) : "out of memory";
    PQfreemem(err);
    return InvalidArgument(_f("{}: not a valid PostgreSQL URI ({})", shown, why));
  }
  PQconninfoFree(parsed);
  pg_conn* conn = PQconnectdb(uri.c_str());
  if (!conn || PQstatus(conn) != CONNECTION_OK) {
    std::string why = conn ? Trimmed(PQerrorMessage(conn)) : "out of memory";
    if (conn) PQfinish(conn);
    return IoError(_f("{}: cannot connect to the PostgreSQL store: {}", shown, why));
  }
  // Messages from the server stay out of the user's terminal; errors travel as Status.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<PgConnection>(new PgConnection(uri, conn));
}

bool PgConnection::Broken() const { return !conn_ || PQstatus(conn_) != CONNECTION_OK; }

Status PgConnection::EnsureConnected() {
  if (!Broken()) return Status::Ok();
  if (in_transaction_) return IoError(_f("{}: the connection was lost mid-transaction", display_));
  auto wait = kFirstBackoff;
  for (int attempt = 1; attempt <= kConnectTries; ++attempt) {
    PQreset(conn_);
    if (!Broken()) return Status::Ok();
    if (attempt < kConnectTries) {
      std::this_thread::sleep_for(wait);
      wait *= 2;
    }
  }
  return IoError(_f("{}: lost the connection to the PostgreSQL store and could not reconnect: {}",
                    display_, Trimmed(PQerrorMessage(conn_))));
}

Result<PgRows> PgConnection::Run(const std::string& sql, const PgParams& params,
                                 const std::string& what, bool retry) {
  ACERVO_RETURN_IF_ERROR(EnsureConnected());
  std::vector<const char*> values;
  values.reserve(params.values().size());
  for (const auto& v : params.values()) values.push_back(v ? v->c_str() : nullptr);
  pg_result* r = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                              values.data(), nullptr, nullptr, 0);
  // No result at all: out of memory, or the connection is gone.
  ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return PgRows(r);
  std::string why = Trimmed(r ? PQresultErrorMessage(r) : PQerrorMessage(conn_));
  if (why.empty()) why = Trimmed(PQerrorMessage(conn_));
  const char* sqlstate = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  const std::string code = sqlstate ? std::string(" [") + sqlstate + "]" : "";
  PQclear(r);
  // The server ended this session before our statement ran (a restart or shutdown): any
  // statement may be sent again on a fresh connection, outside a transaction.
  const bool ended_before = code == " [57P01]" || code == " [57P02]" || code == " [57P03]";
  if (Broken()) {
    if ((retry || ended_before) && !in_transaction_) return Run(sql, params, what, false);
    if (in_transaction_) {
      return IoError(
          _f("{}: the connection to {} was lost mid-transaction; nothing of it was "
             "stored ({})",
             what, display_, why));
    }
    return IoError(_f("{}: the connection to {} was lost ({})", what, display_, why));
  }
  return IoError(what + ": " + why + code);
}

Result<PgRows> PgConnection::Query(const std::string& sql, const PgParams& params,
                                   const std::string& what) {
  return Run(sql, params, what, true);
}

Result<PgRows> PgConnection::Command(const std::string& sql, const PgParams& params,
                                     const std::string& what) {
  return Run(sql, params, what, false);
}

Status PgConnection::ForEachBatch(const std::string& sql, const PgParams& params,
                                  const std::string& what,
                                  const std::function<Status(const PgRows&)>& fn, int batch) {
  const bool own = !in_transaction_;
  if (own) ACERVO_RETURN_IF_ERROR(Begin());
  const std::string cursor = "acervo_read_" + std::to_string(++cursors_);
  auto read = [&]() -> Status {
    ACERVO_RETURN_IF_ERROR(
        Command("DECLARE " + cursor + " NO SCROLL CURSOR FOR " + sql, params, what).status());
    const std::string fetch = "FETCH FORWARD " + std::to_string(batch) + " FROM " + cursor;
    while (true) {
      Result<PgRows> rows = Command(fetch, {}, what);
      if (!rows.ok()) return rows.status();
      if (!rows->empty()) ACERVO_RETURN_IF_ERROR(fn(*rows));
      if (rows->size() < batch) break;
    }
    return Command("CLOSE " + cursor, {}, what).status();
  };
  Status s = read();
  --cursors_;
  if (!own) return s;
  if (!s.ok()) {
    Rollback();
    return s;
  }
  return Commit();
}

Status PgConnection::Script(const std::string& sql) {
  ACERVO_RETURN_IF_ERROR(EnsureConnected());
  PgRows r(PQexec(conn_, sql.c_str()));
  if (r.ok()) return Status::Ok();
  return IoError(Trimmed(PQerrorMessage(conn_)));
}

Status PgConnection::Begin(std::optional<int64_t> lock) {
  if (in_transaction_) return Internal("transactions do not nest");
  // Safe to send again on a fresh connection (Query): nothing has happened yet. The key is
  // a number of ours, so the script may hold it.
  std::string begin = "BEGIN";
  if (lock) begin += "; SELECT pg_advisory_xact_lock(" + std::to_string(*lock) + ")";
  ACERVO_RETURN_IF_ERROR(EnsureConnected());
  Status s = Script(begin);
  if (!s.ok() && Broken()) {
    ACERVO_RETURN_IF_ERROR(EnsureConnected());
    s = Script(begin);
  }
  if (!s.ok()) {
    if (!Broken()) PQclear(PQexec(conn_, "ROLLBACK"));
    return s.Prefixed("starting a transaction");
  }
  in_transaction_ = true;
  return Status::Ok();
}

Status PgConnection::Commit() {
  Result<PgRows> r = Command("COMMIT", {}, "committing");
  in_transaction_ = false;
  if (!r.ok()) return r.status();
  // COMMIT of a transaction that failed earlier answers ROLLBACK, without an error.
  if (r->CommandTag() == "ROLLBACK") {
    return IoError("committing: the transaction was rolled back");
  }
  return Status::Ok();
}

void PgConnection::Rollback() {
  if (!in_transaction_) return;
  in_transaction_ = false;
  if (!Broken()) PQclear(PQexec(conn_, "ROLLBACK"));
}

}  // namespace acervo::store
