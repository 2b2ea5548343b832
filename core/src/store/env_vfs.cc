#include "store/env_vfs.h"

#include <cstdio>
#include <cstring>

namespace acervo::store {
namespace {

// Our file: the real VFS's file follows it in the same allocation (szOsFile covers both).
struct EnvFile {
  sqlite3_file base;  // first, as SQLite requires
  EnvVfs* owner;
  const char* path;  // owned by SQLite; valid until close ("" for temporary files)
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

EnvVfs* Owner(sqlite3_vfs* vfs) { return static_cast<EnvVfs*>(vfs->pAppData); }
EnvFile* Ours(sqlite3_file* f) { return reinterpret_cast<EnvFile*>(f); }
sqlite3_file* Real(sqlite3_file* f) { return Ours(f)->real(); }
const sqlite3_io_methods* M(sqlite3_file* f) { return Real(f)->pMethods; }

// The io methods forward to the real file; only writes ask the Env first.
int Close(sqlite3_file* f) { return M(f)->xClose(Real(f)); }
int Read(sqlite3_file* f, void* buf, int n, sqlite3_int64 at) {
  return M(f)->xRead(Real(f), buf, n, at);
}
int Write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 at) {
  EnvFile* file = Ours(f);
  if (Status s = file->owner->env().BeforeDatabaseWrite(file->path); !s.ok()) {
    file->owner->SetLastError(std::move(s));
    return SQLITE_IOERR_WRITE;
  }
  return M(f)->xWrite(Real(f), buf, n, at);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) { return M(f)->xTruncate(Real(f), size); }
int Sync(sqlite3_file* f, int flags) { return M(f)->xSync(Real(f), flags); }
int FileSize(sqlite3_file* f, sqlite3_int64* size) { return M(f)->xFileSize(Real(f), size); }
int Lock(sqlite3_file* f, int level) { return M(f)->xLock(Real(f), level); }
int Unlock(sqlite3_file* f, int level) { return M(f)->xUnlock(Real(f), level); }
int CheckReservedLock(sqlite3_file* f, int* out) { return M(f)->xCheckReservedLock(Real(f), out); }
int FileControl(sqlite3_file* f, int op, void* arg) { return M(f)->xFileControl(Real(f), op, arg); }
int SectorSize(sqlite3_file* f) { return M(f)->xSectorSize(Real(f)); }
int DeviceCharacteristics(sqlite3_file* f) { return M(f)->xDeviceCharacteristics(Real(f)); }
int ShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return M(f)->xShmMap(Real(f), page, size, extend, out);
}
int ShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return M(f)->xShmLock(Real(f), offset, n, flags);
}
void ShmBarrier(sqlite3_file* f) { M(f)->xShmBarrier(Real(f)); }
int ShmUnmap(sqlite3_file* f, int remove) { return M(f)->xShmUnmap(Real(f), remove); }
int Fetch(sqlite3_file* f, sqlite3_int64 at, int n, void** out) {
  return M(f)->xFetch(Real(f), at, n, out);
}
int Unfetch(sqlite3_file* f, sqlite3_int64 at, void* p) { return M(f)->xUnfetch(Real(f), at, p); }

// Version 3 methods, for a real file whose methods are version 3 (the unix VFS's are); the
// WAL the store uses needs the shared-memory ones.
const sqlite3_io_methods kMethods = {3,
                                     Close,
                                     Read,
                                     Write,
                                     Truncate,
                                     Sync,
                                     FileSize,
                                     Lock,
                                     Unlock,
                                     CheckReservedLock,
                                     FileControl,
                                     SectorSize,
                                     DeviceCharacteristics,
                                     ShmMap,
                                     ShmLock,
                                     ShmBarrier,
                                     ShmUnmap,
                                     Fetch,
                                     Unfetch};

