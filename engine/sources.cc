// Turns the entities that speak into Document::sources, with the institutions
// they are affiliated with. Tested by tests/resolve_test.cc.
#include <algorithm>
#include <string>

#include "engine/internal/entity.h"
#include "engine/internal/key_map.h"
#include "engine/internal/names.h"

namespace qg::internal {

void BuildSources(std::vector<Entity>& entities, Document& doc) {
  // Institutions by name without article, for affiliations; the latest wins.
  // Built before add() moves names away, and only when some entity has an affiliation.
  std::pmr::monotonic_buffer_resource arena;
  KeyMap<int> org_by_key(&arena);
  std::string lower;
  bool affiliated = std::any_of(entities.begin(), entities.end(), [](const Entity& e) {
    return !e.affiliation.empty() && e.kind != SourceKind::kOrganization;
  });
  for (size_t o = 0; affiliated && o < entities.size(); ++o) {
    if (entities[o].kind == SourceKind::kOrganization) {
      AsciiLowerInto(entities[o].name, &lower);
      Put(org_by_key, StripFoldedArticle(lower), static_cast<int>(o));
    }
  }
  std::vector<int> source_of(entities.size(), -1);
  std::vector<Source> sources;
  auto add = [&](int e) {
    if (source_of[e] >= 0) return source_of[e];
    // Only kind and affiliation are read again below: the rest is moved.
    Entity& ent = entities[e];
    Source s;
    s.name = std::move(ent.name);
    s.kind = ent.kind;
    s.descriptors = std::move(ent.descriptors);
    s.count = ent.count;
    s.anonymity_reason = std::move(ent.reason);
    s.gender = ent.gender;
    sources.push_back(std::move(s));
    source_of[e] = static_cast<int>(sources.size()) - 1;
    return source_of[e];
  };
  for (Quote& q : doc.quotes) {
    if (q.mention < 0 || q.kind == QuoteKind::kTerm) continue;
    int e = doc.mentions[q.mention].entity;
    q.source = e >= 0 ? add(e) : -1;
  }
  // Affiliations: the institution named in a speaker's descriptor.
  const size_t speaking = sources.size();
  for (size_t e = 0; e < entities.size(); ++e) {
    if (source_of[e] < 0 || static_cast<size_t>(source_of[e]) >= speaking) continue;
    const std::string& aff = entities[e].affiliation;
    if (aff.empty() || entities[e].kind == SourceKind::kOrganization) continue;
    AsciiLowerInto(aff, &lower);
    std::string_view key = StripFoldedArticle(lower);
    auto found = org_by_key.find(key);
    int org = found == org_by_key.end() ? -1 : found->second;
    if (org < 0) {
      Entity ent;
      ent.name = aff;
      ent.kind = SourceKind::kOrganization;
      ent.gender = Gender::kNeuter;
      ent.named = true;
      entities.push_back(std::move(ent));
      source_of.push_back(-1);
      org = static_cast<int>(entities.size()) - 1;
      Put(org_by_key, key, org);
    }
    int src = add(org);
    sources[source_of[e]].affiliation = src;
  }
  for (Mention& m : doc.mentions) {
    m.entity = m.entity >= 0 ? source_of[m.entity] : -1;
    if (m.entity >= 0) sources[m.entity].mentions.push_back(m.span);
  }
  doc.sources = std::move(sources);
}

}  // namespace qg::internal
