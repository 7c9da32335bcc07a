// Numbers each token's words in the rules' vocabulary once a document (internal).
//
// Cues, the chunker and the tagger ask several lexicons about the same token,
// often many times (every chunk, every head tried, every phrase window). One
// vocabulary probe a token here makes each of those questions an array read:
// rules.titles.Field(words[t].base, 1) instead of hashing the folded text again.
#pragma once

#include <vector>

#include "engine/document.h"
#include "engine/rules.h"

namespace qg::internal {

enum WordFlag : uint8_t {
  kCapitalized = 1,  // IsCapitalized(text)
  kAcronym = 2,      // IsAcronym(text)
  kPossessive = 4,   // StripPossessive found an ending
  kDotAttached = 8,  // the next token is "." and touches it: "Mr."
};

// The numbers of every token of `doc` (see TokenWord); with `cue_candidates`,
// also the tokens Document::cue_candidates lists.
std::vector<TokenWord> NumberWords(const Document& doc, const RuleSet& rules,
                                   std::vector<uint32_t>* cue_candidates = nullptr);

// Fills doc.words and doc.cue_candidates; the pipeline calls it once the
// tokens are known.
void NumberDocumentWords(const RuleSet& rules, Document& doc);

// True iff doc.words and doc.cue_candidates were filled by `rules`.
bool NumberedBy(const Document& doc, const RuleSet& rules);

// doc.words when they were numbered by `rules`, else `scratch` filled now.
const std::vector<TokenWord>& WordsOf(const Document& doc, const RuleSet& rules,
                                      std::vector<TokenWord>& scratch);

}  // namespace qg::internal
