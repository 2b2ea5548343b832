# Debian packages through CPack: `tools/package` (or `cpack -G DEB` in a build dir) makes
#   acervo_<version>_amd64.deb      the command, the bundled plugins and their data, the
#                                   pipelines, a man page and bash completion;
#   acervo-dev_<version>_amd64.deb  the plugin SDK (headers, libacervo_plugin_api.a and the
#                                   CMake package behind find_package(acervo)).
# Every install() rule belongs to the `runtime` component unless it says COMPONENT dev (the
# SDK rules in AcervoPackage.cmake). Runtime dependencies are read off the binaries by
# dpkg-shlibdeps, so `Depends:` names exactly the shared libraries acervo links (Poppler,
# Tesseract, ICU, RE2, SQLite, Boost, ...) and never a -dev package; the Spanish OCR model is
# data, not a library, and is named by hand.
include_guard(GLOBAL)

# The man page, from the same text as `acervo --help` (help2man runs the built binary).
find_program(ACERVO_HELP2MAN help2man)
if(ACERVO_HELP2MAN)
  set(man ${CMAKE_BINARY_DIR}/man/acervo.1)
  add_custom_command(OUTPUT ${man}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
    # English whatever the builder's locale (docs/i18n.md), so the page is reproducible.
    COMMAND ${CMAKE_COMMAND} -E env ACERVO_LANG=en
            ${ACERVO_HELP2MAN} --no-info --section=1 --source=acervo
            "--name=Spanish public reports to structured activity records"
            --include=${PROJECT_SOURCE_DIR}/tools/acervo.h2m
            --output=${man} $<TARGET_FILE:acervo>
    COMMAND gzip -9nf ${man}
    DEPENDS acervo ${PROJECT_SOURCE_DIR}/tools/acervo.h2m
    COMMENT "Writing the man page acervo.1 from acervo --help")
  add_custom_target(acervo_man ALL DEPENDS ${man}.gz)
  install(FILES ${man}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT runtime)
endif()

install(FILES ${PROJECT_SOURCE_DIR}/tools/completion/acervo.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME acervo
  COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/tools/debian/copyright
  DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/tools/debian/copyright
  DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/acervo-dev COMPONENT dev)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME acervo)
set(CPACK_PACKAGE_VENDOR "acervo")
set(CPACK_PACKAGE_CONTACT "acervo maintainers <acervo@users.noreply.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME acervo)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
# libmagic1 is loaded with dlopen (load/detect.cc), so dpkg-shlibdeps cannot see it.
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "tesseract-ocr-spa, libmagic1")
# Word 97-2003 and RTF are read through LibreOffice when it is there (plugins/load-legacy).
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SUGGESTS "libreoffice-writer")
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
  "Spanish public reports to structured activity records\n"
  "acervo reads Spanish-language public reports (born-digital and scanned PDF,\n"
  "text, markdown) and turns them into activity records: what happened, when,\n"
  "who took part, how much money moved and which Sustainable Development Goals\n"
  "it serves. Records and their source passages are kept in a SQLite store for\n"
  "review, export and reporting.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME acervo-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
  "acervo (= ${PROJECT_VERSION}), cmake, g++, libicu-dev, nlohmann-json3-dev")
set(CPACK_COMPONENT_DEV_DESCRIPTION
  "plugin SDK for acervo\n"
  "Headers, the static plugin library and the CMake package\n"
  "(find_package(acervo)) to build extractor plugins for acervo outside its\n"
  "source tree.")

include(CPack)
