// mo_catalog.h — a compiled gettext catalog (.mo, made by msgfmt from po/<lang>.po), read
// with no help from the C library: glibc's gettext() ignores catalogs while the locale is
// "C", and many servers have no other locale generated.
//
// The format (GNU gettext manual, "The Format of GNU MO Files"): a header of 32-bit words in
// the file's byte order (magic 0x950412de, revision, N, offset of the original-string table,
// offset of the translation table), then two tables of N (length, offset) pairs pointing at
// NUL-terminated strings. A plural entry's msgid is "singular\0plural" and its msgstr the
// forms joined by NUL; it is kept under its singular. Contexts (msgctxt) are not used.
//
// Immutable once read: lookups are safe from any thread.
#ifndef ACERVO_CORE_I18N_MO_CATALOG_H_
#define ACERVO_CORE_I18N_MO_CATALOG_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "acervo/status.h"

namespace acervo {

class MoCatalog {
 public:
  // Parses the bytes of a .mo file; `name` names it in errors.
  static Result<MoCatalog> Parse(std::string_view bytes, const std::string& name);
  static Result<MoCatalog> Read(const std::filesystem::path& file);

  // The translation of `msgid`, or nullptr when the catalog has none.
  const std::string* Find(std::string_view msgid) const;
  // Plural form `form` (0 singular, 1 plural) of the entry whose singular is `msgid`.
  const std::string* FindPlural(std::string_view msgid, size_t form) const;

  // Every entry (msgid -> first form), the header excluded; for the review page.
  const std::unordered_map<std::string, std::string>& entries() const { return singular_; }

 private:
  std::unordered_map<std::string, std::string> singular_;
  std::unordered_map<std::string, std::vector<std::string>> plural_;
};

}  // namespace acervo

#endif  // ACERVO_CORE_I18N_MO_CATALOG_H_
