// The chunker's view of tokens as words (internal): folded text, classes,
// lexicon answers by word number and the capitalisation that signals a name.
// Built once a document; every question the chunker repeats for each chunk and
// each head it tries is an array read here. See engine/internal/words.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/document.h"
#include "engine/internal/lexical.h"
#include "engine/internal/words.h"
#include "engine/rules.h"

namespace qg::internal {

// The function-word classes the chunker branches on (function_words.tsv).
enum class Fn : uint8_t { kNone, kDet, kQuant, kPronM, kPronF, kPronN, kPronP, kAux, kTime, kWh, kKicker, kOther };
Fn FnOf(std::string_view cls);

class WordView {
 public:
  WordView(const Document& doc, const RuleSet& rules);

  // Folding keeps byte offsets, so a token's folded form is its span of lower_text_.
  std::string_view Lower(uint32_t t) const {
    const Span& sp = doc_.tokens[t].span;
    return std::string_view(lower_text_).substr(sp.begin, sp.end - sp.begin);
  }
  std::string_view LowerText() const { return lower_text_; }
  WordId Word(uint32_t t) const { return words_[t].word; }
  // Without a possessive ending.
  WordId Base(uint32_t t) const { return words_[t].base; }
  bool Capitalized(uint32_t t) const { return words_[t].flags & kCapitalized; }
  bool Acronym(uint32_t t) const { return words_[t].flags & kAcronym; }
  bool Possessive(uint32_t t) const { return words_[t].flags & kPossessive; }
  // Function-word class ("det", "pron_m", ...) as a code, so branches compare
  // a byte: "Jan" "." is the month, "Jan" alone may be a first name.
  Fn Code(uint32_t t) const { return code_[t]; }

  // A word followed by its own period token ("Mr" ".") reads as "mr.".
  bool DotFollows(uint32_t t, uint32_t end) const {
    return t + 1 < end && (words_[t].flags & kDotAttached);
  }
  // The word with its period when DotFollows ("mr."), else the word.
  WordId WithDot(uint32_t t, uint32_t end) const {
    return doc_.slice(doc_.tokens[t].span).back() != '.' && DotFollows(t, end) ? words_[t].dotted
                                                                              : words_[t].word;
  }

  // Capitals are forced at a sentence start, after an opening quotation mark or
  // a colon; after a closing mark ("“…,” McKegg said") they are the word's own.
  bool Initial(uint32_t t, uint32_t sent_begin) const {
    if (t == sent_begin) return true;
    if (doc_.tokens[t - 1].kind == TokenKind::kQuoteMark) return opening_mark_[t - 1];
    return TokenText(doc_, t - 1) == ":" || TokenText(doc_, t - 1) == "(";
  }
  // Capitalised in a way that signals a name: a sentence-initial word the
  // lexicons know in lower case ("Officials", "The") is not a name.
  bool NameLike(uint32_t t, uint32_t sent_begin) const;

 private:
  // Words seen capitalised where capitals are not forced: names the text uses as names.
  void CollectMidSentenceCapitals();
  bool MidSentenceCapital(uint32_t t) const;
  std::string_view LowerBase(uint32_t t) const;
  uint64_t BaseHash(uint32_t t) const;

  const Document& doc_;
  const RuleSet& rules_;
  std::vector<TokenWord> scratch_;  // the numbers when doc_ has none for rules_
  const std::vector<TokenWord>& words_;
  std::string lower_text_;  // doc_.text with ASCII folded
  std::vector<Fn> code_;
  std::vector<uint8_t> opening_mark_;  // per token: opens a quoted region
  // (hash of the folded base << 32 | token) of mid-sentence capitals, sorted.
  std::vector<uint64_t> midcaps_;
};

}  // namespace qg::internal
