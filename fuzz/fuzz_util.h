// Helpers for the libFuzzer targets: a failed check prints what broke and
// aborts, which libFuzzer records as a crash with the input saved.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "engine/rules.h"

#define QG_FUZZ_CHECK(cond, msg)                                                   \
  do {                                                                             \
    if (!(cond)) {                                                                 \
      std::fprintf(stderr, "QG_FUZZ_CHECK failed: %s: %s\n", #cond,                \
                   std::string(msg).c_str());                                      \
      std::abort();                                                                \
    }                                                                              \
  } while (0)

namespace qg::fuzzing {

// The built-in rules, loaded once per process (never freed: libFuzzer exits hard).
inline const RuleSet& BuiltinRules() {
  static const RuleSet* rules = [] {
    Result<RuleSet> r = LoadBuiltinRules();
    QG_FUZZ_CHECK(r.ok(), r.status().ToString());
    return new RuleSet(std::move(r).value());
  }();
  return *rules;
}

}  // namespace qg::fuzzing
