// Tests for engine/tag_dfa.cc: the automaton a pattern compiles to must accept
// every tag string RE2 matches (the matcher skips RE2 on its no), over the
// built-in patterns and many strings near their examples; it should also turn
// away most strings RE2 rejects, or it saves nothing.
#include <doctest/doctest.h>

#include <random>
#include <map>
#include <string>
#include <vector>

#include "engine/internal/patterns.h"
#include "engine/internal/tag_dfa.h"
#include "engine/rules.h"
#include "tests/io_test_util.h"

namespace qg {
namespace {

using internal::TagDfa;

const std::string kAlphabet = "QSPVKGvgbAThxyNdpt&jJiWwn,:.;-()o";

bool Re2Matches(const RE2& re, const std::string& s) { return RE2::FullMatch(s, re); }

// Every string of up to `max_len` letters of `alphabet`.
std::vector<std::string> AllStrings(const std::string& alphabet, size_t max_len) {
  std::vector<std::string> out = {""};
  for (size_t begin = 0, len = 0; len < max_len; ++len) {
    const size_t end = out.size();
    for (size_t i = begin; i < end; ++i) {
      for (char c : alphabet) out.push_back(out[i] + c);
    }
    begin = end;
  }
  return out;
}

// Strings near the patterns' examples: each a few random edits (insert,
// delete, replace, splice another example) away from one.
std::vector<std::string> NearExamples(size_t count) {
  std::vector<std::string> seeds;
  for (const internal::Pattern& p : testing::BuiltinRules().patterns->patterns) {
    seeds.insert(seeds.end(), p.positive.begin(), p.positive.end());
    seeds.insert(seeds.end(), p.negative.begin(), p.negative.end());
  }
  std::mt19937 rng(12345);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  std::vector<std::string> out;
  while (out.size() < count) {
    std::string s = seeds[pick(seeds.size())];
    const size_t edits = 1 + pick(4);
    for (size_t e = 0; e < edits; ++e) {
      const char letter = kAlphabet[pick(kAlphabet.size())];
      switch (pick(4)) {
        case 0: s.insert(s.begin() + static_cast<long>(pick(s.size() + 1)), letter); break;
        case 1: if (!s.empty()) s.erase(pick(s.size()), 1); break;
        case 2: if (!s.empty()) s[pick(s.size())] = letter; break;
        default: s += seeds[pick(seeds.size())]; break;
      }
      out.push_back(s);
    }
  }
  return out;
}

TEST_CASE("tag dfa: every built-in pattern has one, of a modest size") {
  for (const internal::Pattern& p : testing::BuiltinRules().patterns->patterns) {
    CAPTURE(p.id);
    REQUIRE(p.dfa != nullptr);
    CHECK(p.dfa->states() < 2000);
  }
}

TEST_CASE("tag dfa: never refuses a string a built-in pattern matches") {
  std::vector<std::string> strings = AllStrings(kAlphabet, 3);
  std::vector<std::string> near = NearExamples(40000);
  strings.insert(strings.end(), near.begin(), near.end());
  for (const internal::Pattern& p : testing::BuiltinRules().patterns->patterns) {
    CAPTURE(p.id);
    size_t matched = 0, rejected = 0, turned_away = 0;
    for (const std::string& s : strings) {
      const bool re2 = Re2Matches(*p.re, s);
      const bool dfa = p.dfa->MayMatch(s);
      if (re2 && !dfa) {
        CAPTURE(s);
        FAIL_CHECK("the DFA refused a string RE2 matches");
      }
      matched += re2;
      rejected += !re2;
      turned_away += !dfa;
    }
    // The strings exercise the pattern, and the DFA does most of RE2's work.
    CHECK(matched >= 20);
    CHECK(turned_away * 100 >= rejected * 97);
  }
}

TEST_CASE("tag dfa: the letters an automaton requires are in every string its pattern matches") {
  std::vector<std::string> strings = AllStrings(kAlphabet, 3);
  std::vector<std::string> near = NearExamples(20000);
  strings.insert(strings.end(), near.begin(), near.end());
  std::map<std::string, std::vector<std::string>> required;
  for (const internal::Pattern& p : testing::BuiltinRules().patterns->patterns) {
    CAPTURE(p.id);
    const std::vector<std::string> sets = p.dfa->RequiredByteSets(8);
    required[p.id] = sets;
    for (const std::string& set : sets) {
      CAPTURE(set);
      for (const std::string& s : strings) {
        if (Re2Matches(*p.re, s)) CHECK(s.find_first_of(set) != std::string::npos);
      }
    }
  }
  // "SvwJQ.": described as, then the quotation; "SVTwww.": said that.
  auto has = [&](const std::string& id, const std::string& set) {
    const std::vector<std::string>& v = required[id];
    return std::find(v.begin(), v.end(), set) != v.end();
  };
  CHECK(has("speaker_describe_as_quote", "J"));
  CHECK(has("speaker_describe_as_quote", "Q"));
  CHECK(has("speaker_cue_that", "T"));
  CHECK(has("quote_according_to", "A"));
  // Hand-made: b or c must come, a need not. (Sets are the automaton's byte
  // classes: "(?:b|c)" keeps b and c apart, and neither alone is required.)
  std::unique_ptr<internal::TagDfa> dfa = internal::TagDfa::Build("^a*[bc]d?$");
  REQUIRE(dfa != nullptr);
  CHECK(dfa->RequiredByteSets(8) == std::vector<std::string>{"bc"});
  CHECK(dfa->RequiredByteSets(1).empty());
}

TEST_CASE("tag dfa: without slack in its repeats, the DFA is exactly the pattern") {
  const std::vector<std::string> patterns = {
      "^a{2,3}b$",         "^(?:ab|c)*d?$",     "^[^ab]+?c$",       "^(?P<x>a|b)(?:c|)\\.?$",
      "^[a-c\\-]{2}$",     "^.a$",              "^$",               "^(?:a*)*b$",
      "^[-a]b[a-]$",       "^a+b*?c{1}$",       "^(?:a|b{0,1})c$",  "^\\(a\\)$",
  };
  const std::vector<std::string> strings = AllStrings("abcd-.()x", 5);
  for (const std::string& pattern : patterns) {
    CAPTURE(pattern);
    RE2 re(pattern, internal::PatternOptions());
    REQUIRE(re.ok());
    std::unique_ptr<TagDfa> dfa = TagDfa::Build(pattern);
    REQUIRE(dfa != nullptr);
    for (const std::string& s : strings) {
      CAPTURE(s);
      CHECK(dfa->MayMatch(s) == Re2Matches(re, s));
    }
  }
}

TEST_CASE("tag dfa: slack in a repeat widens the language, never narrows it") {
  const std::string pattern = "^a{0,5}b{2,9}(?:ca){0,3}$";
  RE2 re(pattern, internal::PatternOptions());
  std::unique_ptr<TagDfa> dfa = TagDfa::Build(pattern);
  REQUIRE(dfa != nullptr);
  for (const std::string& s : AllStrings("abc", 8)) {
    CAPTURE(s);
    if (Re2Matches(re, s)) CHECK(dfa->MayMatch(s));
  }
  CHECK(dfa->MayMatch("aaaaaaabb"));  // wider than the pattern: RE2 says no
  CHECK_FALSE(dfa->MayMatch("ab"));   // but b{2,} is kept
}

TEST_CASE("tag dfa: syntax outside the subset read makes no DFA") {
  for (const char* pattern : {"a", "^a", "a$", "^a\\$", "^\\d$", "^(?i)a$", "^a|b$", "^[[:alpha:]]$",
                              "^a{,2}$", "^[]a]$", "^a\\bb$", "^(?<x>a)$", "^a^b$", "^a$b$"}) {
    CAPTURE(pattern);
    CHECK(TagDfa::Build(pattern) == nullptr);
  }
}

}  // namespace
}  // namespace qg
