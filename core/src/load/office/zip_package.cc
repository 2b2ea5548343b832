#include "load/office/zip_package.h"

#include <zip.h>

namespace acervo {

bool IsCfb(std::string_view bytes) {
  return bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

namespace {

// A stream name as a CFB directory stores it (UTF-16LE).
bool HasStream(std::string_view bytes, std::string_view name) {
  std::string wide;
  for (char c : name) {
    wide.push_back(c);
    wide.push_back('\0');
  }
  return bytes.find(wide) != std::string_view::npos;
}

// What a CFB container handed to a ZIP reader is.
std::string CfbKind(std::string_view bytes) {
  if (HasStream(bytes, "EncryptionInfo") || HasStream(bytes, "EncryptedPackage")) {
    return "encrypted: needs a password (an encrypted Office document)";
  }
  if (HasStream(bytes, "WordDocument")) {
    return "a legacy binary Word document (.doc), not DOCX";
  }
  return "an OLE compound file (a legacy Office format), not a ZIP package";
}

}  // namespace

void ZipPackage::Closer::operator()(zip* z) const { zip_discard(z); }

Result<ZipPackage> ZipPackage::Open(std::string_view bytes) {
  if (IsCfb(bytes)) return Unsupported(CfbKind(bytes));
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return Internal("cannot read the ZIP from memory");
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive == nullptr) {
    std::string why = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return Corrupt("not a valid ZIP package (" + why + ")");
  }
  zip_error_fini(&error);
  ZipPackage package;
  package.zip_.reset(archive);
  return package;
}

bool ZipPackage::Has(const std::string& name) const {
  return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0;
}

std::vector<std::string> ZipPackage::Names() const {
  std::vector<std::string> names;
  zip_int64_t n = zip_get_num_entries(zip_.get(), 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    if (const char* name = zip_get_name(zip_.get(), static_cast<zip_uint64_t>(i), 0)) {
      names.emplace_back(name);
    }
  }
  return names;
}

Result<std::string> ZipPackage::Read(const std::string& name, size_t limit) const {
  zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
  if (index < 0) return NotFound("the package has no part " + name);
  zip_file_t* file = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    return Corrupt("cannot open part " + name + " (" + zip_strerror(zip_.get()) + ")");
  }
  std::string out;
  char buffer[1 << 16];
  while (true) {
    zip_int64_t got = zip_fread(file, buffer, sizeof buffer);
    if (got < 0) {
      std::string why = zip_file_strerror(file);
      zip_fclose(file);
      return Corrupt("part " + name + " is damaged (" + why + ")");
    }
    if (got == 0) break;
    if (out.size() + static_cast<size_t>(got) > limit) {
      zip_fclose(file);
      return Unsupported("part " + name + " is larger than " + std::to_string(limit >> 20) +
                         " MB uncompressed (a zip bomb?)");
    }
    out.append(buffer, static_cast<size_t>(got));
  }
  zip_fclose(file);
  return out;
}

}  // namespace acervo
