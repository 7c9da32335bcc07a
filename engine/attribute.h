// Attribution stage: quotes and their speakers, by rule sieves.
//
// Works sentence by sentence over a compact tag string (one letter a unit:
// a quoted region, a mention, a cue, a comma ...) matched by the RE2 patterns of
// rules/patterns.tsv, most precise first:
//   “Q,” SPEAKER CUE.  ·  “Q,” CUE SPEAKER.  ·  SPEAKER CUE: “Q”  ·  SPEAKER CUE, “Q”
//   “Q,” according to SPEAKER  ·  SPEAKER CUE (that) CLAUSE  ·  CLAUSE, SPEAKER CUE.
// then the context sieves: an attribution-only sentence right after a quote names
// its speaker, and a run of quotes with no cue continues the last speaker
// (floating quotes). Quoted regions no sieve claims become terms when short.
//
//   doc.quotes = qg::AttributeQuotes(doc, rules);
#pragma once

#include <vector>

#include "engine/document.h"
#include "engine/rules.h"

namespace qg {

std::vector<Quote> AttributeQuotes(const Document& doc, const RuleSet& rules);

}  // namespace qg
