# acervo_add_plugin(NAME SOURCES src... [DATA_DIR dir] [LIBS lib...])
#
# Builds plugin NAME as NAME.so in the build's plugin folder, copies DATA_DIR (default:
# data/ beside the sources, when present) to NAME/ beside it, and installs both. Also makes
# NAME_objects, an object library tests can link to call the extractor directly.
#
# The same file serves the in-tree build and external projects: acervoConfig.cmake (from
# `find_package(acervo)`) includes it after setting ACERVO_BUILD_PLUGIN_DIR,
# ACERVO_INSTALL_PLUGIN_DIR and ACERVO_WARNINGS, and acervo::plugin is the installed
# acervo_plugin_api.
function(acervo_add_plugin name)
  cmake_parse_arguments(P "" "DATA_DIR" "SOURCES;LIBS" ${ARGN})
  if(NOT P_DATA_DIR AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/data)
    set(P_DATA_DIR ${CMAKE_CURRENT_SOURCE_DIR}/data)
  endif()

  add_library(${name}_objects OBJECT ${P_SOURCES})
  target_link_libraries(${name}_objects PUBLIC acervo::plugin ${P_LIBS})
  target_compile_options(${name}_objects PRIVATE ${ACERVO_WARNINGS})
  set_target_properties(${name}_objects PROPERTIES
    CXX_VISIBILITY_PRESET hidden POSITION_INDEPENDENT_CODE ON)
  if(P_DATA_DIR)
    target_compile_definitions(${name}_objects PUBLIC
      "ACERVO_PLUGIN_SOURCE_DATA_DIR=\"${P_DATA_DIR}\"")
  endif()

  add_library(${name} MODULE $<TARGET_OBJECTS:${name}_objects>)
  target_link_libraries(${name} PRIVATE ${name}_objects)
  set_target_properties(${name} PROPERTIES
    PREFIX "" OUTPUT_NAME ${name}
    LIBRARY_OUTPUT_DIRECTORY ${ACERVO_BUILD_PLUGIN_DIR}
    CXX_VISIBILITY_PRESET hidden)
  install(TARGETS ${name} LIBRARY DESTINATION ${ACERVO_INSTALL_PLUGIN_DIR})
  set_property(GLOBAL APPEND PROPERTY ACERVO_BUNDLED_PLUGINS ${name})

  if(P_DATA_DIR)
    file(GLOB_RECURSE data_files CONFIGURE_DEPENDS ${P_DATA_DIR}/*)
    set(stamp ${CMAKE_CURRENT_BINARY_DIR}/${name}.data.stamp)
    add_custom_command(OUTPUT ${stamp}
      COMMAND ${CMAKE_COMMAND} -E rm -rf ${ACERVO_BUILD_PLUGIN_DIR}/${name}
      COMMAND ${CMAKE_COMMAND} -E copy_directory ${P_DATA_DIR} ${ACERVO_BUILD_PLUGIN_DIR}/${name}
      COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
      DEPENDS ${data_files}
      COMMENT "Copying data of plugin ${name}")
    add_custom_target(${name}_data ALL DEPENDS ${stamp})
    add_dependencies(${name} ${name}_data)
    install(DIRECTORY ${P_DATA_DIR}/ DESTINATION ${ACERVO_INSTALL_PLUGIN_DIR}/${name})
  endif()
endfunction()

# acervo_add_test(NAME SOURCES src... [LIBS lib...] [LABEL label]): a GoogleTest binary
# registered with CTest. Its tests carry LABEL (`ctest -L unit`), and the build target
# acervo_tests_<label> builds every binary with that label (what CI's sanitizer tree builds).
function(acervo_add_test name)
  if(NOT ACERVO_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(T "" "LABEL" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS} GTest::gtest GTest::gmock GTest::gtest_main)
  target_compile_options(${name} PRIVATE ${ACERVO_WARNINGS})
  target_compile_definitions(${name} PRIVATE
    "ACERVO_SOURCE_DIR=\"${PROJECT_SOURCE_DIR}\""
    "ACERVO_BINARY_DIR=\"${PROJECT_BINARY_DIR}\""
    "ACERVO_BUILD_PLUGIN_DIR=\"${ACERVO_BUILD_PLUGIN_DIR}\"")
  # Test binaries do not sit beside `acervo`, so point them at the loader's data.
  # (Two single-valued properties: a ';' list would be split by gtest_discover_tests.)
  set(loader_data "ACERVO_LOADER_DATA=unset:")
  if(EXISTS ${PROJECT_SOURCE_DIR}/core/data/loader)
    set(loader_data "ACERVO_LOADER_DATA=set:${PROJECT_SOURCE_DIR}/core/data/loader")
  endif()
  # Tests that assert English output run in English whatever the machine's locale
  # (docs/i18n.md: ACERVO_LANG wins over LANG and LC_*); i18n tests set their own language.
  # gtest_discover_tests expands PROPERTIES three times on the way to set_tests_properties, so
  # a ';' between two values must carry 8 backslashes to arrive as a separator (CMake 3.25).
  string(REPEAT "\\" 8 escaped)
  set(environment "${loader_data}${escaped};ACERVO_LANG=set:en")
  set(label)
  if(T_LABEL)
    set(label LABELS ${T_LABEL})
    if(NOT TARGET acervo_tests_${T_LABEL})
      add_custom_target(acervo_tests_${T_LABEL})
    endif()
    add_dependencies(acervo_tests_${T_LABEL} ${name})
  endif()
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES ${label}
    ENVIRONMENT "OMP_THREAD_LIMIT=1" ENVIRONMENT_MODIFICATION "${environment}")
endfunction()
