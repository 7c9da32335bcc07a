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

// IsCapitalized and IsAcronym answer most words from their first byte: an
// ASCII lower-case letter starts neither, unless a hyphen within the first
// four bytes makes "al-Qaeda" a name.
uint8_t CaseFlags(std::string_view text) {
  const unsigned char c = static_cast<unsigned char>(text[0]);
  // Punctuation and one-letter words: one byte is ASCII in valid UTF-8, and
  // an acronym needs two capitals.
  if (text.size() == 1) return c >= 'A' && c <= 'Z' ? kCapitalized : 0;
  if (c >= 'a' && c <= 'z') {
    const size_t head = std::min<size_t>(text.size(), 4);
    for (size_t i = 1; i < head; ++i) {
      if (text[i] == '-') return IsCapitalized(text) ? kCapitalized : 0;
    }
    return 0;
  }
  uint8_t flags = 0;
  if ((c >= 'A' && c <= 'Z') || IsCapitalized(text)) flags |= kCapitalized;
  // An ASCII byte and then a lower-case letter: "Mr", "2nd" are no acronyms.
  if (!(c < 0x80 && text[1] >= 'a' && text[1] <= 'z') && IsAcronym(text)) flags |= kAcronym;
  return flags;
}

// Possessive endings are "’s" and "'s" in either case.
bool MayBePossessive(std::string_view text) {
  return text.size() > 2 && (text.back() == 's' || text.back() == 'S');
}

// Tokens are numbered a block at a time: the vocabulary slots of a block's
// tokens are all requested before any is read, so their cache misses overlap
// instead of each lookup waiting for its own.
constexpr size_t kBlock = 32;

}  // namespace

std::vector<TokenWord> NumberWords(const Document& doc, const RuleSet& rules) {
  const Vocabulary& vocab = rules.vocabulary;
  const size_t n = doc.tokens.size();
  const std::string_view all = doc.text;
  std::vector<TokenWord> out(n);
  std::string dotted;  // reused: a long "word." without an allocation a token
  uint64_t heads[kBlock];
  uint32_t hashes[kBlock];
  for (size_t first = 0; first < n; first += kBlock) {
    const size_t last = std::min(n, first + kBlock);
    // Each token folded once: its first eight bytes serve it and its "word.".
    for (size_t t = first; t < last; ++t) {
      const Span sp = doc.tokens[t].span;
      const std::string_view text(all.data() + sp.begin, sp.end - sp.begin);
      heads[t - first] = FoldedHeadAt(text.data(), text.size(), all.size() - sp.begin);
      hashes[t - first] = Vocabulary::Hash(text, heads[t - first]);
      if (text.size() >= 2) vocab.Prefetch(hashes[t - first]);
    }
    for (size_t t = first; t < last; ++t) {
      const Span sp = doc.tokens[t].span;
      const size_t size = sp.end - sp.begin;
      const std::string_view text(all.data() + sp.begin, size);
      const uint64_t head = heads[t - first];
      TokenWord& w = out[t];
      w.word = size >= 2 ? vocab.Id(text, head, hashes[t - first]) : vocab.Id(text);
      w.base = w.word;
      if (MayBePossessive(text)) {
        bool possessive = false;
        const std::string_view base = StripPossessive(text, &possessive);
        if (possessive) {
          w.base = vocab.Id(base);
          w.flags |= kPossessive;
        }
      }
      if (t + 1 < n && doc.tokens[t + 1].span.size() == 1 &&
          all[doc.tokens[t + 1].span.begin] == '.') {
        if (size >= 1 && size < 8) {
          const uint64_t dotted_head = head | uint64_t{'.'} << (8 * size);
          const std::string_view as_key(text.data(), size + 1);  // only its size is read
          w.dotted = vocab.Id(as_key, dotted_head, Vocabulary::Hash(as_key, dotted_head));
        } else {
          dotted.assign(text);
          dotted += '.';
          w.dotted = vocab.Id(dotted);
        }
        if (doc.tokens[t + 1].span.begin == sp.end) w.flags |= kDotAttached;
      }
      if (size != 0) w.flags |= CaseFlags(text);
    }
  }
  return out;
}

void NumberDocumentWords(const RuleSet& rules, Document& doc) {
  doc.words = NumberWords(doc, rules);
  doc.words_serial = rules.vocabulary.serial();
}

const std::vector<TokenWord>& WordsOf(const Document& doc, const RuleSet& rules,
                                      std::vector<TokenWord>& scratch) {
  if (doc.words_serial == rules.vocabulary.serial() && doc.words.size() == doc.tokens.size()) {
    return doc.words;
  }
  scratch = NumberWords(doc, rules);
  return scratch;
}

}  // namespace qg::internal
