// The chunker's word view (see internal/word_view.h). Tested through
// tests/speakers_test.cc.
#include "engine/internal/word_view.h"

#include <algorithm>
#include <array>
#include <memory>

#include "engine/internal/text_util.h"

namespace qg::internal {

namespace {

// A token's kind: its marks (low byte) and, for a word, kPlainWord | 1
// (second byte): a plain word or a capital is a word.
constexpr uint16_t kKindView[8] = {kWordToken | kUsableToken | (kPlainWord | 1) << 8,
                                   kNumberToken | kUsableToken, 0, 0, kUsableToken, 0, 0, 0};
static_assert(kCapitalized == 1);  // ncaps adds (kind >> 8) & f & 1

// By WordFlag bits: the flags and kMayHead for a capital or an acronym.
constexpr std::array<uint8_t, 16> kFlagView = [] {
  std::array<uint8_t, 16> v{};
  for (int f = 0; f < 16; ++f) v[f] = static_cast<uint8_t>(f | ((f & (kCapitalized | kAcronym)) ? kMayHead : 0));
  return v;
}();
// By WordFlag bits: kPlainWord unless a possessive ending or a period.
constexpr std::array<uint8_t, 16> kPlainFlags = [] {
  std::array<uint8_t, 16> v{};
  for (int f = 0; f < 16; ++f) v[f] = (f & (kPossessive | kDotAttached)) ? 0 : kPlainWord;
  return v;
}();
static_assert(kPlainWord == VocabularyFacts::kNoClass && kMayHead == VocabularyFacts::kHeadWord);

// The marks of a one-byte token's text (no quotation mark has any).
constexpr std::array<uint8_t, 256> kByteMarks = [] {
  std::array<uint8_t, 256> m{};
  m['.'] = kPeriodToken;
  m[','] = kCommaToken;
  m[':'] = kColonToken | kForcesCapital;
  m['('] = kForcesCapital;
  return m;
}();

// True iff `a` and `b`, both in a text ending at `end`, are equal with ASCII
// capitals folded.
bool FoldedEqual(std::string_view a, std::string_view b, const char* end) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i += 8) {
    const char* p = a.data() + i;
    const char* q = b.data() + i;
    const size_t n = a.size() - i;
    if (FoldedHeadAt(p, n, static_cast<size_t>(end - p)) != FoldedHeadAt(q, n, static_cast<size_t>(end - q))) {
      return false;
    }
  }
  return true;
}

// A word's key in the per-article tables: its first eight bytes folded, or
// for a longer word those mixed with the rest, folded. The head alone would
// give "Surname1001y" and "Surname1002y" one key, and an article of many such
// names a probe run as long as the table (hostile_test). Keys are compared
// by text beyond eight bytes: this only spreads them.
uint64_t FoldedDigest(const char* p, size_t n, const char* text_end) {
  uint64_t h = FoldedHeadAt(p, n, static_cast<size_t>(text_end - p));
  for (size_t i = 8; i < n; i += 8) {
    h = (h ^ FoldedHeadAt(p + i, n - i, static_cast<size_t>(text_end - p - i))) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
  }
  return h;
}

// A table slot of a word's key (FoldedDigest) and its size (or number).
size_t SlotHash(uint64_t head, uint64_t size) {
  return static_cast<size_t>(((head ^ size) * 0x9E3779B97F4A7C15ull) >> 40);
}

// SplitSentences makes sentences in order, disjoint, within the tokens: then
// one walk along them finds each capitalised word's sentence.
bool SentencesInOrder(const Document& doc) {
  uint32_t last = 0;
  for (const Sentence& s : doc.sentences) {
    if (s.token_begin < last || s.token_end < s.token_begin || s.token_end > doc.tokens.size()) {
      return false;
    }
    last = s.token_end;
  }
  return true;
}

}  // namespace

