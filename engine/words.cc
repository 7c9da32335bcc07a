// Numbers each token's words in the rules' vocabulary (see internal/words.h).
// Tested through tests/speakers_test.cc, tests/cues_test.cc and the goldens:
// every lookup by number must answer as the lookup by text did.
#include "engine/internal/words.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "engine/internal/lexical.h"
#include "engine/internal/text_util.h"

namespace qg::internal {

namespace {

// Capitals and acronyms of a word that does not start with an ASCII
// lower-case letter, or that has a hyphen near its start ("al-Qaeda").
[[gnu::noinline]] uint8_t CaseFlags(std::string_view text) {
  const unsigned char c = static_cast<unsigned char>(text[0]);
  if (c >= 'a' && c <= 'z') {
    // Capitalised only as "al-Qaeda" is, by a hyphen among its next three
    // bytes: most such words (long lower-case ones) have none to look for.
    const size_t near = std::min<size_t>(text.size(), 4);
    for (size_t i = 1; i < near; ++i) {
      if (text[i] == '-') return IsCapitalized(text) ? kCapitalized : 0;
    }
    return 0;
  }
  // Punctuation and one-letter words: one byte is ASCII in valid UTF-8, and
  // an acronym needs two capitals.
  if (text.size() == 1) return c >= 'A' && c <= 'Z' ? kCapitalized : 0;
  uint8_t flags = 0;
  if ((c >= 'A' && c <= 'Z') || IsCapitalized(text)) flags |= kCapitalized;
  // An ASCII byte and then a lower-case letter: "Mr", "2nd" are no acronyms.
  if (!(c < 0x80 && text[1] >= 'a' && text[1] <= 'z') && IsAcronym(text)) flags |= kAcronym;
  return flags;
}

// Possessive endings are "’s" and "'s" in either case (StripPossessive):
// read from the last four bytes with one branch on the rare answer, as the
// lengths and last letters of words follow no pattern. `end` is the token's
// end in `all`.
[[gnu::noinline]] size_t PossessiveEndingNearStart(std::string_view all, size_t begin, size_t end) {
  bool possessive = false;
  const std::string_view word = all.substr(begin, end - begin);
  return word.size() - StripPossessive(word, &possessive).size();
}

inline size_t PossessiveEnding(std::string_view all, size_t begin, size_t end) {
  if (end < 4) [[unlikely]] return end - begin < 3 ? 0 : PossessiveEndingNearStart(all, begin, end);
  uint32_t tail;
  std::memcpy(&tail, all.data() + end - 4, 4);
  const bool s = ((tail >> 24) | 0x20) == 's';  // the last byte, ASCII-folded
  const bool apostrophe = (tail >> 16 & 0xFF) == '\'';
  const bool curly = (tail & 0xFFFFFF) == 0x99'80'E2;  // U+2019
  const size_t size = end - begin;
  if (!(s & ((apostrophe & (size >= 3)) | (curly & (size > 4))))) [[likely]] return 0;
  return apostrophe ? 2 : 4;
}

// The number of the token and a period ("mr."): from the head when the pair
// fits in eight bytes, else by text built in `scratch`.
[[gnu::noinline]] WordId DottedId(const Vocabulary& vocab, std::string_view text, uint64_t head,
                std::string& scratch) {
  const size_t size = text.size();
  if (size >= 1 && size < 8) {
    const uint64_t dotted_head = head | uint64_t{'.'} << (8 * size);
    const std::string_view as_key(text.data(), size + 1);  // only its size is read
    return vocab.Id(as_key, dotted_head, Vocabulary::Hash(as_key, dotted_head));
  }
  scratch.assign(text);
  scratch += '.';
  return vocab.Id(scratch);
}

// True iff the `size` bytes of `folded` (1 to 8, zero-padded) are all ASCII
// letters: the folded head of a word that asks nothing but its number.
inline bool AllLetters(uint64_t folded, size_t size) {
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const uint64_t set = folded | kHigh;  // no borrow crosses a byte below
  const uint64_t at_least_a = set - 0x6161616161616161ull;
  const uint64_t past_z = set - 0x7B7B7B7B7B7B7B7Bull;
  const uint64_t letters = at_least_a & ~past_z & ~folded & kHigh;
  const uint64_t wanted = kHigh >> (8 * (8 - size));
  return (letters & wanted) == wanted;
}

// Numbers one token at a time. Most tokens are one byte (punctuation, "a")
// or a short word of ASCII letters, lower case after its first: such a
// token is only looked up (no possessive ending, no acronym, no hyphen), in
// a loop small enough to keep its state in registers. Every other token
// takes Full, the general case, out of line. The lookups of neighbouring
// tokens are independent, so the processor overlaps their waits on the
// vocabulary's slots without a prefetching pass (tried: no faster).
class Numberer {
 public:
  Numberer(const Document& doc, const RuleSet& rules)
      : vocab_(rules.vocabulary), verbs_(rules.speech_verbs), tokens_(doc.tokens.data()),
        n_(doc.tokens.size()), all_(doc.text) {}

