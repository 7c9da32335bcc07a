// The chunker's view of tokens as words (internal): kinds, classes, lexicon
// facts by word number and the capitalisation that signals a name.
// Built once a document in one pass over the tokens; every question the
// chunker repeats for each chunk and each head it tries is an array read here.
// See engine/internal/words.h and engine/internal/word_facts.h.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/document.h"
#include "engine/internal/lexical.h"
#include "engine/internal/word_facts.h"
#include "engine/internal/words.h"
#include "engine/rules.h"

namespace qg::internal {

// What a token is, beside its WordFlag bits: one byte, read with them.
enum TokenMark : uint8_t {
  kWordToken = 1,
  kNumberToken = 2,
  kQuotedToken = 4,    // inside a top-level quoted region (QuotedTokenMask)
  kUsableToken = 8,    // outside quotes and cues, no punctuation or quotation mark
  kPeriodToken = 16,   // the text is "."
  kCommaToken = 32,    // the text is ","
  kColonToken = 64,    // the text is ":"
  kForcesCapital = 128,  // an opening quotation mark, ":" or "(": the next word's capital is forced
};

// The view's own bits beside WordFlag's (1 to 8) in a token's flags.
enum ViewFlag : uint8_t {
  // A word with no class, no possessive ending and no period of its own:
  // the chunk's body takes it as it is.
  kPlainWord = 16,
  // Could head a mention: a capital (a name) or a head word TryHead types.
  kMayHead = 32,
};
// The facts of a lower-case word that TryHead types as a head.
constexpr uint32_t kHeadFacts = kAnonymousSource | kOrgHead | kOrgDoc | kOffice;

class WordView {
 public:
  WordView(const Document& doc, const RuleSet& rules);

  WordId Word(uint32_t t) const { return words_[t].word; }
  // Without a possessive ending.
  WordId Base(uint32_t t) const { return words_[t].base; }
  bool Capitalized(uint32_t t) const { return info_[t].flags & kCapitalized; }
  bool Acronym(uint32_t t) const { return info_[t].flags & kAcronym; }
  bool Possessive(uint32_t t) const { return info_[t].flags & kPossessive; }
  // Function-word class ("det", "pron_m", ...) as a code, so branches compare
  // a byte: "Jan" "." is the month, "Jan" alone may be a first name.
  Fn Code(uint32_t t) const { return info_[t].code; }
  bool Has(uint32_t t, TokenMark m) const { return info_[t].marks & m; }
  bool Usable(uint32_t t) const { return info_[t].marks & kUsableToken; }
  bool Flag(uint32_t t, ViewFlag f) const { return info_[t].flags & f; }
  uint8_t Flags(uint32_t t) const { return info_[t].flags; }

  // Facts (WordFact bits) of the token's word, its base and its word with a period.
  uint32_t WordFacts(uint32_t t) const { return facts_.Bits(Word(t)); }
  uint32_t BaseFacts(uint32_t t) const { return facts_.Bits(Base(t)); }
  uint32_t FactsOf(WordId w) const { return facts_.Bits(w); }
  // True iff the token's folded text is in one of the closed sets `facts`.
  bool Is(uint32_t t, uint32_t facts) const {
    const WordId w = Word(t);
    if (facts_.Bits(w) & facts) return true;
    return !w.known() && IsMissing(t, facts);
  }
  // Is for an unknown word: the closed-set members the vocabulary lacks.
  bool IsMissing(uint32_t t, uint32_t facts) const {
    return (facts_.missing() & facts) && facts_.MissingIs(TokenText(doc_, t), facts);
  }

  // The number a number word names ("two" -> 2), or -1; NumberWordOf for
  // words the vocabulary lacks.
  int Number(uint32_t t) const { return facts_.Number(Word(t)); }
  bool numbers_missing() const { return facts_.numbers_missing(); }
  int NumberWordOf(std::string_view text) const { return facts_.NumberWordOf(text); }

  // A word followed by its own period token ("Mr" ".") reads as "mr.".
  bool DotFollows(uint32_t t, uint32_t end) const {
    return t + 1 < end && (info_[t].flags & kDotAttached);
  }
  // The word with its period when DotFollows ("mr."), else the word.
  WordId WithDot(uint32_t t, uint32_t end) const {
    return DotFollows(t, end) && doc_.text[doc_.tokens[t].span.end - 1] != '.' ? words_[t].dotted
                                                                               : words_[t].word;
  }