// One pass over the tokens fills every token's record: case flags, marks,
// class, and the chunker's shortcuts (kPlainWord, kMayHead); it lists the
// mid-sentence capitals MidSentenceCapital will ask about. This was three
// passes and three arrays (usable, classes, opening marks), a folded copy of
// the whole text and a pass over the sentences.
WordView::WordView(const Document& doc, const RuleSet& rules)
    : doc_(doc), rules_(rules), facts_(VocabularyFacts::Of(rules)),
      words_(WordsOf(doc, rules, scratch_)) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  // Every record is written below: no zeroing first.
  info_.reset(new TokenInfo[n]);
  // Local pointers: stores of bytes may alias anything, and would otherwise
  // reload every vector's data pointer a token.
  const Token* const tokens = doc.tokens.data();
  const TokenWord* const words = words_.data();
  TokenInfo* const info = info_.get();
  const unsigned char* const text = reinterpret_cast<const unsigned char*>(doc.text.data());
  const VocabularyFacts::Entry* const entries = facts_.entries();
  // Sentences in order (as SplitSentences makes them) are walked along with
  // the capitals; otherwise CollectMidSentenceCapitals walks each sentence.
  candidates_listed_ = SentencesInOrder(doc);
  // Capitalised words, appended without a branch (a tenth of the tokens, in
  // no pattern a predictor learns) and filtered after the pass.
  std::unique_ptr<uint32_t[]> caps(new uint32_t[n + 1]);
  uint32_t ncaps = 0;
  for (uint32_t t = 0; t < n; ++t) {
    const Token& tok = tokens[t];
    const TokenWord& w = words[t];
    const uint32_t kind = kKindView[static_cast<uint8_t>(tok.kind) & 7];
    uint32_t marks = kind & 0xFF;
    if (tok.span.size() == 1) marks |= kByteMarks[text[tok.span.begin]];
    const VocabularyFacts::Entry& base = entries[w.base.value];
    Fn code = base.code;
    // "Jan" "." reads as "jan." when function_words knows it so (a word in twenty).
    if (w.flags & kDotAttached) {
      const Fn dotted_code = entries[w.dotted.value].code;
      if (dotted_code != Fn::kNone) code = dotted_code;
    }
    // Tables, not branches: these answers follow no pattern. A plain word
    // is a word (kind) of no class (base) with no ending or period (flags).
    const uint32_t f = w.flags & 15;
    const uint32_t flags = kFlagView[f] | (base.traits & (kMayHead | (kPlainFlags[f] & kind >> 8)));
    info[t] = TokenInfo{static_cast<uint8_t>(flags), static_cast<uint8_t>(marks), code, kUnasked};
    caps[ncaps] = t;
    ncaps += (kind >> 8) & f & kCapitalized;
  }
  // Opening marks, before the capitals are filtered: they force the next capital.
  for (const QuotedRegion& r : doc.quoted) {
    if (r.open_token < n && tokens[r.open_token].kind == TokenKind::kQuoteMark) {
      info[r.open_token].marks |= kForcesCapital;
    }
  }
  // Those not initial in their sentence (the first word and one after an
  // opening mark, a colon or a parenthesis have forced capitals).
  const Sentence* sent = doc.sentences.data();
  const Sentence* const sentences_end = sent + (candidates_listed_ ? doc.sentences.size() : 0);
  for (uint32_t k = 0; k < ncaps && sent != sentences_end; ++k) {
    const uint32_t t = caps[k];
    while (sent != sentences_end && sent->token_end <= t) ++sent;
    if (sent != sentences_end && sent->token_begin < t && !(info[t - 1].marks & kForcesCapital)) {
      candidates_.push_back(t);
    }
  }
  // Quoted tokens, region by region (QuotedTokenMask): top-level regions are
  // sorted by their start, so each search starts from the previous one.
  const Token* from = tokens;
  for (const QuotedRegion& r : doc.quoted) {
    if (r.depth != 0) continue;
    from = std::lower_bound(from, tokens + n, r.outer.begin,
                            [](const Token& tok, uint32_t off) { return tok.span.begin < off; });
    for (const Token* tok = from; tok != tokens + n && tok->span.begin < r.outer.end; ++tok) {
      uint8_t& marks = info[tok - tokens].marks;
      marks = (marks & ~kUsableToken) | kQuotedToken;
    }
  }
  for (const Cue& c : doc.cues) {
    for (uint32_t t = c.token; t < c.token_end && t < n; ++t) info[t].marks &= ~kUsableToken;
  }
}

