// Builds the mention of a typed head: a name with its descriptors, titles and
// institution, or an anonymous or institutional phrase with its count,
// post-modifiers ("familiar with the matter", "for Trudeau") and stated reason
// for anonymity. Called by the chunker in speakers.cc. Tested by
// tests/speakers_test.cc.
#include <algorithm>

#include "engine/internal/chunker.h"

namespace qg::internal {

// The capitalised run ending at h, with its connectors.
uint32_t Chunker::RunStart(uint32_t body_begin, uint32_t h, uint32_t sent_begin) const {
  uint32_t r = h;
  while (r > body_begin) {
    uint32_t p = r - 1;
    if (w_.Has(p, kPeriodToken) && p > body_begin) { r = p; continue; }
    if (NameLike(p, sent_begin) || (w_.FactsOf(w_.WithDot(p, h + 1)) & kHonorific) ||
        (p > body_begin && w_.Is(p, kNameConnector))) {
      r = p;
    } else {
      break;
    }
  }
  return r;
}

void Chunker::EmitName(uint32_t s, uint32_t t, uint32_t body_begin, uint32_t h, uint32_t j) {
  const Sentence& sent = doc_.sentences[s];
  uint32_t run = RunStart(body_begin, h, sent.token_begin);
  // The last office title inside the run splits descriptor from name:
  // "European Commission President | Ursula von der Leyen".
  uint32_t name_begin = run;
  Gender gender = Gender::kUnknown;
  bool titled = false;
  for (uint32_t k = run; k <= h; ++k) {
    const uint32_t f = w_.FactsOf(w_.WithDot(k, j));
    if ((f & kOffice) && k < h) {
      name_begin = k + 1;
      titled = true;
    }
    if (f & kHonorific) {
      titled = true;
      if (f & kMaleTitle) gender = Gender::kMale;
      if (f & kFemaleTitle) gender = Gender::kFemale;
      // Honorifics stay in the mention but not in the name.
      if (k == name_begin) name_begin = w_.DotFollows(k, j) ? k + 2 : k + 1;
    }
  }
  if (name_begin > h) name_begin = h;
  // Words before a name describe it only when a title or an institution is
  // among them ("Pentagon spokesman John Kirby"); "to deter Putin" has none.
  if (run > body_begin) {
    bool describes = false;
    for (uint32_t k = body_begin; k < run; ++k) {
      if ((w_.WordFacts(k) & kTitle) || w_.Capitalized(k)) describes = true;
    }
    if (!describes) {
      t = run;
      body_begin = run;
    }
  }
  // Lower-case descriptor words before the run ("Pentagon spokesman").
  for (uint32_t k = body_begin; k < run; ++k) {
    const uint32_t f = w_.WordFacts(k);
    if (f & kGenderedTitle) titled = true;
    if (f & kMaleTitle) gender = Gender::kMale;
    if (f & kFemaleTitle) gender = Gender::kFemale;
  }
  for (uint32_t k = run; k < name_begin; ++k) {
    const uint32_t f = w_.FactsOf(w_.WithDot(k, j));
    if (f & kMaleTitle) gender = Gender::kMale;
    if (f & kFemaleTitle) gender = Gender::kFemale;
  }
  // Built in place: a Mention is four strings and a vector, costly to move.
  Mention& m = out_.emplace_back();
  m.kind = MentionKind::kName;
  m.token_begin = t;
  m.token_end = j;
  m.sentence = s;
  m.span = Span{doc_.tokens[t].span.begin, doc_.tokens[j - 1].span.end};
  m.head = Span{doc_.tokens[name_begin].span.begin, doc_.tokens[h].span.end};
  // The flag is StripPossessive's answer, kept a token.
  const bool poss = w_.Possessive(h);
  std::string_view last = TokenText(doc_, h);
  if (poss) {
    bool stripped = false;
    last = internal::StripPossessive(last, &stripped);
    m.head.end -= static_cast<uint32_t>(TokenText(doc_, h).size() - last.size());
    m.span.end = m.head.end;
    m.possessive = true;
  }
  const std::string_view name = doc_.slice(m.head);
  m.name = std::string(name);
  if (name_begin > body_begin) {
    m.descriptors.push_back(Text(body_begin, name_begin));
    m.affiliation = Affiliation(body_begin, name_begin, j);
  }
  // Person or institution?
  const uint32_t first_facts = w_.WordFacts(name_begin);
  const uint32_t last_facts = w_.BaseFacts(h);
  // The flag is the whole token's; a possessive's base is asked afresh.
  const bool last_acronym = poss ? internal::IsAcronym(last) : w_.Acronym(h);
  bool acronym = last_acronym && name_begin == h;
  // "CANADIAN PRESS FILE", "READ MORE": capitals throughout are a credit or a kicker.
  bool shouting = h > name_begin && w_.Acronym(name_begin) && last_acronym;
  // A one-word name is its head's base: asked by number, not hashed again.
  bool name_known, name_is_org;
  if (name_begin == h) {
    name_known = last_facts & kOrganization;
    name_is_org = last_facts & (kOrgName | kOrgPlace);
  } else {
    const std::vector<std::string>* entry = OrgEntryOfPhrase(name_begin, name);
    const std::string_view type = entry == nullptr || entry->empty() ? std::string_view()
                                                                     : std::string_view((*entry)[0]);
    name_known = entry != nullptr;
    name_is_org = type == "name" || type == "place";
  }
  bool org = name_is_org || (last_facts & kOrgHead) || LocativeBefore(t) ||
             ((first_facts & kOrgHead) && h > name_begin) || (acronym && !titled) || shouting;
  if (titled && !name_known) org = false;
  m.source_kind = org ? SourceKind::kOrganization : SourceKind::kPerson;
  if (!org) ExtendAffiliation(m, j, sent.token_end);
  if (org) {
    // "the White House": the article is no part of the name (it is not in m.name).
    m.gender = Gender::kNeuter;
  } else {
    // Unknown until ResolveForenameGenders reads the forename list.
    if (gender == Gender::kUnknown) {
      pending_genders_.push_back(
          PendingGender{static_cast<uint32_t>(out_.size() - 1), name_begin, nullptr});
    }
    m.gender = gender;
  }
}

// "Tim Guest with the Nova Scotia Health Authority", "Kent Moore at the
// University of Toronto": the institution after a person's name is part of
// the mention, so the speaker before the cue is the person, not the institution.
void Chunker::ExtendAffiliation(Mention& m, uint32_t j, uint32_t end) const {
  if (j + 1 >= end || !Usable(j, end)) return;
  if (!w_.Is(j, kAffiliationLink)) return;
  uint32_t k = j + 1;
  if (Usable(k, end) && w_.Is(k, kThe)) ++k;
  uint32_t start = k;
  while (k < end && Usable(k, end) && k - start < 8 &&
         (w_.Capitalized(k) ||
          (k > start && w_.Is(k, kOfFor) && k + 1 < end && w_.Capitalized(k + 1)))) {
    ++k;
  }
  if (k == start) return;
  const std::string_view org = doc_.slice(Span{doc_.tokens[start].span.begin, doc_.tokens[k - 1].span.end});
  // The head words first: they are array reads; the whole name is asked by text.
  if (!((w_.WordFacts(k - 1) & kOrgHead) || (w_.WordFacts(start) & kOrgHead))) {
    const std::vector<std::string>* entry =
        k == start + 1 ? rules_.organizations.Find(w_.Word(start)) : OrgEntryOfPhrase(start, org);
    if (entry == nullptr || entry->empty() || (*entry)[0] != "name") return;
  }
  m.token_end = k;
  m.span.end = doc_.tokens[k - 1].span.end;
  if (m.affiliation.empty()) m.affiliation = std::string(org);
}

// A name after "in", "from", "near" is a place ("in Montreal", "from Nova Scotia").
bool Chunker::LocativeBefore(uint32_t t) const {
  return t > 0 && IsWord(t - 1) && w_.Is(t - 1, kLocative);
}

// The institution named among descriptor words: their capitalised run.
std::string Chunker::Affiliation(uint32_t a, uint32_t b, uint32_t end) const {
  uint32_t best_a = b, best_b = b;
  for (uint32_t k = a; k < b;) {
    if (w_.Capitalized(k) && !(w_.FactsOf(w_.WithDot(k, end)) & kTitleClass) &&
        w_.Code(k) == Fn::kNone) {
      uint32_t e = k;
      while (e < b && w_.Capitalized(e) && !(w_.FactsOf(w_.WithDot(e, end)) & kTitleClass)) {
        ++e;
      }
      best_a = k;
      best_b = e;
      k = e;
    } else {
      ++k;
    }
  }
  return best_a < best_b ? Text(best_a, best_b) : std::string();
}

void Chunker::Emit(uint32_t s, uint32_t t, uint32_t body_begin, uint32_t h, uint32_t j, int count, MentionKind kind, SourceKind source_kind) {
  const Sentence& sent = doc_.sentences[s];
  Mention& m = out_.emplace_back();
  m.kind = kind;
  m.source_kind = source_kind;
  m.sentence = s;
  m.count = count;
  m.token_begin = t;
  uint32_t end = j;
  // Post-modifiers of anonymous sources: "familiar with the matter", "for Trudeau".
  if (source_kind == SourceKind::kAnonymous ||
      (source_kind == SourceKind::kPerson && kind == MentionKind::kDescription)) {
    end = PostModifier(j, sent.token_end);
  }
  m.token_end = end;
  m.span = Span{doc_.tokens[t].span.begin, doc_.tokens[end - 1].span.end};
  m.head = doc_.tokens[h].span;
  m.name = Text(t, end);
  // The first letter folded: "Officials said" names "officials".
  const char first = m.name[0];
  const char lowered = IsAsciiUpper(first) ? static_cast<char>(first - 'A' + 'a') : first;
  bool capitalized = IsCapitalized(m.name);
  if (capitalized && w_.Code(t) != Fn::kNone) {
    m.name[0] = lowered;
    capitalized = IsCapitalized(m.name);
  }
  if (capitalized && t == sent.token_begin && (w_.WordFacts(t) & kAnonymous)) {
    m.name[0] = lowered;
  }
  const uint32_t head = w_.WordFacts(h);
  m.gender = (head & kPluralNoun) ? Gender::kPlural : Gender::kUnknown;
  if (source_kind == SourceKind::kOrganization) m.gender = Gender::kNeuter;
  if (head & kMaleTitle) m.gender = Gender::kMale;
  if (head & kFemaleTitle) m.gender = Gender::kFemale;
  m.affiliation = Affiliation(body_begin, h, j);
  if (h > body_begin) m.descriptors.push_back(Text(body_begin, h + 1));
  // "a White House statement": the document speaks for the institution it names.
  if (source_kind == SourceKind::kOrganization && !m.affiliation.empty() &&
      (head & kOrgDoc)) {
    m.kind = MentionKind::kName;
    m.name = m.affiliation;
  }
  if (source_kind == SourceKind::kAnonymous) m.anonymity_reason = Reason(end, sent.token_end);
}

// PhraseAt for a word that starts keys of several words.
uint32_t Chunker::LongestPhraseAt(const Lexicon& lex, std::string_view cls, uint32_t t,
                                  uint32_t end) const {
  // While the words are one space apart the phrase is a span of the text,
  // built only otherwise. Lexicons fold keys as they look them up.
  const std::string_view text = doc_.text;
  std::string phrase;
  bool spaced = true;
  uint32_t best = 0;
  for (uint32_t k = t; k < end && k - t < lex.max_words(); ++k) {
    if (!IsWord(k)) break;
    if (k > t && spaced) {
      const uint32_t gap = doc_.tokens[k].span.begin - doc_.tokens[k - 1].span.end;
      if (gap != 1 || text[doc_.tokens[k - 1].span.end] != ' ') {
        spaced = false;
        phrase = std::string(text, doc_.tokens[t].span.begin,
                             doc_.tokens[k - 1].span.end - doc_.tokens[t].span.begin);
      }
    }
    std::string_view key;
    if (spaced) {
      key = text.substr(doc_.tokens[t].span.begin, doc_.tokens[k].span.end - doc_.tokens[t].span.begin);
    } else {
      phrase += ' ';
      phrase += TokenText(doc_, k);
      key = phrase;
    }
    if (lex.Field(key, 1) == cls) best = k - t + 1;
  }
  return best;
}

uint32_t Chunker::PostModifier(uint32_t j, uint32_t end) const {
  if (j >= end || w_.Has(j, kQuotedToken)) return j;
  uint32_t len = PhraseAt(kPostmod, "postmod", j, end);
  if (len > 0) {
    uint32_t k = j + len;
    uint32_t limit = std::min(end, k + 5);
    while (k < limit && Usable(k, end) && IsWord(k) &&
           w_.Code(k) != Fn::kAux && w_.Code(k) != Fn::kWh) {
      ++k;
    }
    return k;
  }
  if (w_.Is(j, kPostmodLink) && j + 1 < end && Usable(j + 1, end)) {
    uint32_t k = j + 1;
    if (w_.Code(k) == Fn::kDet) ++k;
    uint32_t start = k;
    while (k < end && Usable(k, end) && w_.Capitalized(k) && k - start < 5) ++k;
    if (k > start) return k;
  }
  return j;
}

std::string Chunker::Reason(uint32_t j, uint32_t end) const {
  for (uint32_t k = j; k < end && k < j + 30; ++k) {
    uint32_t len = PhraseAt(kReason, "reason", k, end);
    if (len > 0) return Text(k, k + len);
  }
  return {};
}

}  // namespace qg::internal
