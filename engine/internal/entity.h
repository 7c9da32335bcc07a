// Entities of one article while resolution runs, and how the speaking ones
// become Document::sources (internal; resolve.cc builds them, sources.cc
// turns them into sources).
#pragma once

#include <string>
#include <vector>

#include "engine/document.h"

namespace qg::internal {

struct Entity {
  std::string name;
  SourceKind kind = SourceKind::kPerson;
  Gender gender = Gender::kUnknown;
  std::vector<std::string> descriptors;
  std::string affiliation;
  int count = -1;
  std::string reason;
  std::string first, last;  // lower-cased name tokens, persons only
  int tokens = 0;
  bool named = false;       // a proper name, not a description
  // A lone capitalised word no forename, title or longer name vouches for
  // ("Cake"): it may speak when a cue names it, but pronouns do not take it.
  bool weak = false;
  int mention_count = 0;
};

// Keeps the entities some quote resolves to, in order of first quote, plus the
// institutions they are affiliated with; sets Quote::source and maps
// Mention::entity from entity indices to source indices. A source's mentions
// are those whose Mention::entity is its entity. The entities of sources are
// moved from.
void BuildSources(std::vector<Entity>& entities, Document& doc);

}  // namespace qg::internal
