// Resolution stage: one source per real speaker.
//
// Links every quote's mention to an entity: pronouns to the most recent
// compatible speaker (gender from titles and the forename list; "it" and "they"
// may take organisations and groups), surnames and title+surname to the full
// name ("Mr. Fry" -> Pete Fry), definite descriptions to what they recall
// ("the sources" -> "half a dozen sources"), and builds Document::sources with
// descriptors and affiliations.
//
//   qg::ResolveSources(rules, doc);   // fills doc.sources, Quote::source, Mention::entity
#pragma once

#include "engine/document.h"
#include "engine/rules.h"

namespace qg {

void ResolveSources(const RuleSet& rules, Document& doc);

}  // namespace qg
