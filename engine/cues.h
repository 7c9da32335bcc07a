// Cue stage: speech cues outside quoted regions.
//
// A cue is a speech verb in any inflection (RuleSet::speech_verbs: "said",
// "tells", "acknowledged", "tweeted"), the phrase "according to", or a speech
// noun introducing a source ("a White House statement", "in a tweet").
// Words inside a quoted region are never cues: "said" in a quote is the
// speaker's word, not the article's attribution.
//
//   doc.cues = qg::FindCues(doc, rules);
#pragma once

#include <vector>

#include "engine/document.h"
#include "engine/rules.h"

namespace qg {

std::vector<Cue> FindCues(const Document& doc, const RuleSet& rules);

// True iff token `t` lies inside a top-level quoted region of `doc`.
bool InsideQuote(const Document& doc, uint32_t t);

}  // namespace qg
