#include "i18n/mo_catalog.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>

namespace acervo {
namespace {

constexpr uint32_t kMagic = 0x950412de;
constexpr uint32_t kSwappedMagic = 0xde120495;

class Reader {
 public:
  Reader(std::string_view bytes, bool swapped) : bytes_(bytes), swapped_(swapped) {}

  bool Word(size_t offset, uint32_t* out) const {
    if (offset > bytes_.size() || bytes_.size() - offset < 4) return false;
    uint32_t v;
    std::memcpy(&v, bytes_.data() + offset, 4);
    *out = swapped_ ? __builtin_bswap32(v) : v;
    return true;
  }
  // The string described by the (length, offset) pair at `entry`.
  bool String(size_t entry, std::string_view* out) const {
    uint32_t length, offset;
    if (!Word(entry, &length) || !Word(entry + 4, &offset)) return false;
    if (offset > bytes_.size() || bytes_.size() - offset < length) return false;
    *out = bytes_.substr(offset, length);
    return true;
  }

 private:
  std::string_view bytes_;
  bool swapped_;
};

std::vector<std::string> SplitNul(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t nul = s.find('\0'); nul != std::string_view::npos; nul = s.find('\0', start)) {
    out.emplace_back(s.substr(start, nul - start));
    start = nul + 1;
  }
  out.emplace_back(s.substr(start));
  return out;
}

}  // namespace

Result<MoCatalog> MoCatalog::Parse(std::string_view bytes, const std::string& name) {
  uint32_t magic = 0;
  if (bytes.size() >= 4) std::memcpy(&magic, bytes.data(), 4);
  if (magic != kMagic && magic != kSwappedMagic) {
    return Corrupt(name + ": not a gettext .mo catalog (bad magic number)");
  }
  Reader r(bytes, magic == kSwappedMagic);
  uint32_t count, originals, translations;
  if (!r.Word(8, &count) || !r.Word(12, &originals) || !r.Word(16, &translations)) {
    return Corrupt(name + ": truncated .mo header");
  }
  MoCatalog catalog;
  // Each entry takes 16 bytes of the two tables: a corrupt count reserves no more than fits.
  catalog.singular_.reserve(std::min<size_t>(count, bytes.size() / 16));
  for (uint32_t i = 0; i < count; ++i) {
    std::string_view id, str;
    if (!r.String(originals + 8ull * i, &id) || !r.String(translations + 8ull * i, &str)) {
      return Corrupt(name + ": entry " + std::to_string(i) + " points outside the file");
    }
    if (id.empty()) continue;                       // the header
    if (id.find('\0') == std::string_view::npos) {  // no plural: nothing to split (every start)
      catalog.singular_.insert_or_assign(std::string(id),
                                         std::string(str.substr(0, str.find('\0'))));
      continue;
    }
    std::vector<std::string> ids = SplitNul(id);
    std::vector<std::string> forms = SplitNul(str);
    catalog.singular_[ids[0]] = forms[0];
    if (ids.size() > 1) catalog.plural_[ids[0]] = std::move(forms);
  }
  return catalog;
}

Result<MoCatalog> MoCatalog::Read(const std::filesystem::path& file) {
  // Read directly, not through io's Env: io's messages are translated, so i18n sits below io.
  // One read of the file's size: a stream copied through istreambuf_iterator cost as much
  // as parsing the catalog, at every start.
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (!in) return NotFound(file.string() + ": cannot open");
  std::string bytes(static_cast<size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    return IoError(file.string() + ": read failed");
  }
  return Parse(bytes, file.string());
}

const std::string* MoCatalog::Find(std::string_view msgid) const {
  auto it = singular_.find(std::string(msgid));
  return it == singular_.end() ? nullptr : &it->second;
}

const std::string* MoCatalog::FindPlural(std::string_view msgid, size_t form) const {
  auto it = plural_.find(std::string(msgid));
  if (it == plural_.end() || form >= it->second.size()) return nullptr;
  return &it->second[form];
}

}  // namespace acervo
