// acervo/status.h — how acervo reports failure without exceptions.
//
// A Status is Ok or carries an error code and a one-line message that names the thing that
// failed ("report.pdf: encrypted PDF"). Result<T> is a T or a non-ok Status. Functions that
// can fail return one of these; exceptions never cross a module or plugin boundary.
#ifndef ACERVO_STATUS_H_
#define ACERVO_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace acervo {

enum class Code {
  kOk = 0,
  kInvalidArgument,  // the caller asked for something malformed
  kNotFound,         // a file, plugin, pipeline or record that is not there
  kIo,               // reading or writing failed
  kCorrupt,          // the input exists but cannot be understood
  kUnsupported,      // understood, but not something acervo handles (encrypted PDF, ...)
  kVersionMismatch,  // a plugin or store built for another version
  kTimeout,
  kInternal,  // a bug, or a plugin that threw
  kAborted,   // lost a race: a work-queue lease another worker now holds
};

class Status {
 public:
  Status() = default;  // Ok
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // The same error with "context: " put in front of its message.
  Status Prefixed(const std::string& context) const {
    return ok() ? *this : Status(code_, context + ": " + message_);
  }

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
inline Status IoError(std::string m) { return {Code::kIo, std::move(m)}; }
inline Status Corrupt(std::string m) { return {Code::kCorrupt, std::move(m)}; }
inline Status Unsupported(std::string m) { return {Code::kUnsupported, std::move(m)}; }
inline Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }
inline Status Aborted(std::string m) { return {Code::kAborted, std::move(m)}; }

// The name of a code, as printed in errors and stored with failed documents.
const char* CodeName(Code code);

// A value of type T, or the Status saying why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: must not be Ok

  bool ok() const { return v_.index() == 0; }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<1>(v_);
  }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace acervo

// Returns early from the enclosing function when `expr` (a Status) is not ok.
#define ACERVO_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::acervo::Status acervo_status_ = (expr);        \
    if (!acervo_status_.ok()) return acervo_status_; \
  } while (0)

#endif  // ACERVO_STATUS_H_
