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

// Options of every pattern and of the set: quiet, and Latin-1 (the tag alphabet is ASCII).
inline RE2::Options PatternOptions() {
  RE2::Options opts(RE2::Quiet);
  opts.set_encoding(RE2::Options::EncodingLatin1);
  return opts;
}

struct Pattern {
  std::string id;
  std::string coordinated_id;  // id + "+coordinated", the rule of a split-off second quote
  std::unique_ptr<RE2> re;
  std::string kind;         // "direct", "indirect", "context" ...
  bool context = false;     // kind == "context"
  double confidence = 0.5;
  // Capture layout, read once at load so a match looks no group up by name:
  // the number of capturing groups and the index of each named one (-1 if absent).
  int groups = 0;
  int spk = -1, cue = -1, clause = -1, clause2 = -1;
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
