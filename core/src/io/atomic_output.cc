#include "io/atomic_output.h"

#include "i18n/i18n.h"

namespace acervo {

Result<std::unique_ptr<AtomicOutput>> AtomicOutput::Open(const Env& env,
                                                         const std::filesystem::path& path) {
  std::filesystem::path tmp = TemporaryBeside(env, path);
  Result<std::unique_ptr<WritableFile>> file = env.NewWritableFile(tmp);
  if (!file.ok()) return file.status();
  return std::unique_ptr<AtomicOutput>(new AtomicOutput(env, path, tmp, std::move(*file)));
}

AtomicOutput::AtomicOutput(const Env& env, std::filesystem::path path, std::filesystem::path tmp,
                           std::unique_ptr<WritableFile> file)
    : env_(env),
      path_(std::move(path)),
      tmp_(std::move(tmp)),
      file_(std::move(file)),
      buf_(file_.get()),
      stream_(&buf_) {}

AtomicOutput::~AtomicOutput() {
  if (done_) return;
  (void)file_->Close();
  (void)env_.RemoveFile(tmp_);  // best effort: nothing was promised
}

Status AtomicOutput::Commit() {
  done_ = true;
  Status s = buf_.Drain();
  if (s.ok() && stream_.bad()) s = IoError(_f("{}: write failed", tmp_.string()));
  if (s.ok()) s = file_->Sync();
  Status closed = file_->Close();
  if (s.ok()) s = closed;
  if (s.ok()) s = env_.RenameFile(tmp_, path_);
  if (!s.ok()) (void)env_.RemoveFile(tmp_);
  return s;
}

Status AtomicOutput::Buf::Drain() {
  if (error_.ok() && pptr() > pbase()) {
    error_ = file_->Append(std::string_view(pbase(), static_cast<size_t>(pptr() - pbase())));
  }
  setp(buffer_, buffer_ + sizeof buffer_);
  return error_;
}

AtomicOutput::Buf::int_type AtomicOutput::Buf::overflow(int_type c) {
  if (!Drain().ok()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

}  // namespace acervo
