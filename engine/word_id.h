// WordId: a word's number in the rules' vocabulary (RuleSet::vocabulary).
//
// Every stage types words by looking them up in the lexicons, many times a
// token. Numbering once per token what every lexicon knows turns each of those
// lookups into an array read (Lexicon::Find(WordId)).
#pragma once

#include <cstdint>

namespace qg {

struct WordId {
  uint32_t value = 0;  // 0: a word no lexicon knows
  bool known() const { return value != 0; }
};

}  // namespace qg
