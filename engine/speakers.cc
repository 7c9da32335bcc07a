// Finds speaker candidates: a small noun-phrase chunker over tokens, typed by lexicons.
//
// Approach: outside quotations, each sentence is scanned left to right. A
// pronoun is a mention by itself. Otherwise a chunk is read: a determiner or
// quantity prefix ("a", "two", "half a dozen"), then content words up to the
// first closed-class word, cue, punctuation or quotation mark. The longest
// prefix of the chunk that ends in a head we can type is the mention:
//  - a capitalised run at the very end of the chunk is a name; title words
//    inside or before it become descriptors ("Pentagon spokesman John Kirby");
//    the organisation lexicon, acronyms and head words ("Department", "Canada")
//    make it an institution, the forename list and titles a person;
//  - a lower-case head from anonymous.tsv makes an anonymous source, one from
//    organizations.tsv an institution ("the city", "a White House statement"),
//    a title a description of a person ("the mayor").
// A name must end its chunk because a capitalised word followed by more content
// words is a modifier or a sentence-initial common word ("Contingency planning").
// Linguistic caveat: without a parser, a sentence-initial capitalised common
// noun directly before a verb we do not know ("Green sealed") is missed as a
// name; that costs nothing unless it speaks, and speakers sit next to cues.
// Tested by tests/speakers_test.cc.
#include "engine/speakers.h"

#include <algorithm>

#include "engine/internal/chunker.h"

