// Entities of one article while resolution runs, and how the speaking ones
// become Document::sources (internal; resolve.cc builds them, sources.cc
// turns them into sources).
//
// Most entities never speak, so an entity copies no text: its strings are
// views into the article's mentions (which resolution does not resize), and
// only the entities that become sources are copied out, by BuildSources.
#pragma once

#include <cstdint>
#include <memory_resource>
#include <string>
#include <string_view>
#include <vector>

#include "engine/document.h"
#include "engine/internal/key_map.h"

namespace qg::internal {

// One descriptor of an entity: a link in a list kept in Entities::descriptors.
struct DescriptorLink {
  const std::string* text;  // a Mention::descriptors element
  int next = -1;
};

// Fields ordered so that no padding is left: the resolver walks these.
struct Entity {
  std::string_view name;
  std::string_view affiliation;
  std::string_view reason;
  int descriptors = -1, last_descriptor = -1;  // first and last link, in order of addition
  int count = -1;
  uint32_t first = 0, last = 0;  // numbers of the folded first and last name words, persons only
  int tokens = 0;
  int mention_count = 0;
  // Entities of one kind by their latest mention, newest first (resolve.cc):
  // the neighbours in that list, and where the latest mention is in the history.
  int newer = -1, older = -1;
  uint32_t last_seen = 0;
  SourceKind kind = SourceKind::kPerson;
  Gender gender = Gender::kUnknown;
  bool named = false;  // a proper name, not a description
  // A lone capitalised word no forename, title or longer name vouches for
  // ("Cake"): it may speak when a cue names it, but pronouns do not take it.
  bool weak = false;
};

// In the resolver's arena, which BuildSources uses for its own scratch too.
struct Entities {
  explicit Entities(std::pmr::memory_resource* memory) : list(memory), descriptors(memory) {}
  std::pmr::vector<Entity> list;
  std::pmr::vector<DescriptorLink> descriptors;
};

// Keeps the entities some quote resolves to, in order of first quote, plus the
// institutions they are affiliated with; sets Quote::source and maps
// Mention::entity from entity indices to source indices. A source's mentions
// are those whose Mention::entity is its entity. Institutions are found by
// name in `keys` (the resolver's index); those it creates are appended to
// `entities`.
void BuildSources(Entities& entities, const KeyIndex& keys, Document& doc);

}  // namespace qg::internal