  // forenames.tsv's gender (field 0) of `text`, a span of the document's text:
  // kNotForename, kOtherForename, kMale or kFemale. The forenames are not in
  // the vocabulary and their table is large: each lookup by text waits on
  // memory. An article names its people again and again, so each distinct
  // name is asked once an article and its answer kept here (never beyond
  // the article: the view is the article's).
  enum ForenameKind : uint8_t { kNotForename, kOtherForename, kMaleForename, kFemaleForename, kUnreadForename };
  ForenameKind Forename(std::string_view text) const;
  // The entry of `text` in forenames.tsv, or nullptr: whether it is a
  // forename costs one cache miss, its gender two more (read only by Forename).
  const std::vector<std::string>* ForenameEntry(std::string_view text) const;
  static ForenameKind KindOf(const std::vector<std::string>& fields);

  // Capitals are forced at a sentence start, after an opening quotation mark or
  // a colon; after a closing mark ("“…,” McKegg said") they are the word's own.
  bool Initial(uint32_t t, uint32_t sent_begin) const {
    return t == sent_begin || (info_[t - 1].marks & kForcesCapital);
  }
  // Capitalised in a way that signals a name: a sentence-initial word the
  // lexicons know in lower case ("Officials", "The") is not a name. Asked
  // again and again of the same tokens (body, heads, runs): answered once a
  // token. `sent_begin` is the first token of t's sentence.
  bool NameLike(uint32_t t, uint32_t sent_begin) const {
    uint8_t& known = info_[t].name_like;
    if (known == kUnasked) known = ComputeNameLike(t, sent_begin) ? kYes : kNo;
    return known == kYes;
  }

 private:
  struct TokenInfo {
    uint8_t flags;  // WordFlag, ViewFlag
    uint8_t marks;  // TokenMark
    Fn code;
    uint8_t name_like;  // kUnasked, kNo, kYes
  };
  static constexpr uint8_t kUnasked = 0, kNo = 1, kYes = 2;

  bool ComputeNameLike(uint32_t t, uint32_t sent_begin) const;
  // Words seen capitalised where capitals are not forced: names the text uses as names.
  void CollectMidSentenceCapitals() const;
  bool MidSentenceCapital(uint32_t t) const;
  // The token's text without its possessive ending ("’s" or "'s", as
  // NumberWords found it), not folded.
  std::string_view BaseText(uint32_t t) const {
    const Span sp = doc_.tokens[t].span;
    const size_t ending = !Possessive(t) ? 0 : doc_.text[sp.end - 2] == '\'' ? 2 : 4;
    return std::string_view(doc_.text.data() + sp.begin, sp.end - sp.begin - ending);
  }
  struct Midcap {
    uint64_t head;   // FoldedDigest, for a word the vocabulary lacks
    uint32_t tag;    // its number | kKnownMidcap, or its size
    uint32_t token;  // kNoToken in a free slot
  };
  static constexpr uint32_t kKnownMidcap = 0x80000000u, kNoToken = ~0u;
  Midcap MidcapOf(uint32_t t) const;
  Midcap* MidcapSlot(const Midcap& m) const;
  bool SameLongBase(uint32_t a, uint32_t b) const;
  const char* TextEnd() const { return doc_.text.data() + doc_.text.size(); }

  const Document& doc_;
  const RuleSet& rules_;
  const VocabularyFacts& facts_;
  std::vector<TokenWord> scratch_;  // the numbers when doc_ has none for rules_
  const std::vector<TokenWord>& words_;
  std::unique_ptr<TokenInfo[]> info_;  // a token each; name_like is filled as asked
  // Capitalised words not initial in their sentence (when sentences are in
  // order, listed by the constructor; else by CollectMidSentenceCapitals).
  mutable std::vector<uint32_t> candidates_;
  bool candidates_listed_ = false;
  // The words of mid-sentence capitals (MidcapOf), a hash set collected at
  // the first question (most articles ask a few).
  mutable std::vector<Midcap> midcaps_;
  mutable bool midcaps_collected_ = false;
  // Forename entries of this article, open addressing: (FoldedDigest, text
  // offset, size, gender, entry); size 0 marks a free slot.
  struct ForenameSlot {
    uint64_t head = 0;
    uint32_t begin = 0;
    uint32_t size = 0;
    ForenameKind kind = kUnreadForename;  // Forename's answer, once read
    const std::vector<std::string>* entry = nullptr;
  };
  ForenameSlot* FreeSlot(uint64_t head, size_t size) const;  // in forenames_, for a word not in it
  // The memo's slot of `text`, filled if new (not empty).
  ForenameSlot& ForenameSlotOf(std::string_view text) const;
  mutable std::vector<ForenameSlot> forenames_;
  mutable size_t forenames_used_ = 0;
};

}  // namespace qg::internal
