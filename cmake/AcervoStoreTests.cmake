# Store tests against a real PostgreSQL server (tests/support/pg_server.sh).
#
# The CTest fixture "pg_server" starts one server for every test process that needs it, under
# /tmp (where the postgres user can reach it when the tests run as root), and stops and
# removes it after them. Without PostgreSQL installed the fixture passes and the PostgreSQL
# tests skip, saying why. A test binary run by hand starts a server of its own.
#
# acervo_store_engine_tests(TARGET): the tests of TARGET (an acervo_add_test binary using
# tests/support/store_engines.h or pg_test_server.h) use that fixture and find tests/support.
if(NOT ACERVO_BUILD_TESTS)
  function(acervo_store_engine_tests target)
  endfunction()
  return()
endif()

string(MD5 acervo_build_hash "${CMAKE_BINARY_DIR}")
string(SUBSTRING "${acervo_build_hash}" 0 10 acervo_build_hash)
set(ACERVO_TEST_PG_DIR /tmp/acervo-test-pg-${acervo_build_hash})
set(acervo_pg_script ${PROJECT_SOURCE_DIR}/tests/support/pg_server.sh)
add_test(NAME pg_server_start COMMAND sh -c
  "rm -rf '${ACERVO_TEST_PG_DIR}'; mkdir -p -m 755 '${ACERVO_TEST_PG_DIR}'; '${acervo_pg_script}' start '${ACERVO_TEST_PG_DIR}' || [ $? -eq 77 ]")
add_test(NAME pg_server_stop COMMAND sh -c
  "'${acervo_pg_script}' stop '${ACERVO_TEST_PG_DIR}'; rm -rf '${ACERVO_TEST_PG_DIR}'")
set_tests_properties(pg_server_start PROPERTIES FIXTURES_SETUP pg_server)
set_tests_properties(pg_server_stop PROPERTIES FIXTURES_CLEANUP pg_server)

function(acervo_store_engine_tests target)
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  # They reach the server through PgConnection; the store itself they open through the module.
  target_link_libraries(${target} PRIVATE acervo_store_pg)
  # Runs after gtest_discover_tests' own include file, which lists the tests in ${target}_TESTS.
  set(include_file ${CMAKE_CURRENT_BINARY_DIR}/${target}_pg_fixture.cmake)
  file(WRITE ${include_file}
    "foreach(t IN LISTS ${target}_TESTS)\n"
    "  set_tests_properties(\${t} PROPERTIES FIXTURES_REQUIRED pg_server\n"
    "    ENVIRONMENT \"OMP_THREAD_LIMIT=1;ACERVO_TEST_PG_DIR=${ACERVO_TEST_PG_DIR}\")\n"
    "endforeach()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${include_file})
endfunction()