// The gender is read from the entry once an article a name: it is two
// cache misses away (the entry's fields, then their text).
WordView::ForenameKind WordView::Forename(std::string_view text) const {
  if (text.empty()) return ForenameEntry(text) == nullptr ? kNotForename : KindOf(*ForenameEntry(text));
  ForenameSlot& slot = ForenameSlotOf(text);
  if (slot.entry == nullptr) return kNotForename;
  if (slot.kind == kUnreadForename) slot.kind = KindOf(*slot.entry);
  return slot.kind;
}

WordView::ForenameKind WordView::KindOf(const std::vector<std::string>& f) {
  const std::string_view g = f.empty() ? std::string_view() : std::string_view(f[0]);
  return g == "male" ? kMaleForename : g == "female" ? kFemaleForename : kOtherForename;
}

const std::vector<std::string>* WordView::ForenameEntry(std::string_view text) const {
  if (text.empty()) return rules_.forenames.Find(text);  // size 0 marks a free slot
  return ForenameSlotOf(text).entry;
}

WordView::ForenameSlot& WordView::ForenameSlotOf(std::string_view text) const {
  // At most half full: the table doubles before the insert that would pass it.
  if ((forenames_used_ + 1) * 2 > forenames_.size()) {
    std::vector<ForenameSlot> old = std::move(forenames_);
    forenames_.assign(old.empty() ? 32 : old.size() * 2, ForenameSlot{});
    for (const ForenameSlot& slot : old) {
      if (slot.size != 0) *FreeSlot(slot.head, slot.size) = slot;
    }
  }
  // Keyed as midcaps_ are: size and FoldedDigest, the text compared only
  // beyond eight bytes.
  const uint64_t head = FoldedDigest(text.data(), text.size(), TextEnd());
  const size_t mask = forenames_.size() - 1;
  size_t i = SlotHash(head, text.size()) & mask;
  for (; forenames_[i].size != 0; i = (i + 1) & mask) {
    ForenameSlot& slot = forenames_[i];
    if (slot.head == head && slot.size == text.size() &&
        (text.size() <= 8 ||
         FoldedEqual(std::string_view(doc_.text).substr(slot.begin, slot.size), text, TextEnd()))) {
      return slot;
    }
  }
  ++forenames_used_;
  return forenames_[i] = ForenameSlot{head, static_cast<uint32_t>(text.data() - doc_.text.data()),
                                      static_cast<uint32_t>(text.size()), kUnreadForename,
                                      rules_.forenames.Find(text)};
}

WordView::ForenameSlot* WordView::FreeSlot(uint64_t head, size_t size) const {
  const size_t mask = forenames_.size() - 1;
  size_t i = SlotHash(head, size) & mask;
  while (forenames_[i].size != 0) i = (i + 1) & mask;
  return &forenames_[i];
}

// A mid-sentence capital's entry in midcaps_. A word the vocabulary knows
// is its number: equal folded texts have equal numbers. Any other word is its
// size and FoldedDigest: equal for two words of up to eight bytes exactly
// when their folded texts are, and compared by text beyond.
// Most candidates are short or known, and neither hash nor compare text.
WordView::Midcap WordView::MidcapOf(uint32_t t) const {
  const WordId base = words_[t].base;
  if (base.known()) return Midcap{0, base.value | kKnownMidcap, t};
  const std::string_view text = BaseText(t);
  const uint64_t head = FoldedDigest(text.data(), text.size(), TextEnd());
  const uint32_t size = text.size() < kKnownMidcap ? static_cast<uint32_t>(text.size()) : kKnownMidcap - 1;
  return Midcap{head, size, t};
}

