// atomic_output.h — an output file written as a stream that appears whole or not at all:
// the bytes go to a temporary file beside the destination, and Commit() syncs it and
// renames it over the destination. A process killed before Commit() leaves the old file
// (or none) in place, never part of a new one, and its temporary, which the next output to
// the same path removes (TemporaryBeside in env.h); an AtomicOutput dropped without Commit()
// removes its temporary. For outputs too large to build in memory first
// (WriteFileAtomically in env.h does the in-memory case). One thread at a time.
#ifndef ACERVO_CORE_IO_ATOMIC_OUTPUT_H_
#define ACERVO_CORE_IO_ATOMIC_OUTPUT_H_

#include <filesystem>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

#include "acervo/status.h"
#include "io/env.h"

namespace acervo {

class AtomicOutput {
 public:
  // Creates the temporary file; the error names it.
  static Result<std::unique_ptr<AtomicOutput>> Open(const Env& env,
                                                    const std::filesystem::path& path);
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  // Where to write; a write error shows in Commit().
  std::ostream& stream() { return stream_; }
  // Flushes, syncs and renames the temporary over the destination; on failure the
  // temporary is removed and the destination is as it was.
  Status Commit();

 private:
  // Buffers what the stream writes and appends it to the WritableFile; the first error is
  // kept for Commit().
  class Buf : public std::streambuf {
   public:
    explicit Buf(WritableFile* file) : file_(file) { setp(buffer_, buffer_ + sizeof buffer_); }
    Status Drain();
    const Status& error() const { return error_; }

   protected:
    int_type overflow(int_type c) override;
    int sync() override { return Drain().ok() ? 0 : -1; }

   private:
    WritableFile* file_;
    Status error_;
    char buffer_[1 << 16];
  };

  AtomicOutput(const Env& env, std::filesystem::path path, std::filesystem::path tmp,
               std::unique_ptr<WritableFile> file);

  const Env& env_;
  std::filesystem::path path_, tmp_;
  std::unique_ptr<WritableFile> file_;
  Buf buf_;
  std::ostream stream_;
  bool done_ = false;
};

}  // namespace acervo

#endif  // ACERVO_CORE_IO_ATOMIC_OUTPUT_H_