int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  EnvFile* file = Ours(f);
  file->owner = Owner(vfs);
  file->path = name ? name : "";
  sqlite3_vfs* real = Owner(vfs)->real();
  int rc = real->xOpen(real, name, file->real(), flags, out_flags);
  // SQLite calls xClose only when pMethods is set; the real file is then open.
  f->pMethods = file->real()->pMethods ? &kMethods : nullptr;
  if (f->pMethods && file->real()->pMethods->iVersion < 3) {
    M(f)->xClose(Real(f));
    f->pMethods = nullptr;
    return SQLITE_CANTOPEN;
  }
  return rc;
}

// The rest of the VFS is the real one's.
sqlite3_vfs* RealOf(sqlite3_vfs* vfs) { return Owner(vfs)->real(); }
int Delete(sqlite3_vfs* v, const char* name, int sync) {
  return RealOf(v)->xDelete(RealOf(v), name, sync);
}
int Access(sqlite3_vfs* v, const char* name, int flags, int* out) {
  return RealOf(v)->xAccess(RealOf(v), name, flags, out);
}
int FullPathname(sqlite3_vfs* v, const char* name, int n, char* out) {
  return RealOf(v)->xFullPathname(RealOf(v), name, n, out);
}
void* DlOpen(sqlite3_vfs* v, const char* name) { return RealOf(v)->xDlOpen(RealOf(v), name); }
void DlError(sqlite3_vfs* v, int n, char* out) { RealOf(v)->xDlError(RealOf(v), n, out); }
void (*DlSym(sqlite3_vfs* v, void* h, const char* sym))(void) {
  return RealOf(v)->xDlSym(RealOf(v), h, sym);
}
void DlClose(sqlite3_vfs* v, void* h) { RealOf(v)->xDlClose(RealOf(v), h); }
int Randomness(sqlite3_vfs* v, int n, char* out) {
  return RealOf(v)->xRandomness(RealOf(v), n, out);
}
int Sleep(sqlite3_vfs* v, int us) { return RealOf(v)->xSleep(RealOf(v), us); }
int CurrentTime(sqlite3_vfs* v, double* out) { return RealOf(v)->xCurrentTime(RealOf(v), out); }
int GetLastError(sqlite3_vfs* v, int n, char* out) {
  return RealOf(v)->xGetLastError(RealOf(v), n, out);
}
int CurrentTimeInt64(sqlite3_vfs* v, sqlite3_int64* out) {
  return RealOf(v)->xCurrentTimeInt64(RealOf(v), out);
}

}  // namespace

EnvVfs::EnvVfs(const Env& env) : env_(env), real_(sqlite3_vfs_find(nullptr)) {
  char name[64];
  std::snprintf(name, sizeof name, "acervo-env-%p", static_cast<void*>(this));
  name_ = name;
  std::memset(&vfs_, 0, sizeof vfs_);
  vfs_.iVersion = 2;
  vfs_.szOsFile = static_cast<int>(sizeof(EnvFile)) + real_->szOsFile;
  vfs_.mxPathname = real_->mxPathname;
  vfs_.zName = name_.c_str();
  vfs_.pAppData = this;
  vfs_.xOpen = Open;
  vfs_.xDelete = Delete;
  vfs_.xAccess = Access;
  vfs_.xFullPathname = FullPathname;
  vfs_.xDlOpen = DlOpen;
  vfs_.xDlError = DlError;
  vfs_.xDlSym = DlSym;
  vfs_.xDlClose = DlClose;
  vfs_.xRandomness = Randomness;
  vfs_.xSleep = Sleep;
  vfs_.xCurrentTime = CurrentTime;
  vfs_.xGetLastError = GetLastError;
  vfs_.xCurrentTimeInt64 = CurrentTimeInt64;
  sqlite3_vfs_register(&vfs_, /*makeDflt=*/0);
}

EnvVfs::~EnvVfs() { sqlite3_vfs_unregister(&vfs_); }

Status EnvVfs::TakeLastError() {
  std::lock_guard<std::mutex> lock(mu_);
  Status s = std::move(last_error_);
  last_error_ = Status::Ok();
  return s;
}

void EnvVfs::SetLastError(Status s) {
  std::lock_guard<std::mutex> lock(mu_);
  last_error_ = std::move(s);
}

}  // namespace acervo::store