  // Two passes over the short plain tokens. Whether such a token is a known
  // word is a coin toss (about half are): a loop that branched on the
  // filter's answer, or read the slot it chose, lost a quarter of the
  // stage to mispredictions or to the wait. The first pass numbers every
  // token the filter rules out (most unknown words) and lists the others;
  // the second looks those up, nearly all of them known words. The loops'
  // state lives in locals (the lookups' tables by value): each store to
  // `words` is through a byte field, which may alias any member.
  void Run(TokenWord* words, uint32_t* candidate, size_t& count) {
    const char* const text = all_.data();
    const size_t text_size = all_.size();
    const Token* const tokens = tokens_;
    const size_t n = n_;
    const FoldedKeys::ShortLookup lookup = vocab_.short_lookup();
    // Written before read, a slot a token at most: no zeroing first.
    std::unique_ptr<Pending[]> pending_room = std::make_unique_for_overwrite<Pending[]>(n + 1);
    Pending* const pending = pending_room.get();
    size_t listed = 0;
    for (size_t t = 0; t < n; ++t) {
      const Token& token = tokens[t];
      const uint32_t begin = token.span.begin;
      const size_t size = token.span.end - begin;
      TokenWord w;
      bool plain = (size - 1 < 8) & (text_size - begin >= 8);
      if (plain) {
        uint64_t raw;
        std::memcpy(&raw, text + begin, 8);
        raw &= ~uint64_t{0} >> (8 * (8 - size));
        const uint64_t folded = AsciiLower8(raw);
        const bool word = token.kind == TokenKind::kWord;
        // One byte, or letters with no capital after the first.
        plain = (size == 1) | (word & AllLetters(folded, size) & ((raw ^ folded) >> 8 == 0));
        if (plain) [[likely]] {
          const uint32_t hash = Vocabulary::Hash(std::string_view(text + begin, size), folded);
          w.word = WordId{};
          w.base = WordId{};
          w.dotted = WordId{};
          w.flags = (word & (raw != folded)) ? kCapitalized : 0;
          if (t + 1 < n && NextIsPeriod(t)) [[unlikely]] AddDotted(t, folded, w);
          pending[listed] = Pending{folded, hash, static_cast<uint32_t>(t)};
          listed += lookup.MayHold(hash);
        }
      }
      if (!plain) w = Full(t);
      words[t] = w;
    }
    for (size_t i = 0; i < listed; ++i) {
      const Pending& p = pending[i];
      uint32_t found;
      WordId id;
      if (lookup.FindAtHome(p.head, p.hash, found)) [[likely]] {
        id = Vocabulary::FromIndex(found);
      } else {
        const Span span = tokens[p.token].span;
        id = vocab_.Id(std::string_view(text + span.begin, span.end - span.begin), p.head, p.hash);
      }
      words[p.token].word = id;
      words[p.token].base = id;
    }
    // Cue candidates, appended without a branch (a few in a hundred tokens,
    // in no pattern): each token is written, and counted only when it is one.
    const Lexicon::WordSet verbs = verbs_.word_set();
    size_t counted = 0;
    for (size_t t = 0; t < n; ++t) {
      candidate[counted] = static_cast<uint32_t>(t);
      counted += verbs.Contains(words[t].word) | (tokens[t].span.end - tokens[t].span.begin == 9);
    }
    count = counted;
  }

