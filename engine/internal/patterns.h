// Compiled attribution patterns (internal: includes RE2).
//
// rules/patterns.tsv holds one pattern a line: id, RE2 pattern over the tag
// string of a sentence (see attribute.cc for the alphabet), kind, confidence,
// then optional positive and negative example tag strings. Patterns compile once
// at load; order in the file is priority order.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

namespace qg::internal {

struct Pattern {
  std::string id;
  std::unique_ptr<RE2> re;
  std::string kind;         // "direct", "indirect", "context" ...
  double confidence = 0.5;
  std::vector<std::string> positive;  // tag strings that must match
  std::vector<std::string> negative;  // tag strings that must not match
};

struct CompiledPatterns {
  std::vector<Pattern> patterns;
  // All patterns in one unanchored RE2::Set, Add index == index in `patterns`.
  // One pass over a tag string tells which patterns can match, so the costly
  // match with submatches runs only for those (most sentences match none).
  // Null when the set could not be built; callers then try every pattern.
  std::unique_ptr<RE2::Set> any;
};

}  // namespace qg::internal
