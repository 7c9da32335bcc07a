// Tests for engine/quotes.cc.
#include "tests/text_test_util.h"
