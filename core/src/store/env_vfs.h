// env_vfs.h — (SQLite store internals) a SQLite VFS that asks an Env before every write to
// the database, its journal and its log (Env::BeforeDatabaseWrite), and otherwise does what
// the default VFS does. This is how a fault-injecting Env reaches the store's own writes.
//
// Each EnvVfs registers itself under a unique name for its lifetime; open the database with
// that name (sqlite3_open_v2's zVfs) and close it before the EnvVfs goes. Registration is
// serialised by SQLite.
#ifndef ACERVO_CORE_STORE_ENV_VFS_H_
#define ACERVO_CORE_STORE_ENV_VFS_H_

#include <sqlite3.h>

#include <mutex>
#include <string>

#include "acervo/status.h"
#include "io/env.h"

namespace acervo::store {

class EnvVfs {
 public:
  explicit EnvVfs(const Env& env);
  ~EnvVfs();
  EnvVfs(const EnvVfs&) = delete;
  EnvVfs& operator=(const EnvVfs&) = delete;

  const char* name() const { return name_.c_str(); }
  const Env& env() const { return env_; }
  sqlite3_vfs* real() const { return real_; }

  // The Env's last refusal (Ok when none), so the store can say which file failed; cleared
  // by reading it.
  Status TakeLastError();
  void SetLastError(Status s);

 private:
  const Env& env_;
  sqlite3_vfs* real_;
  sqlite3_vfs vfs_;
  std::string name_;
  std::mutex mu_;
  Status last_error_;
};

}  // namespace acervo::store

#endif  // ACERVO_CORE_STORE_ENV_VFS_H_
