# The plugin SDK as a CMake package: `find_package(acervo)` in an external project gives
# acervo::plugin (the public plugin headers and acervo_plugin_api) and acervo_add_plugin /
# acervo_add_test (cmake/AcervoPlugin.cmake, the same functions the bundled plugins use).
#
# Installed layout: include/acervo/*.h (plugin headers), <libdir>/libacervo_plugin_api.a
# and <libdir>/cmake/acervo/. Included from core/CMakeLists.txt, after acervo_plugin_api.
include(CMakePackageConfigHelpers)

set(ACERVO_INSTALL_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/acervo)

set_target_properties(acervo_plugin_api PROPERTIES EXPORT_NAME plugin)
install(TARGETS acervo_plugin_api EXPORT acervoTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
# core/include is the SDK's include folder, in the build tree as installed: every header in it
# is installed, and acervo's own contracts (acervo/record.h, extraction.h, engine.h) live with
# their modules in core/src. (document.h is plain data a loader plugin fills:
# acervo/loader_plugin.h.)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/core/include/acervo
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev FILES_MATCHING PATTERN "*.h")
install(EXPORT acervoTargets NAMESPACE acervo:: DESTINATION ${ACERVO_INSTALL_CMAKE_DIR}
  COMPONENT dev)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/acervoConfig.cmake.in
  ${PROJECT_BINARY_DIR}/acervoConfig.cmake
  INSTALL_DESTINATION ${ACERVO_INSTALL_CMAKE_DIR})
# 0.x: a minor release may change the plugin API, so only the same minor version matches.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/acervoConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/acervoConfig.cmake
  ${PROJECT_BINARY_DIR}/acervoConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/AcervoPlugin.cmake
  DESTINATION ${ACERVO_INSTALL_CMAKE_DIR} COMPONENT dev)
