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
#include <memory_resource>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/internal/lexical.h"
#include "engine/internal/entity.h"
#include "engine/internal/key_map.h"
#include "engine/internal/names.h"
#include "engine/internal/text_util.h"

namespace qg {
namespace {

using internal::AsciiLowerInto;
using internal::Entity;
using internal::FoldedContains;
using internal::FoldedStartsWith;
using internal::LowerInitialsInto;
using internal::StripFoldedArticle;
using internal::WordCount;
using internal::WordsInto;

using internal::KeyMap;
using internal::Put;

class Resolver {
 public:
  Resolver(const RuleSet& rules, Document& doc) : rules_(rules), doc_(doc) {}
  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  void Run() {
    entities_.reserve(doc_.mentions.size());
    history_.reserve(doc_.mentions.size());
    // At most one entity a mention: sized once, the maps never rehash.
    for (auto& map : key_by_kind_) map.reserve(doc_.mentions.size());
    first_latest_.reserve(doc_.mentions.size());
    std::vector<uint8_t> speaks(doc_.mentions.size(), 0);
    for (const Quote& q : doc_.quotes) {
      if (q.mention >= 0 && q.has_speaker) speaks[q.mention] = 1;
    }
    for (size_t m = 0; m < doc_.mentions.size(); ++m) {
      Mention& mention = doc_.mentions[m];
      const Gender owner = OwnerGender(mention);
      if (mention.kind == MentionKind::kPronoun) {
        mention.entity = Antecedent(mention);
      } else if (owner != Gender::kUnknown) {
        // "her statement", "his lawyer", "its two-page statement": the owner speaks.
        Mention as_pronoun = mention;
        as_pronoun.gender = owner;
        mention.entity = Antecedent(as_pronoun);
        if (mention.entity < 0) mention.entity = Join(mention);
      } else {
        mention.entity = Join(mention);
      }
      if (mention.entity >= 0) {
        // A name nothing vouched for as a person becomes one by speaking.
        if (speaks[m] && mention.kind == MentionKind::kName) entities_[mention.entity].weak = false;
        ++entities_[mention.entity].mention_count;
        history_.push_back(static_cast<int>(m));
      }
    }
    BuildSources(entities_, doc_);
  }

 private:
  int NewEntity(const Mention& m) {
    const int id = static_cast<int>(entities_.size());
    Entity& e = entities_.emplace_back();
    e.kind = m.source_kind;
    e.gender = m.gender;
    e.descriptors = m.descriptors;
    e.affiliation = m.affiliation;
    e.count = m.count;
    e.reason = m.anonymity_reason;
    e.named = m.kind == MentionKind::kName;
    if (e.kind == SourceKind::kOrganization && e.named && FoldedStartsWith(m.name, "the ")) {
      e.name.assign(m.name, 4);
    } else {
      e.name = m.name;
    }
    if (e.kind == SourceKind::kPerson && e.named) {
      SetNameParts(e, m.name);
      e.weak = !rules_.forenames.Contains(e.first) && m.descriptors.empty() &&
               m.gender == Gender::kUnknown;
    }
    Index(id);
    return id;
  }

  void SetNameParts(Entity& e, const std::string& name) {
    AsciiLowerInto(name, &lower_);
    WordsInto(lower_, &words_);
    if (words_.empty()) return;
    e.first = words_.front();
    e.last = words_.back();
    e.tokens = static_cast<int>(words_.size());
  }

  void Absorb(Entity& e, const Mention& m) {
    for (const std::string& d : m.descriptors) {
      if (std::find(e.descriptors.begin(), e.descriptors.end(), d) == e.descriptors.end()) e.descriptors.push_back(d);
    }
    if (e.affiliation.empty()) e.affiliation = m.affiliation;
    if (e.gender == Gender::kUnknown) e.gender = m.gender;
    if (e.reason.empty()) e.reason = m.anonymity_reason;
    if (e.count < 0) e.count = m.count;
  }

