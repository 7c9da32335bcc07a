// Numbers each token's words in the rules' vocabulary (see internal/words.h).
// Tested through tests/speakers_test.cc, tests/cues_test.cc and the goldens:
// every lookup by number must answer as the lookup by text did.
#include "engine/internal/words.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "engine/internal/lexical.h"
#include "engine/internal/text_util.h"

namespace qg::internal {

namespace {

// Capitals and acronyms of a word that does not start with an ASCII
// lower-case letter, or that has a hyphen near its start ("al-Qaeda").
[[gnu::noinline]] uint8_t CaseFlags(std::string_view text) {
  const unsigned char c = static_cast<unsigned char>(text[0]);
  if (c >= 'a' && c <= 'z') return IsCapitalized(text) ? kCapitalized : 0;
  // Punctuation and one-letter words: one byte is ASCII in valid UTF-8, and
  // an acronym needs two capitals.
  if (text.size() == 1) return c >= 'A' && c <= 'Z' ? kCapitalized : 0;
  uint8_t flags = 0;
  if ((c >= 'A' && c <= 'Z') || IsCapitalized(text)) flags |= kCapitalized;
  // An ASCII byte and then a lower-case letter: "Mr", "2nd" are no acronyms.
  if (!(c < 0x80 && text[1] >= 'a' && text[1] <= 'z') && IsAcronym(text)) flags |= kAcronym;
  return flags;
}

// IsCapitalized and IsAcronym answer most words from their first byte: an
// ASCII lower-case letter starts neither, unless a hyphen within the first
// four bytes makes "al-Qaeda" a name. `head` is the word's first eight bytes
// folded and zero-padded. The tests are combined with & rather than &&: each
// is a coin toss to the branch predictor, their conjunction rarely fails.
inline bool PlainLowerCase(std::string_view text, uint64_t head) {
  const unsigned char c = static_cast<unsigned char>(text[0]);
  // Bytes 1-3 of the head equal to '-': a zero byte in head ^ "----".
  constexpr uint64_t kHyphens = 0x2D2D2D00ull, kLow = 0x01010100ull, kHigh = 0x80808000ull;
  const uint64_t x = (head & 0xFFFFFF00ull) ^ kHyphens;
  return (static_cast<unsigned char>(c - 'a') < 26) & (((x - kLow) & ~x & kHigh) == 0);
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

}  // namespace

// One pass, one token at a time: the lookups of neighbouring tokens are
// independent, so the processor overlaps their waits on the vocabulary's
// slots without a prefetching pass (tried: no faster). Those waits, not the
// instructions, are most of this stage's time (perf).
std::vector<TokenWord> NumberWords(const Document& doc, const RuleSet& rules,
                                   std::vector<uint32_t>* cue_candidates) {
  const Vocabulary& vocab = rules.vocabulary;
  const size_t n = doc.tokens.size();
  const Token* const tokens = doc.tokens.data();
  const std::string_view all = doc.text;
  std::vector<TokenWord> out(n);
  TokenWord* const words = out.data();
  std::string dotted;  // reused: a long "word." without an allocation a token
  // Candidates are appended without a branch (a few in a hundred tokens, in
  // no pattern): each token is written, and counted only when it is one.
  std::vector<uint32_t> candidates(n + 1);
  uint32_t* const candidate = candidates.data();
  size_t count = 0;
  for (size_t t = 0; t < n; ++t) {
    const uint32_t begin = tokens[t].span.begin, end = tokens[t].span.end;
    const size_t size = end - begin;
    const std::string_view text(all.data() + begin, size);
    const uint64_t head = FoldedHeadAt(text.data(), size, all.size() - begin);
    TokenWord w;
    w.word = vocab.Id(text, head, Vocabulary::Hash(text, head));
    w.base = w.word;
    w.dotted = WordId{};
    w.flags = 0;
    if (const size_t ending = PossessiveEnding(all, begin, end); ending != 0) [[unlikely]] {
      w.base = vocab.Id(text.substr(0, size - ending));
      w.flags |= kPossessive;
    }
    if (t + 1 < n) {
      const Span next = tokens[t + 1].span;
      if ((next.end - next.begin == 1) & (all[next.begin] == '.')) [[unlikely]] {
        w.dotted = DottedId(vocab, text, head, dotted);
        if (next.begin == end) w.flags |= kDotAttached;
      }
    }
    // Capitals and acronyms need letters: numbers, punctuation, symbols and
    // quotation marks (multi-byte, each a UTF-8 decode away) have none.
    // A word in lower case has no flag, one in capitals then lower case (or
    // a lone capital) is capitalised and no acronym: answered here, in one
    // branch rarely taken; the rest asks CaseFlags.
    const bool word = (tokens[t].kind == TokenKind::kWord) & (size != 0);
    const bool upper = static_cast<unsigned char>(text[0] - 'A') < 26;
    const bool then_lower = (size == 1) | (static_cast<unsigned char>(text[size > 1] - 'a') < 26);
    uint8_t flags = upper ? kCapitalized : 0;
    if (word & !(PlainLowerCase(text, head) | (upper & then_lower))) [[unlikely]] {
      flags = CaseFlags(text);
    }
    w.flags |= word ? flags : 0;
    words[t] = w;
    candidate[count] = static_cast<uint32_t>(t);
    count += rules.speech_verbs.Contains(w.word) | (size == 9);
  }
  if (cue_candidates != nullptr) {
    candidates.resize(count);
    *cue_candidates = std::move(candidates);
  }
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
