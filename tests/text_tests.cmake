# Text stage tests (utf8, segment, quotes): one doctest executable, one CTest test.
# Included from tests/CMakeLists.txt; uses its qg_add_doctest helper when present.
set(QG_TEXT_TEST_SOURCES ${CMAKE_CURRENT_LIST_DIR}/segment_test.cc
                         ${CMAKE_CURRENT_LIST_DIR}/quotes_test.cc)
if(COMMAND qg_add_doctest)
  qg_add_doctest(text_test ${QG_TEXT_TEST_SOURCES})
else()
  add_executable(text_test ${QG_TEXT_TEST_SOURCES} ${CMAKE_CURRENT_LIST_DIR}/test_main.cc)
  target_include_directories(text_test PRIVATE ${PROJECT_SOURCE_DIR})
  target_link_libraries(text_test PRIVATE qg_engine qg_build_flags)
  add_test(NAME text_test COMMAND text_test)
endif()
