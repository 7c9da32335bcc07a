# Attribution stage tests (cues, speakers, attribute, resolve, summary, rules) and
# the seed article's golden dump. Included from tests/CMakeLists.txt, after its
# qg_add_doctest helper. One executable per stage so a failing stage blocks none
# of the others; tests/attribution_test_util.h holds the shared dump helpers.
qg_add_doctest(cues_test ${CMAKE_CURRENT_LIST_DIR}/cues_test.cc)
qg_add_doctest(speakers_test ${CMAKE_CURRENT_LIST_DIR}/speakers_test.cc)
qg_add_doctest(attribute_test ${CMAKE_CURRENT_LIST_DIR}/attribute_test.cc)
qg_add_doctest(resolve_test ${CMAKE_CURRENT_LIST_DIR}/resolve_test.cc)
qg_add_doctest(summary_test ${CMAKE_CURRENT_LIST_DIR}/summary_test.cc)
qg_add_doctest(rules_test ${CMAKE_CURRENT_LIST_DIR}/rules_test.cc)
