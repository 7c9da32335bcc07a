// A small DFA a pattern compiles to at load, to ask "may this tag string
// match?" before RE2 is (internal; built by engine/tag_dfa.cc).
//
// Why: a sentence that passes the letter test (Pattern::needs) still fails
// nine patterns in ten, and RE2 spends over a thousand instructions on each
// no-match call (locks, search setup, its cache of DFA states) for strings of
// some twenty letters. This automaton, built whole at load from the pattern's
// text, reads a tag string with one table lookup a letter and grows no states
// at run time, so novel text costs no more than text seen before.
//
// It is sound, not exact: it accepts every string the pattern matches, and a
// few more. A bounded repeat with some slack ({0,12}) is read as unbounded,
// which keeps the automaton to hundreds of states instead of hundreds of
// thousands; the rare string that only the wider language admits is then
// rejected by RE2's own match. Syntax the reader does not know makes no DFA:
// the pattern is asked of RE2 as before.
// Tested by tests/tag_dfa_test.cc.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace qg::internal {

class TagDfa {
 public:
  // The automaton of an RE2 pattern anchored at both ends (^…$), or nullptr
  // when the pattern is not, uses syntax outside the subset read here
  // (escapes of letters, flags, Unicode classes...), or would need more than
  // kMaxStates states or 65,536 table cells.
  static std::unique_ptr<TagDfa> Build(std::string_view pattern);
  static constexpr size_t kMaxStates = 4096;

  // False only if the pattern cannot match all of `tags`.
  bool MayMatch(std::string_view tags) const {
    // The dead state moves to itself, so it is looked for only every four
    // letters: a string is refused early, without a branch a letter.
    const auto* p = reinterpret_cast<const unsigned char*>(tags.data());
    const size_t n = tags.size();
    uint32_t s = start_;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
      s = next_[s + class_of_[p[i]]];
      s = next_[s + class_of_[p[i + 1]]];
      s = next_[s + class_of_[p[i + 2]]];
      s = next_[s + class_of_[p[i + 3]]];
      if (s == kDead) return false;
    }
    for (; i < n; ++i) s = next_[s + class_of_[p[i]]];
    return accepting_[s] != 0;
  }
  size_t states() const { return next_.size() / classes_; }

  // Sets of bytes of which every string the automaton accepts holds one,
  // each of at most `max_bytes` ASCII bytes: read off the automaton, so they
  // hold for the pattern too (it accepts no string the automaton does not).
  // "^…J(?P<clause>Q)…$" gives {J} and {Q}: a sentence lacking either is
  // turned away before its letters are read.
  std::vector<std::string> RequiredByteSets(size_t max_bytes) const;

 private:
  // States are numbered by their first entry in next_ (state * classes), so
  // a move is an add and a load, with no multiply.
  static constexpr uint32_t kDead = 0;
  uint8_t class_of_[256] = {};  // byte -> class: bytes no part of the pattern tells apart share one
  uint32_t classes_ = 1;
  uint32_t start_ = 0;
  std::vector<uint16_t> next_;       // state + class -> state
  std::vector<uint8_t> accepting_;   // by state, parallel to next_
};

}  // namespace qg::internal
