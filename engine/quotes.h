// Quote stage: pairs quotation marks into quoted regions.
//
// Handles every style: " “ ” ‘ ’ ' « » „ ‚ ‹ ›. Decides from the characters
// around a mark whether it opens, closes or is an apostrophe (Biden’s, the ’90s,
// rock ’n’ roll, players’), keeps nested quotes inside the outer one, recovers
// mis-directed and spaced marks (`Ukraine “, she continued.` closes;
// `economy. ”` closes), joins a quote that runs over a paragraph break when the
// next paragraph re-opens it, and never lets a stray mark swallow more than the
// rest of its own paragraph. Single quotes at top level count only when they
// pair within the paragraph. Linear in the number of marks.
//
//   doc.quoted = qg::PairQuotes(doc, rules);
#pragma once

#include <vector>

#include "engine/document.h"
#include "engine/rules.h"

namespace qg {

// Regions sorted by outer.begin; a nested region follows its parent.
std::vector<QuotedRegion> PairQuotes(const Document& doc, const RuleSet& rules);

}  // namespace qg