 private:
  bool NextIsPeriod(size_t t) const {
    const Span next = tokens_[t + 1].span;
    return (next.end - next.begin == 1) & (all_[next.begin] == '.');
  }

  void AddDotted(size_t t, uint64_t head, TokenWord& w) {
    const Span span = tokens_[t].span;
    w.dotted = DottedId(vocab_, all_.substr(span.begin, span.end - span.begin), head, dotted_);
    if (tokens_[t + 1].span.begin == span.end) w.flags |= kDotAttached;
  }

  [[gnu::noinline]] TokenWord Full(size_t t) {
    const uint32_t begin = tokens_[t].span.begin, end = tokens_[t].span.end;
    const size_t size = end - begin;
    const std::string_view text(all_.data() + begin, size);
    const uint64_t head = FoldedHeadAt(text.data(), size, all_.size() - begin);
    TokenWord w;
    w.word = vocab_.Id(text, head, Vocabulary::Hash(text, head));
    w.base = w.word;
    w.dotted = WordId{};
    w.flags = 0;
    if (const size_t ending = PossessiveEnding(all_, begin, end); ending != 0) {
      w.base = vocab_.Id(text.substr(0, size - ending));
      w.flags |= kPossessive;
    }
    if (t + 1 < n_ && NextIsPeriod(t)) AddDotted(t, head, w);
    // Capitals and acronyms need letters: numbers, punctuation, symbols and
    // quotation marks (multi-byte, each a UTF-8 decode away) have none.
    if (tokens_[t].kind == TokenKind::kWord && size != 0) w.flags |= CaseFlags(text);
    return w;
  }

  const Vocabulary& vocab_;
  const Lexicon& verbs_;
  const Token* const tokens_;
  const size_t n_;
  const std::string_view all_;
  std::string dotted_;  // reused: a long "word." without an allocation a token
  // A short plain token the filter let through, to look up in the second pass.
  struct Pending {
    uint64_t head;
    uint32_t hash;
    uint32_t token;
  };
};

}  // namespace

std::vector<TokenWord> NumberWords(const Document& doc, const RuleSet& rules,
                                   std::vector<uint32_t>* cue_candidates) {
  const size_t n = doc.tokens.size();
  std::vector<TokenWord> out(n);
  // Candidates are appended without a branch (a few in a hundred tokens, in
  // no pattern): each token is written, and counted only when it is one.
  // Room for all, unzeroed, and the few kept copied out.
  std::unique_ptr<uint32_t[]> candidates = std::make_unique_for_overwrite<uint32_t[]>(n + 1);
  size_t count = 0;
  Numberer(doc, rules).Run(out.data(), candidates.get(), count);
  if (cue_candidates != nullptr) cue_candidates->assign(candidates.get(), candidates.get() + count);
  return out;
}

void NumberDocumentWords(const RuleSet& rules, Document& doc) {
  doc.words = NumberWords(doc, rules, &doc.cue_candidates);
  doc.words_serial = rules.vocabulary.serial();
}

bool NumberedBy(const Document& doc, const RuleSet& rules) {
  return doc.words_serial == rules.vocabulary.serial() && doc.words.size() == doc.tokens.size();
}

const std::vector<TokenWord>& WordsOf(const Document& doc, const RuleSet& rules,
                                      std::vector<TokenWord>& scratch) {
  if (NumberedBy(doc, rules)) return doc.words;
  scratch = NumberWords(doc, rules);
  return scratch;
}

}  // namespace qg::internal
