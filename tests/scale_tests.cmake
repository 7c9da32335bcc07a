# Corpus-scale suites (issue 6): the parallel runner, the SQLite store, the
# Python module and the Dask example. Included from tests/CMakeLists.txt.

qg_add_doctest(corpus_runner_test corpus_runner_test.cc)

# Debian's interpreter, never a pyenv shim on PATH: the module is built
# against /usr/include/python3.x and Dask comes from Debian packages.
set(QG_TEST_PYTHON /usr/bin/python3)

add_test(NAME sqlite_store_test
         COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/sqlite_store_test.sh" $<TARGET_FILE:quotegraph>
                 "${QG_FIXTURES_DIR}" ${QG_TEST_PYTHON})

if(TARGET qg_python)
  # The module is found through PYTHONPATH = the directory it was built in.
  add_test(NAME python_module_test
           COMMAND ${QG_TEST_PYTHON} "${PROJECT_SOURCE_DIR}/python/tests/test_quotegraph.py"
                   --quotegraph $<TARGET_FILE:quotegraph> --fixtures "${QG_FIXTURES_DIR}")
  add_test(NAME dask_audit_test
           COMMAND ${QG_TEST_PYTHON} "${PROJECT_SOURCE_DIR}/examples/dask_audit_test.py"
                   --quotegraph $<TARGET_FILE:quotegraph> --fixtures "${QG_FIXTURES_DIR}")
  set_tests_properties(python_module_test dask_audit_test PROPERTIES
                       ENVIRONMENT "PYTHONPATH=$<TARGET_FILE_DIR:qg_python>"
                       TIMEOUT 300)
  # Dask starts worker processes: keep it off the ASan build's leak checker.
  if(QG_SANITIZE)
    set_tests_properties(python_module_test dask_audit_test PROPERTIES DISABLED TRUE)
  endif()
endif()