// Kept out of line: most words are short or known, and compare no text.
[[gnu::noinline]] bool WordView::SameLongBase(uint32_t a, uint32_t b) const {
  return FoldedEqual(BaseText(a), BaseText(b), TextEnd());
}

// The slot of `m`'s word in midcaps_: the slot holding it, or the free slot
// where it would go.
inline WordView::Midcap* WordView::MidcapSlot(const Midcap& m) const {
  const size_t mask = midcaps_.size() - 1;
  for (size_t i = SlotHash(m.head, m.tag) & mask;; i = (i + 1) & mask) {
    Midcap& slot = midcaps_[i];
    if (slot.token == kNoToken) return &slot;
    if (slot.tag == m.tag && slot.head == m.head &&
        (m.tag <= 8 || (m.tag & kKnownMidcap) ||
         SameLongBase(slot.token, m.token))) {
      return &slot;
    }
  }
}

void WordView::CollectMidSentenceCapitals() const {
  midcaps_collected_ = true;
  if (!candidates_listed_) {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    for (const Sentence& s : doc_.sentences) {
      // The sentence's first word is initial: its capital is forced.
      for (uint32_t t = s.token_begin + 1; t < s.token_end && t < n; ++t) {
        if ((info_[t].flags & kCapitalized) && (info_[t].marks & kWordToken) &&
            !(info_[t - 1].marks & kForcesCapital)) {
          candidates_.push_back(t);
        }
      }
    }
  }
  const std::vector<uint32_t>& found = candidates_;
  // An open-addressing set, at most half full.
  size_t size = 16;
  while (size < 2 * found.size()) size *= 2;
  midcaps_.assign(size, Midcap{0, 0, kNoToken});
  // One slot a distinct word: a name repeated ten thousand times must not
  // make a run of ten thousand slots every insert walks (hostile_test).
  for (const uint32_t t : found) {
    const Midcap m = MidcapOf(t);
    Midcap* slot = MidcapSlot(m);
    if (slot->token == kNoToken) *slot = m;
  }
}

bool WordView::MidSentenceCapital(uint32_t t) const {
  if (!midcaps_collected_) CollectMidSentenceCapitals();
  return MidcapSlot(MidcapOf(t))->token != kNoToken;
}

bool WordView::ComputeNameLike(uint32_t t, uint32_t sent_begin) const {
  if (!Capitalized(t) && !Acronym(t)) return false;
  const uint32_t base = BaseFacts(t);
  const Fn cls = Code(t);
  const bool initial = Initial(t, sent_begin);
  // "Ms. May", "Mr. Will": after an honorific any capitalised word is the name.
  if (t >= 2 && Has(t - 1, kPeriodToken) && (FactsOf(words_[t - 2].dotted) & kHonorific)) {
    return true;
  }
  // "Theresa May", "June Smith": a capitalised modal or month inside a name.
  if (cls != Fn::kNone && cls != Fn::kKicker &&
      !(!initial && (cls == Fn::kAux || cls == Fn::kTime) && t > sent_begin && Capitalized(t - 1) &&
        Code(t - 1) == Fn::kNone)) {
    return false;
  }
  if (!initial) return true;
  if (base & (kAnonymous | kTitle | kSpeechVerb | kOrgDoc)) return false;
  // A capitalised word that only ever opens sentences ("Mostly, he says",
  // "Cake") is no name unless the lexicons know it. The forenames are asked
  // last: by text, in a table too large for the caches.
  return (base & kOrganization) || Acronym(t) || MidSentenceCapital(t) ||
         ForenameEntry(BaseText(t)) != nullptr;
}

}  // namespace qg::internal
