// Turns the entities that speak into Document::sources, with the institutions
// they are affiliated with. Tested by tests/resolve_test.cc.
#include <memory_resource>
#include <string>
#include <utility>
#include <vector>

#include "engine/internal/entity.h"
#include "engine/internal/key_map.h"
#include "engine/internal/names.h"

namespace qg::internal {

namespace {

// Institutions by name without article; the latest wins.
class OrgIndex {
 public:
  int Find(std::string_view key) const {
    const uint32_t id = ids_.Find(key);
    return id == FoldedIds::kAbsent ? -1 : latest_[id];
  }
  // `key` must outlive the index.
  void Put(std::string_view key, int org) {
    const uint32_t id = ids_.Insert(key);
    if (id == latest_.size()) latest_.push_back(org);
    latest_[id] = org;
  }

 private:
  FoldedIds ids_;
  std::vector<int> latest_;
};

}  // namespace

void BuildSources(Entities& entities, const KeyIndex& keys, Document& doc) {
  std::pmr::vector<Entity>& list = entities.list;
  std::pmr::memory_resource* scratch = list.get_allocator().resource();
  // Which entities become sources, in order, before any is copied out.
  std::pmr::vector<int> source_of(list.size(), -1, scratch);
  std::pmr::vector<int> order(scratch);  // the entity of each source
  auto add = [&](int e) {
    if (source_of[e] < 0) {
      source_of[e] = static_cast<int>(order.size());
      order.push_back(e);
    }
    return source_of[e];
  };
  for (Quote& q : doc.quotes) {
    if (q.mention < 0 || q.kind == QuoteKind::kTerm) continue;
    int e = doc.mentions[q.mention].entity;
    q.source = e >= 0 ? add(e) : -1;
  }
  // Affiliations: the institution named in a speaker's descriptor, the latest
  // of that name: one made here for an earlier speaker, else the resolver's.
  constexpr int kOrg = static_cast<int>(SourceKind::kOrganization);
  OrgIndex made;
  std::pmr::vector<std::pair<int, int>> affiliations(scratch);  // source, its institution's source
  const size_t speaking = order.size();
  for (size_t e = 0; e < list.size(); ++e) {
    if (source_of[e] < 0 || static_cast<size_t>(source_of[e]) >= speaking) continue;
    // A view into a mention: it outlives the entities appended below.
    const std::string_view aff = list[e].affiliation;
    if (aff.empty() || list[e].kind == SourceKind::kOrganization) continue;
    const std::string_view key = StripArticleView(aff);
    int org = made.Find(key);
    if (org < 0) {
      const KeyEntities* known = keys.Lookup(key);
      org = known != nullptr ? known->by_kind[kOrg] : -1;
    }
    if (org < 0) {
      Entity& ent = list.emplace_back();
      ent.name = aff;
      ent.kind = SourceKind::kOrganization;
      ent.gender = Gender::kNeuter;
      ent.named = true;
      source_of.push_back(-1);
      org = static_cast<int>(list.size()) - 1;
      made.Put(key, org);
    }
    affiliations.emplace_back(source_of[e], add(org));
  }
  std::vector<Source> sources(order.size());
  for (size_t s = 0; s < order.size(); ++s) {
    const Entity& ent = list[order[s]];
    Source& source = sources[s];
    source.name.assign(ent.name);
    source.kind = ent.kind;
    size_t descriptors = 0;
    for (int d = ent.descriptors; d >= 0; d = entities.descriptors[d].next) ++descriptors;
    source.descriptors.reserve(descriptors);
    for (int d = ent.descriptors; d >= 0; d = entities.descriptors[d].next) {
      source.descriptors.push_back(*entities.descriptors[d].text);
    }
    source.count = ent.count;
    source.anonymity_reason.assign(ent.reason);
    source.gender = ent.gender;
  }
  for (const auto& [source, org] : affiliations) sources[source].affiliation = org;
  // Each source's mentions, counted first so each list is allocated once.
  std::pmr::vector<uint32_t> count(sources.size(), 0, scratch);
  for (Mention& m : doc.mentions) {
    m.entity = m.entity >= 0 ? source_of[m.entity] : -1;
    if (m.entity >= 0) ++count[m.entity];
  }
  for (size_t s = 0; s < sources.size(); ++s) sources[s].mentions.reserve(count[s]);
  for (const Mention& m : doc.mentions) {
    if (m.entity >= 0) sources[m.entity].mentions.push_back(m.span);
  }
  doc.sources = std::move(sources);
}

}  // namespace qg::internal
