# The benchmark programs of bench/ (included by bench/CMakeLists.txt and bench/enable.cmake).

# acervo_bench_recognizers: throughput of each extractor plugin on pre-loaded documents.
add_executable(acervo_bench_recognizers ${CMAKE_CURRENT_LIST_DIR}/recognizers/recognizer_bench.cc)
target_link_libraries(acervo_bench_recognizers PRIVATE acervo_core)
target_compile_options(acervo_bench_recognizers PRIVATE ${ACERVO_WARNINGS})
# Beside `acervo`, so that it finds the build's plugins/ and pipelines/ the same way.
set_target_properties(acervo_bench_recognizers PROPERTIES
  RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
