// Numbers each token's words in the rules' vocabulary (see internal/words.h).
// Tested through tests/speakers_test.cc, tests/cues_test.cc and the goldens:
// every lookup by number must answer as the lookup by text did.
#include "engine/internal/words.h"

#include <string>

#include "engine/internal/lexical.h"

namespace qg::internal {

std::vector<TokenWord> NumberWords(const Document& doc, const RuleSet& rules) {
  const Vocabulary& vocab = rules.vocabulary;
  const size_t n = doc.tokens.size();
  std::vector<TokenWord> out(n);
  std::string dotted;  // reused: "word." without an allocation a token
  for (size_t t = 0; t < n; ++t) {
    const std::string_view text = doc.slice(doc.tokens[t].span);
    TokenWord& w = out[t];
    w.word = vocab.Id(text);
    bool possessive = false;
    const std::string_view base = StripPossessive(text, &possessive);
    w.base = possessive ? vocab.Id(base) : w.word;
    if (t + 1 < n && doc.slice(doc.tokens[t + 1].span) == ".") {
      dotted.assign(text);
      dotted += '.';
      w.dotted = vocab.Id(dotted);
      if (doc.tokens[t + 1].span.begin == doc.tokens[t].span.end) w.flags |= kDotAttached;
    }
    if (possessive) w.flags |= kPossessive;
    if (IsCapitalized(text)) w.flags |= kCapitalized;
    if (IsAcronym(text)) w.flags |= kAcronym;
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