namespace qg {
namespace internal {

namespace {

constexpr uint32_t kMaxChunk = 10;

// Digits of a count ("3 officials"): up to five.
int DigitsCount(std::string_view w) {
  if (w.empty() || w.size() >= 6 || !std::all_of(w.begin(), w.end(), internal::IsAsciiDigit)) {
    return -1;
  }
  return std::stoi(std::string(w));
}

}  // namespace

std::vector<Mention> Chunker::Run() {
  // The mentions [first, last) of each sentence with two or more: appositions.
  std::vector<std::pair<uint32_t, uint32_t>> to_merge;
  for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
    const Sentence& sent = doc_.sentences[s];
    uint32_t t = sent.token_begin;
    const uint32_t first = static_cast<uint32_t>(out_.size());
    while (t < sent.token_end) {
      // Quotations and punctuation, a good part of the text, are passed over here.
      if (!Usable(t, sent.token_end) || !IsWord(t)) {
        ++t;
        continue;
      }
      // Most chunks are lower-case content words up to a function word,
      // none of which may head a mention, after at most a determiner ("the",
      // "a", "some"): passed over here, as Chunk would.
      const uint32_t body = OpensPlainChunk(t, sent.token_end) ? t : PlainAfterPrefix(t, sent.token_end);
      if (body != kNoBody) {
        if (const uint32_t next = PlainBodyEnd(body, sent.token_end); next != kNoBody) {
          t = next;
          continue;
        }
      }
      t = Step(s, t);
    }
    if (out_.size() - first >= 2) to_merge.emplace_back(first, static_cast<uint32_t>(out_.size()));
  }
  ResolveForenameGenders();
  // Last sentence first: a merge moves only the mentions after it.
  for (auto p = to_merge.rbegin(); p != to_merge.rend(); ++p) MergeAppositions(p->first, p->second);
  return std::move(out_);
}

void Chunker::ResolveForenameGenders() {
  for (PendingGender& p : pending_genders_) {
    p.entry = w_.ForenameEntry(TokenText(doc_, p.token));
    if (p.entry != nullptr) __builtin_prefetch(p.entry);
  }
  for (const PendingGender& p : pending_genders_) {
    if (p.entry != nullptr) __builtin_prefetch(p.entry->data());
  }
  for (const PendingGender& p : pending_genders_) {
    if (p.entry == nullptr) continue;
    const WordView::ForenameKind g = WordView::KindOf(*p.entry);
    out_[p.mention].gender = g == WordView::kMaleForename     ? Gender::kMale
                             : g == WordView::kFemaleForename ? Gender::kFemale
                                                              : Gender::kUnknown;
  }
}

// Where Chunk ends a body of plain words that may not head starting at b:
// when it holds only such words and ends at the limit, a token that is no
// usable word, or a lower-case function word (no connector: the word before
// it is no name). Else kNoBody, and Chunk reads it.
uint32_t Chunker::PlainBodyEnd(uint32_t b, uint32_t end) const {
  const uint32_t limit = std::min(end, b + kMaxChunk);
  uint32_t k = b + 1;
  while (k < limit && OpensPlainChunk(k, end)) ++k;
  if (k == limit || !w_.Usable(k) || !IsWord(k)) return k;
  if (w_.Code(k) != Fn::kNone && !w_.Capitalized(k) && !w_.Acronym(k)) return k;
  return kNoBody;
}

// A determiner or quantity at t (not "that", not in capitals: a kicker)
// before a plain word that may not head: Chunk's prefix is t alone and its
// body starts at t + 1, returned; else kNoBody.
uint32_t Chunker::PlainAfterPrefix(uint32_t t, uint32_t end) const {
  const Fn cls = w_.Code(t);
  if ((cls != Fn::kDet && cls != Fn::kQuant) || w_.Acronym(t) || !OpensPlainChunk(t + 1, end)) {
    return kNoBody;
  }
  return cls == Fn::kDet && w_.Is(t, kThat) ? kNoBody : t + 1;
}

// The count the prefix [t, body_begin) gives ("two", "12", "half a dozen",
// "a dozen"), or -1: the first number word or digits, unless a dozen came
// first.
int Chunker::PrefixCount(uint32_t t, uint32_t body_begin, uint32_t end) const {
  int count = -1;
  for (uint32_t i = t; i < body_begin; ++i) {
    const uint32_t facts = w_.WordFacts(i);
    const bool unknown = !w_.Word(i).known();
    auto is = [&](uint32_t fact) { return (facts & fact) || (unknown && w_.IsMissing(i, fact)); };
    if (is(kHalf) && i + 2 < end && w_.Is(i + 2, kDozen)) count = 6;
    else if (is(kDozen) && count < 0) count = 12;
    else if (count < 0) count = CountOf(i);  // -1 when no number
  }
  return count;
}

// The number words by their word number.
int Chunker::CountOf(uint32_t t) const {
  const int number = w_.Number(t);
  if (number >= 0) return number;
  const std::string_view text = TokenText(doc_, t);
  if (!w_.Word(t).known() && w_.numbers_missing()) {
    const int word = w_.NumberWordOf(text);
    if (word >= 0) return word;
  }
  return DigitsCount(text);
}

uint32_t Chunker::Step(uint32_t s, uint32_t t) {
  const Sentence& sent = doc_.sentences[s];
  if (!Usable(t, sent.token_end) || !IsWord(t)) return t + 1;
  // "WATCH:", "READ MORE:", "EARNINGS:": a capitals-only kicker labels a line, it speaks not.
  if (t == sent.token_begin) {
    uint32_t k = t;
    while (k < sent.token_end && IsWord(k) && w_.Acronym(k)) ++k;
    if (k > t && k < sent.token_end && w_.Has(k, kColonToken)) return k + 1;
  }
  const Fn cls = w_.Code(t);
  if (cls == Fn::kPronM || cls == Fn::kPronF || cls == Fn::kPronN || cls == Fn::kPronP) {
    // Only subject forms speak: "he", not "him" or "her".
    if (w_.Is(t, kSubjectPronoun)) {
      Mention& m = out_.emplace_back();
      m.kind = MentionKind::kPronoun;
      m.span = m.head = doc_.tokens[t].span;
      m.gender = cls == Fn::kPronM ? Gender::kMale : cls == Fn::kPronF ? Gender::kFemale
                 : cls == Fn::kPronN ? Gender::kNeuter : Gender::kPlural;
      m.source_kind = cls == Fn::kPronN ? SourceKind::kOrganization : SourceKind::kPerson;
      m.name = std::string(TokenText(doc_, t));
      m.token_begin = t;
      m.token_end = t + 1;
      m.sentence = s;
    }
    return t + 1;
  }
  // A lower-case function word other than a determiner or quantity is no
  // name and opens no chunk: Chunk would find its body empty.
  if (cls != Fn::kNone && cls != Fn::kDet && cls != Fn::kQuant && !w_.Capitalized(t) &&
      !w_.Acronym(t)) {
    return t + 1;
  }
  return Chunk(s, t);
}

// "Hiram Macharia, marketing executive at LG Electronics, said" and "His
// lawyer, Zhang Dongshuo, said": a person's name and a description set off by
// commas next to it are one mention, so the cue finds the name as its speaker.
void Chunker::MergeAppositions(size_t first, size_t last) {
  auto comma_between = [&](const Mention& a, const Mention& b) {
    return b.token_begin == a.token_end + 1 && w_.Has(a.token_end, kCommaToken);
  };
  auto closed_after = [&](const Mention& m) {
    return m.token_end < doc_.tokens.size() && w_.Has(m.token_end, kCommaToken);
  };
  auto is_name = [](const Mention& m) {
    return m.kind == MentionKind::kName && m.source_kind == SourceKind::kPerson;
  };
  auto is_role = [](const Mention& m) {
    return m.kind == MentionKind::kDescription || m.kind == MentionKind::kAnonymous;
  };
  for (size_t i = first; i + 1 < last; ++i) {
    Mention& a = out_[i];
    Mention& b = out_[i + 1];
    if (!comma_between(a, b) || !closed_after(b)) continue;
    if (is_name(a) && is_role(b)) {
      a.descriptors.push_back(std::string(doc_.slice(b.span)));
      if (a.affiliation.empty()) a.affiliation = b.affiliation;
      if (a.gender == Gender::kUnknown && b.gender != Gender::kPlural) a.gender = b.gender;
      a.token_end = b.token_end;
      a.span.end = b.span.end;
      out_.erase(out_.begin() + static_cast<long>(i) + 1);
      --last;
    } else if (is_role(a) && is_name(b)) {
      b.descriptors.push_back(std::string(doc_.slice(a.span)));
      if (b.affiliation.empty()) b.affiliation = a.affiliation;
      if (b.gender == Gender::kUnknown && a.gender != Gender::kPlural) b.gender = a.gender;
      b.token_begin = a.token_begin;
      b.span.begin = a.span.begin;
      out_.erase(out_.begin() + static_cast<long>(i));
      --last;
    }
  }
}

// Reads the chunk starting at t; emits at most one mention; returns where to go on.
uint32_t Chunker::Chunk(uint32_t s, uint32_t t) {
  const Sentence& sent = doc_.sentences[s];
  const uint32_t end = sent.token_end;
  uint32_t i = t;
  // Prefix: determiners and quantities ("a", "the", "two", "half a dozen").
  // Their count is read only for a mention that takes it (PrefixCount).
  while (Usable(i, end) && i - t < 4) {
    const Fn cls = w_.Code(i);
    if (cls == Fn::kNone && !w_.Has(i, kNumberToken)) break;
    // "that" before a name opens a clause ("said that Biden …"), never a speaker.
    if ((cls == Fn::kDet && !w_.Is(i, kThat)) || cls == Fn::kQuant || w_.Has(i, kNumberToken)) {
      ++i;
    } else {
      break;
    }
  }
  const uint32_t body_begin = i;
  const uint32_t limit = std::min(end, body_begin + kMaxChunk);
  // Whether some body word could head a mention: most bodies have none, and
  // need no head tried (kMayHead).
  uint8_t heads = 0;
  // Body: content words; "of"/"for"/"de" only between capitalised words ("Bank of Canada").
  for (;;) {
    // Plain words, most of a body, go in as they are.
    while (i < limit && w_.Usable(i) && w_.Flag(i, kPlainWord)) heads |= w_.Flags(i), ++i;
    if (!(i < limit && w_.Usable(i))) break;
    // Numbers, punctuation ("Mr" "." inside a name: the period belongs to the
    // abbreviation, taken below) and symbols end the body.
    if (!IsWord(i)) break;
    if (w_.Code(i) != Fn::kNone && !NameLike(i, sent.token_begin)) {
      // "and" joins no name: "Smith and Jones" are two.
      bool connector = w_.Is(i, kOfFor) && i > body_begin && i + 1 < end &&
                       NameLike(i - 1, sent.token_begin) && Usable(i + 1, end) &&
                       NameLike(i + 1, sent.token_begin);
      if (!connector) break;
    }
    heads |= w_.Flags(i);
    const bool poss = w_.Possessive(i);
    ++i;
    if (w_.DotFollows(i - 1, end) &&
        ((w_.FactsOf(w_.WithDot(i - 1, end)) & (kTitle | kAbbreviation)) ||
         doc_.tokens[i - 1].span.size() == 1)) {
      ++i;  // keep "Mr." and initials "F." inside the chunk
    }
    if (poss && !(Usable(i, end) && w_.Code(i) == Fn::kNone)) break;
  }
  const uint32_t body_end = i;
  if (body_end == body_begin) {
    // "Some say": a quantity alone can be the speaker.
    if (body_begin > t && (w_.WordFacts(body_begin - 1) & kAnonymous)) {
      Emit(s, t, body_begin, body_begin - 1, body_begin, PrefixCount(t, body_begin, end),
           MentionKind::kAnonymous, SourceKind::kAnonymous);
      return body_begin;
    }
    return std::max(body_begin, t + 1);
  }
  if (!(heads & kMayHead)) return body_end;
  // Longest typed prefix: TryHead types none of the words that may not head.
  for (uint32_t j = body_end; j > body_begin; --j) {
    uint32_t h = j - 1;
    if (w_.Has(h, kPeriodToken)) {
      // "Samsung Electronics Co.": the abbreviation's period closes the name.
      if (h > body_begin && w_.Flag(h - 1, kMayHead) &&
          TryHead(s, t, body_begin, h - 1, j, j == body_end)) {
        return std::max(j, out_.back().token_end);
      }
      continue;
    }
    if (w_.Flag(h, kMayHead) && TryHead(s, t, body_begin, h, j, j == body_end)) {
      return std::max(j, out_.back().token_end);
    }
  }
  return body_end;
}

bool Chunker::TryHead(uint32_t s, uint32_t t, uint32_t body_begin, uint32_t h, uint32_t j, bool at_end) {
  const Sentence& sent = doc_.sentences[s];
  auto count = [&] { return PrefixCount(t, body_begin, sent.token_end); };
  const bool poss = w_.Possessive(h);
  const uint32_t head = w_.BaseFacts(h);
  // "MPs", "Democrats said": a plural the anonymous lexicon knows is a group, not a name.
  if ((head & (kPluralNoun | kAnonymousSource)) == (kPluralNoun | kAnonymousSource)) {
    Emit(s, t, body_begin, h, j, count(), MentionKind::kAnonymous, SourceKind::kAnonymous);
    return true;
  }
  if (NameLike(h, sent.token_begin)) {
    // A name followed by a word the lexicons do not know as a noun head is a
    // name before its verb ("Hua Chunying shot back"); before a known head it
    // is a modifier ("Surrey staff", "Pentagon spokesman").
    if (!at_end && !poss) {
      if (w_.Capitalized(h + 1) ||
          (w_.WordFacts(h + 1) & (kAnonymous | kOrganization | kTitle))) {
        return false;
      }
    }
    EmitName(s, t, body_begin, h, j);
    return true;
  }
  if (head & kAnonymousSource) {
    Emit(s, t, body_begin, h, j, count(), MentionKind::kAnonymous, SourceKind::kAnonymous);
    return true;
  }
  if (head & (kOrgHead | kOrgDoc)) {
    Emit(s, t, body_begin, h, j, count(), MentionKind::kDescription, SourceKind::kOrganization);
    return true;
  }
  if (head & kOffice) {
    Emit(s, t, body_begin, h, j, count(), MentionKind::kDescription, SourceKind::kPerson);
    return true;
  }
  return false;
}

}  // namespace internal

std::vector<Mention> FindMentions(const Document& doc, const RuleSet& rules) {
  return internal::Chunker(doc, rules).Run();
}

}  // namespace qg