  int Join(const Mention& m) {
    int e = Find(m);
    if (e < 0) return NewEntity(m);
    Entity& ent = entities_[e];
    if (m.kind == MentionKind::kName && m.source_kind == SourceKind::kPerson &&
        ent.kind == SourceKind::kPerson) {
      int n = static_cast<int>(WordCount(m.name));
      if (n > ent.tokens) {
        ent.name = m.name;
        SetNameParts(ent, m.name);
        Index(e);
      }
      if (!m.descriptors.empty() || rules_.forenames.Contains(FirstFoldedWord(m.name))) {
        ent.weak = false;
      }
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
    const Entity& ent = entities_[e];
    AsciiLowerInto(ent.name, &lower_);
    Put(key_by_kind_[static_cast<int>(ent.kind)], StripFoldedArticle(lower_), e);
    if (ent.kind == SourceKind::kPerson && ent.named) {
      auto last = by_last_.find(std::string_view(ent.last));
      if (last == by_last_.end()) last = by_last_.emplace(std::string_view(ent.last), std::pmr::vector<int>()).first;
      std::pmr::vector<int>& same = last->second;
      if (same.empty() || same.back() != e) same.push_back(e);
      Put(first_latest_, ent.first, e);
      if (ent.tokens == 1) Put(single_latest_, ent.first, e);
    }
    if (ent.kind == SourceKind::kOrganization) {
      LowerInitialsInto(ent.name, &initials_);
      if (initials_.size() >= 2) Put(org_by_initials_, initials_, e);
    }
    // lower_ still holds the folded name.
    if (ent.kind == SourceKind::kAnonymous) Put(anon_by_head_, HeadOf(lower_), e);
  }

  // The first word of a name, folded to lower case (in lower_).
  std::string_view FirstFoldedWord(std::string_view name) {
    AsciiLowerInto(name, &lower_);
    WordsInto(lower_, &words_);
    return words_.empty() ? std::string_view() : words_.front();
  }

  int Latest(SourceKind kind, std::string_view key) const {
    auto it = key_by_kind_[static_cast<int>(kind)].find(key);
    return it == key_by_kind_[static_cast<int>(kind)].end() ? -1 : it->second;
  }

  int FindPerson(const std::vector<std::string_view>& w) const {
    // A bare surname shared by two people ("Greenspan" after Dorie and
    // Michael Greenspan) goes to the one the article talks about most.
    auto last = by_last_.find(w.back());
    if (w.size() == 1 && last != by_last_.end()) {
      int best = -1;
      for (int e : last->second) {
        if (best < 0 || entities_[e].mention_count > entities_[best].mention_count ||
            (entities_[e].mention_count == entities_[best].mention_count && e > best)) {
          best = e;
        }
      }
      return best;
    }
    int best = -1;
    if (w.size() == 1) best = std::max(best, Latest(SourceKind::kOrganization, w[0]));  // "Apple"
    if (last != by_last_.end()) {
      // Newest first, and only a few: people sharing a surname are few in one article.
      const std::pmr::vector<int>& ids = last->second;
      for (size_t i = ids.size(), seen = 0; i > 0 && seen < 64; --i, ++seen) {
        const Entity& ent = entities_[ids[i - 1]];
        bool both_full = w.size() > 1 && ent.tokens > 1;
        if (!both_full || ent.first == w.front()) {
          best = std::max(best, ids[i - 1]);
          break;
        }
      }
    }
    if (w.size() == 1) {
      auto first = first_latest_.find(w[0]);  // "Kim" for Kim Jong-un
      if (first != first_latest_.end()) best = std::max(best, first->second);
    } else {
      // "Wang" first, "Wang Qishan" later: family names may come first.
      for (std::string_view part : {w.front(), w.back()}) {
        auto single = single_latest_.find(part);
        if (single != single_latest_.end()) best = std::max(best, single->second);
      }
    }
    return best;
  }

  int Find(const Mention& m) {
    if (m.kind == MentionKind::kName) {
      AsciiLowerInto(m.name, &lower_);
      if (m.source_kind == SourceKind::kPerson) {
        WordsInto(lower_, &words_);
        return words_.empty() ? -1 : FindPerson(words_);
      }
      std::string_view key = StripFoldedArticle(lower_);
      int best = -1;
      for (SourceKind k : {SourceKind::kPerson, SourceKind::kOrganization, SourceKind::kAnonymous}) {
        best = std::max(best, Latest(k, key));
      }
      // "IRCC" after "Immigration, Refugees and Citizenship Canada", and back.
      if (key.size() >= 2) {
        auto it = org_by_initials_.find(key);
        if (it != org_by_initials_.end()) best = std::max(best, it->second);
      }
      LowerInitialsInto(m.name, &initials_);
      if (initials_.size() >= 2) best = std::max(best, Latest(SourceKind::kOrganization, initials_));
      return best;
    }
    AsciiLowerInto(doc_.slice(m.head), &head_);
    const std::string& head = head_;
    // "the minister" and "Canada's prime minister" both point at someone known.
    bool owner_named = false;
    internal::StripPossessive(doc_.slice(doc_.tokens[m.token_begin].span), &owner_named);
    bool definite = FoldedStartsWith(m.name, "the ") ||
                    (owner_named && m.source_kind == SourceKind::kPerson);
    if (m.kind == MentionKind::kAnonymous) {
      AsciiLowerInto(m.name, &lower_);
      int best = Latest(SourceKind::kAnonymous, StripFoldedArticle(lower_));
      if (definite) {
        auto it = anon_by_head_.find(head);
        if (it != anon_by_head_.end()) best = std::max(best, it->second);
      }
      return best;
    }
    // Definite descriptions recall a recent entity they fit.
    if (!definite) return -1;
    size_t scanned = 0;
    for (auto it = history_.rbegin(); it != history_.rend() && scanned < kHistoryScan; ++it, ++scanned) {
      int e = doc_.mentions[*it].entity;
      const Entity& ent = entities_[e];
      if (ent.kind != m.source_kind) continue;
      if (ent.kind == SourceKind::kPerson) {
        for (const std::string& d : ent.descriptors) {
          if (FoldedContains(d, head)) return e;
        }
      } else if (ent.named && FoldedContains(ent.name, head)) {
        return e;
      }
    }
    // "the agency", "the company": the latest institution named.
    if (m.source_kind == SourceKind::kOrganization && rules_.organizations.Field(head, 1) == "generic") {
      scanned = 0;
      for (auto it = history_.rbegin(); it != history_.rend() && scanned < kHistoryScan; ++it, ++scanned) {
        int e = doc_.mentions[*it].entity;
        if (entities_[e].kind == SourceKind::kOrganization && entities_[e].named &&
            rules_.organizations.Field(entities_[e].name, 0) != "place") {
          return e;
        }
      }
    }
    return -1;
  }

  // The head noun of an entity's name folded to lower case, as a view into it.
  std::string_view HeadOf(std::string_view folded_name) {
    WordsInto(folded_name, &words_);
    // The head noun is the last word the anonymous lexicon knows.
    for (auto it = words_.rbegin(); it != words_.rend(); ++it) {
      if (rules_.anonymous.Field(*it, 1) == "anonymous") return *it;
    }
    return words_.empty() ? std::string_view() : words_.back();
  }

  bool Compatible(const Mention& p, const Entity& ent) const {
    switch (p.gender) {
      case Gender::kMale:
      case Gender::kFemale:
        return ent.kind == SourceKind::kPerson && ent.named && !ent.weak &&
               (ent.gender == p.gender || ent.gender == Gender::kUnknown);
      case Gender::kNeuter:
        return ent.kind == SourceKind::kOrganization;
      case Gender::kPlural:
        return ent.kind == SourceKind::kOrganization || ent.gender == Gender::kPlural;
      case Gender::kUnknown:
        return true;
    }
    return false;
  }

  // Sentence by sentence backwards, and within a sentence from its left: the
  // subject of a sentence comes before its objects, so "Even though Greenspan
  // has co-authored books with … Julia Child, she maintains …" gives Greenspan.
  // Past a window of recent sentences, the most recent compatible entity.
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

  int Antecedent(const Mention& p) {
    constexpr uint32_t kWindow = 4;
    size_t i = history_.size();
    while (i > 0) {
      const uint32_t sentence = doc_.mentions[history_[i - 1]].sentence;
      if (p.sentence >= kWindow && sentence + kWindow < p.sentence) break;
      size_t first = i;
      while (first > 0 && doc_.mentions[history_[first - 1]].sentence == sentence) --first;
      for (size_t k = first; k < i; ++k) {
        int e = doc_.mentions[history_[k]].entity;
        if (Compatible(p, entities_[e])) return Learn(p, e);
      }
      i = first;
    }
    size_t scanned = 0;
    for (auto it = history_.rbegin(); it != history_.rend() && scanned < kHistoryScan; ++it, ++scanned) {
      int e = doc_.mentions[*it].entity;
      if (Compatible(p, entities_[e])) return Learn(p, e);
    }
    return -1;
  }

  // A pronoun tells the gender of a person whose name did not.
  int Learn(const Mention& p, int e) {
    Entity& ent = entities_[e];
    if (ent.kind == SourceKind::kPerson && ent.gender == Gender::kUnknown &&
        (p.gender == Gender::kMale || p.gender == Gender::kFemale)) {
      ent.gender = p.gender;
    }
    return e;
  }

  const RuleSet& rules_;
  Document& doc_;
  std::vector<Entity> entities_;
  std::vector<int> history_;  // mentions with an entity, in text order
  std::pmr::monotonic_buffer_resource arena_;  // declared before the maps that use it
  KeyMap<int> key_by_kind_[3] = {KeyMap<int>(&arena_), KeyMap<int>(&arena_), KeyMap<int>(&arena_)};  // name without article -> latest entity
  KeyMap<std::pmr::vector<int>> by_last_{&arena_};  // persons by surname
  KeyMap<int> first_latest_{&arena_}, single_latest_{&arena_};  // by first name; one-word names
  KeyMap<int> org_by_initials_{&arena_};
  KeyMap<int> anon_by_head_{&arena_};
  // Scratch buffers: folded text of the mention or entity at hand, its words
  // (views into lower_), initials and head; reused so no lookup allocates.
  std::string lower_, initials_, head_;
  std::vector<std::string_view> words_;
};

}  // namespace

void ResolveSources(const RuleSet& rules, Document& doc) { Resolver(rules, doc).Run(); }

}  // namespace qg
