// Helpers for the libFuzzer targets: a failed check prints what broke and
// aborts, which libFuzzer records as a crash with the input saved.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#define QG_FUZZ_CHECK(cond, msg)                                                   \
  do {                                                                             \
    if (!(cond)) {                                                                 \
      std::fprintf(stderr, "QG_FUZZ_CHECK failed: %s: %s\n", #cond,                \
                   std::string(msg).c_str());                                      \
      std::abort();                                                                \
    }                                                                              \
  } while (0)
