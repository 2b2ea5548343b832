// load/office/zip_package.h — the parts of a ZIP package (DOCX, ODT) read from memory, with
// bounded sizes.
//
// Promises: Open fails with a clear Status for bytes that are not a ZIP, and says "encrypted
// Office document" for a CFB container (how Office stores a password-protected DOCX). Read
// never returns more than the limit given, whatever the ZIP's directory claims: a part that
// inflates past it is an error ("larger than N MB uncompressed"), not memory exhaustion.
// One ZipPackage is not safe to share between threads; separate ones are independent.
#ifndef ACERVO_CORE_LOAD_OFFICE_ZIP_PACKAGE_H_
#define ACERVO_CORE_LOAD_OFFICE_ZIP_PACKAGE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/status.h"

struct zip;

namespace acervo {

// The largest part read from a package (uncompressed).
inline constexpr size_t kMaxPartBytes = 64u << 20;

// True for the bytes of a Compound File Binary container (OLE2: .doc, encrypted OOXML).
bool IsCfb(std::string_view bytes);

class ZipPackage {
 public:
  // `bytes` must outlive the package.
  static Result<ZipPackage> Open(std::string_view bytes);

  bool Has(const std::string& name) const;
  // The names of every part, in the archive's order.
  std::vector<std::string> Names() const;
  Result<std::string> Read(const std::string& name, size_t limit = kMaxPartBytes) const;

 private:
  struct Closer {
    void operator()(zip* z) const;
  };
  std::unique_ptr<zip, Closer> zip_;
};

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_OFFICE_ZIP_PACKAGE_H_
