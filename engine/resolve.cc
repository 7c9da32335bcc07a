// Resolution: clusters mentions into entities, then keeps the entities that speak.
//
// Mentions are read in text order and each joins or starts an entity:
//  - a person's name joins the entity with the same surname (or whose first
//    name it is: "Kim" after "Kim Jong-un"), unless both carry different first
//    names; title+surname ("Mr. Fry") reaches "Pete Fry" this way;
//  - institutions join by their name without "the";
//  - an anonymous descriptor joins an earlier identical one ("a senior
//    administration official" twice is one source); "the sources" recalls the
//    most recent anonymous group with the same head noun;
//  - a definite description recalls the latest entity it fits: "the mayor" a
//    person described as mayor, "the bank" an institution named "… Bank …";
//  - a pronoun takes the most recent compatible entity: he/she a person of that
//    gender or of unknown gender, it an institution, they a group or institution.
// Sources are then the entities some quote resolves to, plus the institutions
// they are affiliated with. This file clusters; resolve_find.cc finds what a
// mention refers to; internal/resolver.h holds their shared state. Tested by
// tests/resolve_test.cc.
#include "engine/resolve.h"

#include <algorithm>
#include <string>

#include "engine/internal/resolver.h"
#include "engine/internal/text_util.h"

namespace qg {
namespace internal {

void Resolver::Run() {
  const size_t n = doc_.mentions.size();
  // At most one entity a mention (BuildSources may add a few institutions).
  entities_.list.reserve(n);
  entities_.descriptors.reserve(n);
  history_entity_.reserve(n);
  history_sentence_.reserve(n);
  surnames_.reserve(n);
  // A name, its first and last words and initials or head noun: a few keys a
  // mention, most of them repeats (0.77 a mention on /tmp/c18.jsonl, at most 1.5).
  keys_.Reserve(n);
  std::pmr::vector<uint8_t> speaks(n, 0, &arena_);
  for (const Quote& q : doc_.quotes) {
    if (q.mention >= 0 && q.has_speaker) speaks[q.mention] = 1;
  }
  for (size_t m = 0; m < n; ++m) {
    Mention& mention = doc_.mentions[m];
    const Gender owner = OwnerGender(mention);
    if (mention.kind == MentionKind::kPronoun) {
      mention.entity = Antecedent(mention.sentence, mention.gender);
    } else if (owner != Gender::kUnknown) {
      // "her statement", "his lawyer", "its two-page statement": the owner speaks.
      mention.entity = Antecedent(mention.sentence, owner);
      if (mention.entity < 0) mention.entity = Join(mention);
    } else {
      mention.entity = Join(mention);
    }
    if (mention.entity >= 0) {
      Entity& ent = entities_.list[mention.entity];
      // A name nothing vouched for as a person becomes one by speaking.
      if (speaks[m] && mention.kind == MentionKind::kName) ent.weak = false;
      ++ent.mention_count;
      Touch(mention.entity);
      history_entity_.push_back(mention.entity);
      history_sentence_.push_back(mention.sentence);
    }
  }
  BuildSources(entities_, keys_, doc_);
}

// Moves entity `e`, mentioned next in the history, to the front of its kind's recency list.
void Resolver::Touch(int e) {
  Entity& ent = entities_.list[e];
  ent.last_seen = static_cast<uint32_t>(history_entity_.size());
  int& newest = newest_[static_cast<int>(ent.kind)];
  if (newest == e) return;
  if (ent.newer >= 0) entities_.list[ent.newer].older = ent.older;
  if (ent.older >= 0) entities_.list[ent.older].newer = ent.newer;
  ent.newer = -1;
  ent.older = newest;
  if (newest >= 0) entities_.list[newest].newer = e;
  newest = e;
}

// person_ holds the words of m.name when IsPersonName(m).
int Resolver::NewEntity(const Mention& m) {
  const int id = static_cast<int>(entities_.list.size());
  Entity& e = entities_.list.emplace_back();
  e.kind = m.source_kind;
  e.gender = m.gender;
  for (const std::string& d : m.descriptors) AddDescriptor(e, d);
  e.affiliation = m.affiliation;
  e.count = m.count;
  e.reason = m.anonymity_reason;
  e.named = m.kind == MentionKind::kName;
  e.name = m.name;
  if (e.kind == SourceKind::kOrganization && e.named && FoldedStartsWith(m.name, "the ")) {
    e.name.remove_prefix(4);
  }
  if (e.kind == SourceKind::kPerson && e.named) {
    SetNameParts(e);
    e.weak = m.descriptors.empty() && m.gender == Gender::kUnknown && !rules_.forenames.Contains(person_.first);
  }
  Index(id);
  return id;
}

// From person_, the words of e.name. A name of no words keeps empty ones.
void Resolver::SetNameParts(Entity& e) {
  if (person_.count == 0) {
    e.first = e.last = Key(std::string_view());
    return;
  }
  e.first = Id(first_);
  e.last = person_.count == 1 ? e.first : Id(last_);
  e.tokens = static_cast<int>(person_.count);
}

void Resolver::AddDescriptor(Entity& e, const std::string& d) {
  const int link = static_cast<int>(entities_.descriptors.size());
  entities_.descriptors.push_back({&d, -1});
  if (e.last_descriptor >= 0) {
    entities_.descriptors[e.last_descriptor].next = link;
  } else {
    e.descriptors = link;
  }
  e.last_descriptor = link;
}

bool Resolver::HasDescriptor(const Entity& e, const std::string& d) const {
  for (int i = e.descriptors; i >= 0; i = entities_.descriptors[i].next) {
    if (*entities_.descriptors[i].text == d) return true;
  }
  return false;
}

void Resolver::Absorb(Entity& e, const Mention& m) {
  for (const std::string& d : m.descriptors) {
    if (!HasDescriptor(e, d)) AddDescriptor(e, d);
  }
  if (e.affiliation.empty()) e.affiliation = m.affiliation;
  if (e.gender == Gender::kUnknown) e.gender = m.gender;
  if (e.reason.empty()) e.reason = m.anonymity_reason;
  if (e.count < 0) e.count = m.count;
}

int Resolver::Join(const Mention& m) {
  const bool person_name = IsPersonName(m);
  if (person_name) {
    person_ = internal::FirstLastWords(m.name);
    if (person_.count != 0) {
      last_ = Probe(person_.last);
      first_ = person_.count == 1 ? last_ : Probe(person_.first);
      // A name of one word is its key too.
      name_ = last_;
    }
  }
  int e = Find(m);
  if (e < 0) return NewEntity(m);
  Entity& ent = entities_.list[e];
  if (person_name && ent.kind == SourceKind::kPerson) {
    // Find found nobody for a name of no words, so it has a first word.
    if (static_cast<int>(person_.count) > ent.tokens) {
      ent.name = m.name;
      SetNameParts(ent);
      Index(e);
    }
    if (ent.weak && (!m.descriptors.empty() || rules_.forenames.Contains(person_.first))) ent.weak = false;
    ent.named = true;
  }
  Absorb(ent, m);
  return e;
}

void Resolver::Index(int e) {
  const Entity& ent = entities_.list[e];
  const int kind = static_cast<int>(ent.kind);
  keys_[Key(StripArticleView(ent.name))].by_kind[kind] = e;
  if (ent.kind == SourceKind::kPerson && ent.named) {
    KeyEntities& last = keys_[ent.last];
    if (last.surnames < 0 || surnames_[last.surnames].entity != e) {
      surnames_.push_back({e, last.surnames});
      last.surnames = static_cast<int>(surnames_.size()) - 1;
    }
    keys_[ent.first].first = e;
    if (ent.tokens == 1) keys_[ent.first].single = e;
  }
  if (ent.kind == SourceKind::kOrganization) {
    // Find has just read the initials of the same name, unless "the " was cut off it.
    const bool same = initials_of_.data() == ent.name.data() && initials_of_.size() == ent.name.size();
    if (!same) {
      LowerInitialsInto(ent.name, &initials_);
      if (initials_.size() >= 2) initials_key_ = Probe(initials_);
    }
    if (initials_.size() >= 2) {
      // initials_ is a buffer: a new key is copied out, with the hash it had.
      NameKey& k = initials_key_;
      if (k.id == FoldedIds::kAbsent) {
        k.hash.key = Keep(initials_);
        k.id = keys_.Key(k.hash);
      }
      keys_[k.id].initials = e;
    }
  }
  if (ent.kind == SourceKind::kAnonymous) keys_[Key(HeadOf(ent.name))].head = e;
}

}  // namespace internal

void ResolveSources(const RuleSet& rules, Document& doc) { internal::Resolver(rules, doc).Run(); }

}  // namespace qg
