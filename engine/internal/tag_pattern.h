// The syntax tree of an attribution pattern, for TagDfa (internal; read by
// engine/tag_pattern.cc).
//
// The reader knows the RE2 syntax rules/patterns.tsv uses: literals, escaped
// punctuation, classes and ranges, `.`, groups (plain, non-capturing and
// named), alternation, greedy and lazy repeats. Laziness decides where groups
// fall, never whether a string matches, so it is read and dropped. Anything
// else (escapes of letters, flags, POSIX or Unicode classes, anchors inside
// the pattern) makes no tree: a tree that misread the pattern would give a DFA
// that silently loses matches, while a missing one only costs time.
// Tested by tests/tag_dfa_test.cc.
#pragma once

#include <bitset>
#include <optional>
#include <string_view>
#include <vector>

namespace qg::internal {

using ByteSet = std::bitset<256>;

struct PatternNode {
  enum Kind { kSet, kConcat, kAlt, kRepeat } kind = kConcat;
  ByteSet set;               // kSet
  std::vector<PatternNode> kids;    // kConcat, kAlt; kRepeat holds one
  int lo = 0, hi = -1;       // kRepeat; hi -1 is unbounded
};

// The tree of the pattern between its anchors (`^` and `$` already taken
// off), or nullopt when it holds syntax the reader does not know, or a
// top-level `|` (which would bind looser than the anchors around it).
std::optional<PatternNode> ParseTagPattern(std::string_view pattern);

}  // namespace qg::internal
