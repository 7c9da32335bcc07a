// Resolution's search (see resolve.cc): the entity a mention refers to, if any
// was met before: a person by surname or first name, an institution by name or
// initials, an anonymous source by its descriptor or head noun, a definite
// description by the recent entities it fits, a pronoun by the nearest
// compatible entity. Tested by tests/resolve_test.cc.
#include <algorithm>
#include <string>

#include "engine/internal/lexical.h"
#include "engine/internal/resolver.h"
#include "engine/internal/text_util.h"

namespace qg::internal {

// person_ holds the words of the name, at least one.
int Resolver::FindPerson() const {
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

int Resolver::Find(const Mention& m) {
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
    initials_of_ = m.name;
    if (initials_.size() >= 2) {
      initials_key_ = Probe(initials_);
      if (const KeyEntities* k = Known(initials_key_)) best = std::max(best, k->by_kind[kOrg]);
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
std::string_view Resolver::HeadOf(std::string_view name) const {
  // Words from the last, with no list of them: most heads are the last word.
  std::string_view last;
  size_t end = name.size();
  while (end > 0) {
    if (name[end - 1] == ' ') {
      --end;
      continue;
    }
    size_t begin = end;
    while (begin > 0 && name[begin - 1] != ' ') --begin;
    const std::string_view word = name.substr(begin, end - begin);
    if (last.empty()) last = word;
    if (rules_.anonymous.Field(word, 1) == "anonymous") return word;
    end = begin;
  }
  return last;
}

bool Resolver::Compatible(Gender gender, const Entity& ent) {
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
Gender Resolver::OwnerGender(const Mention& m) const {
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
int Resolver::Antecedent(uint32_t sentence_of_pronoun, Gender gender) {
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
int Resolver::Learn(Gender gender, int e) {
  Entity& ent = entities_.list[e];
  if (ent.kind == SourceKind::kPerson && ent.gender == Gender::kUnknown &&
      (gender == Gender::kMale || gender == Gender::kFemale)) {
    ent.gender = gender;
  }
  return e;
}

}  // namespace qg::internal
