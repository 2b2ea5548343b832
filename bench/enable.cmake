# Adds the bench/ programs to a build without editing the top-level CMakeLists.txt, until it
# has the line
#   if(ACERVO_BUILD_BENCH) add_subdirectory(bench) endif()
# Use: cmake -S . -B BUILD -DCMAKE_PROJECT_INCLUDE=$PWD/bench/enable.cmake
# The include is deferred to the end of the top-level file, when acervo_core exists. (The
# peers' own CMake parts in bench/dates and bench/amounts need the real add_subdirectory.)
cmake_language(EVAL CODE "
  cmake_language(DEFER DIRECTORY [[${CMAKE_SOURCE_DIR}]]
    CALL include [[${CMAKE_CURRENT_LIST_DIR}/targets.cmake]])")
