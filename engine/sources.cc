// Turns the entities that speak into Document::sources, with the institutions
// they are affiliated with. Tested by tests/resolve_test.cc.
#include <string>
#include <vector>

#include "engine/internal/entity.h"
#include "engine/internal/key_map.h"
#include "engine/internal/names.h"

namespace qg::internal {

namespace {

// Institutions by name without article, for affiliations; the latest wins.
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

void BuildSources(Entities& entities, Document& doc) {
  std::vector<Entity>& list = entities.list;
  std::vector<int> source_of(list.size(), -1);
  std::vector<Source> sources;
  auto add = [&](int e) {
    if (source_of[e] >= 0) return source_of[e];
    const Entity& ent = list[e];
    Source& s = sources.emplace_back();
    s.name.assign(ent.name);
    s.kind = ent.kind;
    for (int d = ent.descriptors; d >= 0; d = entities.descriptors[d].next) {
      s.descriptors.push_back(*entities.descriptors[d].text);
    }
    s.count = ent.count;
    s.anonymity_reason.assign(ent.reason);
    s.gender = ent.gender;
    source_of[e] = static_cast<int>(sources.size()) - 1;
    return source_of[e];
  };
  for (Quote& q : doc.quotes) {
    if (q.mention < 0 || q.kind == QuoteKind::kTerm) continue;
    int e = doc.mentions[q.mention].entity;
    q.source = e >= 0 ? add(e) : -1;
  }
  // Affiliations: the institution named in a speaker's descriptor. The index
  // of institutions is built when a speaker first has an affiliation.
  OrgIndex orgs;
  bool indexed = false;
  const size_t speaking = sources.size();
  for (size_t e = 0; e < list.size(); ++e) {
    if (source_of[e] < 0 || static_cast<size_t>(source_of[e]) >= speaking) continue;
    // A view into a mention: it outlives the entities appended below.
    const std::string_view aff = list[e].affiliation;
    if (aff.empty() || list[e].kind == SourceKind::kOrganization) continue;
    if (!indexed) {
      for (size_t o = 0; o < list.size(); ++o) {
        if (list[o].kind == SourceKind::kOrganization) orgs.Put(StripArticleView(list[o].name), static_cast<int>(o));
      }
      indexed = true;
    }
    const std::string_view key = StripArticleView(aff);
    int org = orgs.Find(key);
    if (org < 0) {
      Entity& ent = list.emplace_back();
      ent.name = aff;
      ent.kind = SourceKind::kOrganization;
      ent.gender = Gender::kNeuter;
      ent.named = true;
      source_of.push_back(-1);
      org = static_cast<int>(list.size()) - 1;
      orgs.Put(key, org);
    }
    int src = add(org);
    sources[source_of[e]].affiliation = src;
  }
  // Each source's mentions, counted first so each list is allocated once.
  std::vector<uint32_t> count(sources.size(), 0);
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
