// Compiled attribution patterns (internal: includes RE2).
//
// rules/patterns.tsv holds one pattern a line: id, RE2 pattern over the tag
// string of a sentence (see attribute.cc for the alphabet), kind, confidence,
// then optional positive and negative example tag strings, then optionally the
// tag letters the pattern needs. Patterns compile once at load; order in the
// file is priority order.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "engine/internal/tag_dfa.h"
#include "engine/internal/tags.h"

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
  // Declared in the data (checked against the positive examples at load): each
  // group holds letters at least one of which is in every string the pattern
  // matches. A tag string that misses a group cannot match, and skips the RE2 work.
  std::vector<TagLetters> needs;
  // The pattern as a DFA that may say yes where RE2 says no, never the reverse;
  // null when the pattern has syntax it does not read (see tag_dfa.h).
  std::unique_ptr<TagDfa> dfa;
  bool MayMatch(const TagLetters& present) const {
    for (const TagLetters& group : needs) {
      if (!group.Meets(present)) return false;
    }
    return true;
  }
};

// The letters TagSentence gives cue units (a speech verb, "according to", a
// verb of belief): none of them appears in a sentence where no cue starts.
inline constexpr std::string_view kCueLetters = "VKGvgAb";

struct CompiledPatterns {
  std::vector<Pattern> patterns;
  // True when every pattern needs a cue letter (one of its `needs` groups lies
  // within kCueLetters): a sentence with no cue then matches none, and one with
  // no quotation either is not even tagged. Computed at load, as --rules may
  // bring patterns that need no cue.
  bool every_pattern_needs_cue = false;
  // The tag letter of each vocabulary word by number (see WordTagTable in
  // tags.h); built with the vocabulary, so tagging a word is one array read.
  std::vector<uint8_t> word_tags;
};

}  // namespace qg::internal
