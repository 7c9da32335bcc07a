// The resolver of resolve.cc (internal): its state, shared by the clustering
// (resolve.cc) and the search for what a mention refers to (resolve_find.cc).
#pragma once

#include <cstddef>
#include <cstring>
#include <memory_resource>
#include <string>
#include <string_view>
#include <vector>

#include "engine/document.h"
#include "engine/internal/entity.h"
#include "engine/internal/key_map.h"
#include "engine/internal/names.h"
#include "engine/rules.h"

namespace qg::internal {

class Resolver {
 public:
  Resolver(const RuleSet& rules, Document& doc) : rules_(rules), doc_(doc) {}
  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  void Run();

 private:
  // Persons by surname, newest first. An entity renamed stays listed under its
  // old surname too, as a bare surname may still mean it.
  struct SurnameLink {
    int entity;
    int next;
  };

  // Moves entity `e`, mentioned next in the history, to the front of its kind's recency list.
  void Touch(int e);

  static bool IsPersonName(const Mention& m) {
    return m.kind == MentionKind::kName && m.source_kind == SourceKind::kPerson;
  }

  // A key of the name at hand, hashed once, with its number once known: Find
  // looks a name and its words up, and Index inserts the same ones.
  struct NameKey {
    FoldedIds::Hashed hash;
    uint32_t id = FoldedIds::kAbsent;
  };
  NameKey Probe(std::string_view key) const {
    NameKey k{FoldedIds::Hash(key)};
    k.id = keys_.Find(k.hash);
    return k;
  }
  uint32_t Id(NameKey& k) {
    if (k.id == FoldedIds::kAbsent) k.id = keys_.Key(k.hash);
    return k.id;
  }
  const KeyEntities* Known(const NameKey& k) const { return k.id == FoldedIds::kAbsent ? nullptr : &keys_[k.id]; }

  // The number of `key`, a view into a mention. When it is name_'s very bytes
  // (not merely equal text), name_'s hash and number serve: mentions do not
  // change while they are resolved, and numbers never do.
  uint32_t Key(std::string_view key) {
    if (key.data() == name_.hash.key.data() && key.size() == name_.hash.key.size()) return Id(name_);
    return keys_.Key(FoldedIds::Hash(key));
  }

  // person_ holds the words of m.name when IsPersonName(m).
  int NewEntity(const Mention& m);

  // From person_, the words of e.name. A name of no words keeps empty ones.
  void SetNameParts(Entity& e);

  void AddDescriptor(Entity& e, const std::string& d);

  bool HasDescriptor(const Entity& e, const std::string& d) const;

  void Absorb(Entity& e, const Mention& m);

  int Join(const Mention& m);

  // Every lookup goes through an index, and every scan of the mention history
  // is bounded, so resolution stays linear in an article's mentions however many
  // people it names (tests/hostile_test.cc, Issue5Resolve*).
  static constexpr size_t kHistoryScan = 400;

  void Index(int e);

  // A copy of `s` that lives as long as the resolver, for keys not in the text.
  std::string_view Keep(std::string_view s) {
    char* p = static_cast<char*>(arena_.allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  // person_ holds the words of the name, at least one.
  int FindPerson() const;

  static constexpr int kOrg = static_cast<int>(SourceKind::kOrganization);
  static constexpr int kAnon = static_cast<int>(SourceKind::kAnonymous);

  int Find(const Mention& m);

  // The head noun of a name: the last word the anonymous lexicon knows, as a view into it.
  std::string_view HeadOf(std::string_view name) const;

  static bool Compatible(Gender gender, const Entity& ent);

  // The gender of a possessive determiner opening a description, or kUnknown.
  Gender OwnerGender(const Mention& m) const;

  // Sentence by sentence backwards, and within a sentence from its left: the
  // subject of a sentence comes before its objects, so "Even though Greenspan
  // has co-authored books with … Julia Child, she maintains …" gives Greenspan.
  // Past a window of recent sentences, the most recent compatible entity.
  int Antecedent(uint32_t sentence_of_pronoun, Gender gender);

  // A pronoun tells the gender of a person whose name did not.
  int Learn(Gender gender, int e);

  const RuleSet& rules_;
  Document& doc_;
  // Everything below lives in arena_, which starts in buffer_: an article of
  // up to about 150 mentions (most) allocates nothing, and none is freed alone.
  static constexpr size_t kBufferBytes = 48 << 10;
  alignas(std::max_align_t) std::byte buffer_[kBufferBytes];
  std::pmr::monotonic_buffer_resource arena_{buffer_, kBufferBytes};
  internal::Entities entities_{&arena_};
  // Mentions with an entity, in text order: their entities and sentences.
  std::pmr::vector<int> history_entity_{&arena_};
  std::pmr::vector<uint32_t> history_sentence_{&arena_};
  internal::KeyIndex keys_{&arena_};  // keys are views into the mentions or arena_
  std::pmr::vector<SurnameLink> surnames_{&arena_};
  int newest_[3] = {-1, -1, -1};  // by SourceKind: the entity mentioned last (Touch)
  // Keys of the name at hand (Join): without article, its first and last words.
  NameKey name_{FoldedIds::Hash({})}, first_, last_;
  // Scratch: the first and last words of the person's name at hand (views
  // into it), initials, folded head.
  internal::WordEnds person_;
  std::string initials_, head_;
  // The name initials_ was read from (a view into a mention), and its key.
  std::string_view initials_of_;
  NameKey initials_key_{FoldedIds::Hash({})};
};

}  // namespace qg::internal
