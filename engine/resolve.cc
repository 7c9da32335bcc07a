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
// they are affiliated with. Tested by tests/resolve_test.cc.
#include "engine/resolve.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory_resource>
#include <string>
#include <vector>

#include "engine/internal/entity.h"
#include "engine/internal/key_map.h"
#include "engine/internal/lexical.h"
#include "engine/internal/names.h"
#include "engine/internal/text_util.h"

namespace qg {
namespace {

using internal::AsciiLowerInto;
using internal::Entity;
using internal::FoldedContains;
using internal::FoldedIds;
using internal::FoldedStartsWith;
using internal::KeyEntities;
using internal::LowerInitialsInto;
using internal::StripArticleView;
using internal::WordsInto;

class Resolver {
 public:
  Resolver(const RuleSet& rules, Document& doc) : rules_(rules), doc_(doc) {}
  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  void Run() {
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

 private:
  // Persons by surname, newest first. An entity renamed stays listed under its
  // old surname too, as a bare surname may still mean it.
  struct SurnameLink {
    int entity;
    int next;
  };

  // Moves entity `e`, mentioned next in the history, to the front of its kind's recency list.
  void Touch(int e) {
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
  int NewEntity(const Mention& m) {
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
  void SetNameParts(Entity& e) {
    if (person_.count == 0) {
      e.first = e.last = Key(std::string_view());
      return;
    }
    e.first = Id(first_);
    e.last = person_.count == 1 ? e.first : Id(last_);
    e.tokens = static_cast<int>(person_.count);
  }

  void AddDescriptor(Entity& e, const std::string& d) {
    const int link = static_cast<int>(entities_.descriptors.size());
    entities_.descriptors.push_back({&d, -1});
    if (e.last_descriptor >= 0) {
      entities_.descriptors[e.last_descriptor].next = link;
    } else {
      e.descriptors = link;
    }
    e.last_descriptor = link;
  }

  bool HasDescriptor(const Entity& e, const std::string& d) const {
    for (int i = e.descriptors; i >= 0; i = entities_.descriptors[i].next) {
      if (*entities_.descriptors[i].text == d) return true;
    }
    return false;
  }

  void Absorb(Entity& e, const Mention& m) {
    for (const std::string& d : m.descriptors) {
      if (!HasDescriptor(e, d)) AddDescriptor(e, d);
    }
    if (e.affiliation.empty()) e.affiliation = m.affiliation;
    if (e.gender == Gender::kUnknown) e.gender = m.gender;
    if (e.reason.empty()) e.reason = m.anonymity_reason;
    if (e.count < 0) e.count = m.count;
  }

  int Join(const Mention& m) {
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

  // Every lookup goes through an index, and every scan of the mention history
  // is bounded, so resolution stays linear in an article's mentions however many
  // people it names (tests/hostile_test.cc, Issue5Resolve*).
  static constexpr size_t kHistoryScan = 400;

  void Index(int e) {
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
      LowerInitialsInto(ent.name, &initials_);
      if (initials_.size() >= 2) {
        // initials_ is a buffer, so its hash is not kept (Hash); a new key is copied out.
        uint32_t id = keys_.Find(FoldedIds::Hash(initials_));
        if (id == FoldedIds::kAbsent) id = keys_.Key(FoldedIds::Hash(Keep(initials_)));
        keys_[id].initials = e;
      }
    }
    if (ent.kind == SourceKind::kAnonymous) keys_[Key(HeadOf(ent.name))].head = e;
  }

  // A copy of `s` that lives as long as the resolver, for keys not in the text.
  std::string_view Keep(std::string_view s) {
    char* p = static_cast<char*>(arena_.allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  // person_ holds the words of the name, at least one.
  int FindPerson() const {
    const size_t words = person_.count;
    const KeyEntities* last = Known(last_);
    const int surnames = last != nullptr ? last->surnames : -1;
    // A bare surname shared by two people ("Greenspan" after Dorie and
    // Michael Greenspan) goes to the one the article talks about most.
    if (words == 1 && surnames >= 0) {
      int best = -1;
      for (int i = surnames; i >= 0; i = surnames_[i].next) {
        const int e = surnames_[i].entity;
        if (best < 0 || entities_.list[e].mention_count > entities_.list[best].mention_count ||
            (entities_.list[e].mention_count == entities_.list[best].mention_count && e > best)) {
          best = e;
        }
      }
      return best;
    }
    int best = -1;
    if (words == 1 && last != nullptr) best = std::max(best, last->by_kind[kOrg]);  // "Apple"
    const uint32_t first_id = words > 1 ? first_.id : FoldedIds::kAbsent;
    // Newest first, and only a few: people sharing a surname are few in one article.
    size_t seen = 0;
    for (int i = surnames; i >= 0 && seen < 64; i = surnames_[i].next, ++seen) {
      const Entity& ent = entities_.list[surnames_[i].entity];
      bool both_full = words > 1 && ent.tokens > 1;
      if (!both_full || ent.first == first_id) {
        best = std::max(best, surnames_[i].entity);
        break;
      }
    }
    if (words == 1) {
      if (last != nullptr) best = std::max(best, last->first);  // "Kim" for Kim Jong-un
    } else {
      // "Wang" first, "Wang Qishan" later: family names may come first.
      if (first_id != FoldedIds::kAbsent) best = std::max(best, keys_[first_id].single);
      if (last != nullptr) best = std::max(best, last->single);
    }
    return best;
  }

  static constexpr int kOrg = static_cast<int>(SourceKind::kOrganization);
  static constexpr int kAnon = static_cast<int>(SourceKind::kAnonymous);

  int Find(const Mention& m) {
    if (m.kind == MentionKind::kName) {
      if (m.source_kind == SourceKind::kPerson) return person_.count == 0 ? -1 : FindPerson();
      std::string_view key = StripArticleView(m.name);
      name_ = Probe(key);
      int best = -1;
      if (const KeyEntities* k = Known(name_)) {
        for (int e : k->by_kind) best = std::max(best, e);
        // "IRCC" after "Immigration, Refugees and Citizenship Canada", and back.
        if (key.size() >= 2) best = std::max(best, k->initials);
      }
      LowerInitialsInto(m.name, &initials_);
      if (initials_.size() >= 2) {
        if (const KeyEntities* k = keys_.Lookup(FoldedIds::Hash(initials_))) best = std::max(best, k->by_kind[kOrg]);
      }
      return best;
    }
    const std::string_view head = doc_.slice(m.head);
    // "the minister" and "Canada's prime minister" both point at someone known.
    bool definite = FoldedStartsWith(m.name, "the ");
    if (!definite && m.source_kind == SourceKind::kPerson) {
      internal::StripPossessive(doc_.slice(doc_.tokens[m.token_begin].span), &definite);
    }
    if (m.kind == MentionKind::kAnonymous) {
      int best = -1;
      name_ = Probe(StripArticleView(m.name));
      if (const KeyEntities* k = Known(name_)) best = k->by_kind[kAnon];
      if (definite) {
        if (const KeyEntities* k = keys_.Lookup(FoldedIds::Hash(head))) best = std::max(best, k->head);
      }
      return best;
    }
    // Definite descriptions recall a recent entity they fit. The fit depends
    // on the entity only, so the newest mentions of each entity, newest first,
    // are the history's mentions that matter, found with no walk over the others.
    if (!definite) return -1;
    AsciiLowerInto(head, &head_);
    const size_t window = history_entity_.size() - std::min(history_entity_.size(), kHistoryScan);
    for (int e = newest_[static_cast<int>(m.source_kind)]; e >= 0; e = entities_.list[e].older) {
      const Entity& ent = entities_.list[e];
      if (ent.last_seen < window) break;
      if (ent.kind == SourceKind::kPerson) {
        for (int d = ent.descriptors; d >= 0; d = entities_.descriptors[d].next) {
          if (FoldedContains(*entities_.descriptors[d].text, head_)) return e;
        }
      } else if (ent.named && FoldedContains(ent.name, head_)) {
        return e;
      }
    }
    // "the agency", "the company": the latest institution named.
    if (m.source_kind == SourceKind::kOrganization && rules_.organizations.Field(head, 1) == "generic") {
      for (int e = newest_[kOrg]; e >= 0; e = entities_.list[e].older) {
        const Entity& ent = entities_.list[e];
        if (ent.last_seen < window) break;
        if (ent.named && rules_.organizations.Field(ent.name, 0) != "place") return e;
      }
    }
    return -1;
  }

  // The head noun of a name: the last word the anonymous lexicon knows, as a view into it.
  std::string_view HeadOf(std::string_view name) {
    WordsInto(name, &words_);
    for (auto it = words_.rbegin(); it != words_.rend(); ++it) {
      if (rules_.anonymous.Field(*it, 1) == "anonymous") return *it;
    }
    return words_.empty() ? std::string_view() : words_.back();
  }

  static bool Compatible(Gender gender, const Entity& ent) {
    switch (gender) {
      case Gender::kMale:
      case Gender::kFemale:
        return ent.kind == SourceKind::kPerson && ent.named && !ent.weak &&
               (ent.gender == gender || ent.gender == Gender::kUnknown);
      case Gender::kNeuter:
        return ent.kind == SourceKind::kOrganization;
      case Gender::kPlural:
        return ent.kind == SourceKind::kOrganization || ent.gender == Gender::kPlural;
      case Gender::kUnknown:
        return true;
    }
    return false;
  }

  // The gender of a possessive determiner opening a description, or kUnknown.
  Gender OwnerGender(const Mention& m) const {
    if (m.kind != MentionKind::kDescription && m.kind != MentionKind::kAnonymous) return Gender::kUnknown;
    std::string_view word = doc_.slice(doc_.tokens[m.token_begin].span);
    auto is = [&](std::string_view lower) { return word.size() == lower.size() && FoldedStartsWith(word, lower); };
    if (is("his")) return Gender::kMale;
    if (is("her")) return Gender::kFemale;
    if (is("its")) return Gender::kNeuter;
    if (is("their")) return Gender::kPlural;
    return Gender::kUnknown;
  }

  // Sentence by sentence backwards, and within a sentence from its left: the
  // subject of a sentence comes before its objects, so "Even though Greenspan
  // has co-authored books with … Julia Child, she maintains …" gives Greenspan.
  // Past a window of recent sentences, the most recent compatible entity.
  int Antecedent(uint32_t sentence_of_pronoun, Gender gender) {
    constexpr uint32_t kWindow = 4;
    size_t i = history_entity_.size();
    while (i > 0) {
      const uint32_t sentence = history_sentence_[i - 1];
      if (sentence_of_pronoun >= kWindow && sentence + kWindow < sentence_of_pronoun) break;
      size_t first = i;
      while (first > 0 && history_sentence_[first - 1] == sentence) --first;
      for (size_t k = first; k < i; ++k) {
        const int e = history_entity_[k];
        if (Compatible(gender, entities_.list[e])) return Learn(gender, e);
      }
      i = first;
    }
    const size_t end = history_entity_.size() - std::min(history_entity_.size(), kHistoryScan);
    for (size_t k = history_entity_.size(); k > end; --k) {
      const int e = history_entity_[k - 1];
      if (Compatible(gender, entities_.list[e])) return Learn(gender, e);
    }
    return -1;
  }

  // A pronoun tells the gender of a person whose name did not.
  int Learn(Gender gender, int e) {
    Entity& ent = entities_.list[e];
    if (ent.kind == SourceKind::kPerson && ent.gender == Gender::kUnknown &&
        (gender == Gender::kMale || gender == Gender::kFemale)) {
      ent.gender = gender;
    }
    return e;
  }

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
  // Scratch: the first and last words of the person's name at hand, words of
  // an anonymous group's name (views into them), initials, folded head.
  internal::WordEnds person_;
  std::pmr::vector<std::string_view> words_{&arena_};
  std::string initials_, head_;
};

}  // namespace

void ResolveSources(const RuleSet& rules, Document& doc) { Resolver(rules, doc).Run(); }

}  // namespace qg
