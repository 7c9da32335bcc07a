// Speaker stage: mentions that can be the source of a quote.
//
// Finds, outside quoted regions:
//  - names with their titles and descriptors ("Pentagon spokesman John Kirby"
//    -> head "John Kirby", descriptor "Pentagon spokesman", affiliation "Pentagon"),
//    typed person or organisation from the forename list, titles and the
//    organisation lexicon;
//  - anonymous descriptors ("a senior administration official", "two sources
//    familiar with the matter", "officials") with count and stated reason;
//  - definite descriptions ("the mayor", "the bank", "the sources");
//  - pronouns (he, she, they, it) with their gender or number.
//
//   doc.mentions = qg::FindMentions(doc, rules);
#pragma once

#include <vector>

#include "engine/document.h"
#include "engine/rules.h"

namespace qg {

std::vector<Mention> FindMentions(const Document& doc, const RuleSet& rules);

}  // namespace qg
