// What the chunker asks of a vocabulary word, answered once a vocabulary
// (internal). The chunker types every head it tries by several lexicon fields
// ("is it an anonymous plural?", "an office title?", "an institution's head
// word?") and compares words with a few closed sets ("of", "the", "in"): by
// word number each question was a lookup and a string comparison; here it is
// one bit of one array read. See engine/internal/word_view.h.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/rules.h"

namespace qg::internal {

// The function-word classes the chunker branches on (function_words.tsv).
enum class Fn : uint8_t { kNone, kDet, kQuant, kPronM, kPronF, kPronN, kPronP, kAux, kTime, kWh, kKicker, kOther };
Fn FnOf(std::string_view cls);

// One bit a question. Lexicon facts are exactly the lexicon's answer by
// number; closed-set facts are the word's folded text being in the set.
enum WordFact : uint32_t {
  kAnonymous = 1u << 0,        // anonymous.tsv has the word
  kAnonymousSource = 1u << 1,  // ... with class (field 1) "anonymous"
  kPluralNoun = 1u << 2,       // ... with number (field 0) "pl"
  kPostmod = 1u << 3,          // ... with class "postmod"
  kReason = 1u << 4,           // ... with class "reason"
  kAnonymousPhrase = 1u << 5,  // starts an anonymous.tsv key of several words
  kOrganization = 1u << 6,     // organizations.tsv has the word
  kOrgHead = 1u << 7,          // ... of type (field 0) "head"
  kOrgDoc = 1u << 8,           // ... "doc"
  kOrgName = 1u << 9,          // ... "name"
  kOrgPlace = 1u << 10,        // ... "place"
  kOrgPhrase = 1u << 11,       // starts an organizations.tsv key of several words
  kTitle = 1u << 12,           // titles.tsv has the word
  kOffice = 1u << 13,          // ... of class (field 1) "office"
  kHonorific = 1u << 14,       // ... "honorific"
  kTitleClass = 1u << 15,      // ... of any class (field 1 not empty)
  kMaleTitle = 1u << 16,       // ... of gender (field 0) "male"
  kFemaleTitle = 1u << 17,     // ... "female"
  kGenderedTitle = 1u << 18,   // ... of any gender (field 0 not empty)
  kSpeechVerb = 1u << 19,      // speech_verbs.tsv has the word
  kAbbreviation = 1u << 20,    // abbreviations.tsv has the word
  // Closed sets the chunker names (see kClosedSets in word_facts.cc).
  kSubjectPronoun = 1u << 21,  // he, she, it, they, he’s, she’s
  kThat = 1u << 22,
  kHalf = 1u << 23,
  kDozen = 1u << 24,
  kOfFor = 1u << 25,           // of, for
  kNameConnector = 1u << 26,   // of, for, von, van, der, de, la, du, da, bin, al
  kAffiliationLink = 1u << 27, // with, of, at, from, for
  kThe = 1u << 28,
  kLocative = 1u << 29,        // in, from, near, across, into, throughout, outside, inside
  kPostmodLink = 1u << 30,     // for, at, with, of, in
};
constexpr uint32_t kClosedSetFacts = kSubjectPronoun | kThat | kHalf | kDozen | kOfFor |
                                     kNameConnector | kAffiliationLink | kThe | kLocative |
                                     kPostmodLink;

// The facts of every word of one vocabulary.
class VocabularyFacts {
 public:
  // The table of `rules`' vocabulary, built once a thread for each vocabulary
  // (rebuilt when a thread switches rules).
  static const VocabularyFacts& Of(const RuleSet& rules);

  // A word's facts, class and number side by side: the token pass reads
  // one entry (one cache line) a token, not three tables.
  struct Entry {
    uint32_t bits = 0;   // WordFact
    Fn code = Fn::kNone;  // function_words class
    int8_t number = -1;   // Number
    uint8_t traits = 0;  // kNoClass, kHeadWord: the token pass's questions, answered once
  };
  // A word's traits: no function-word class; a fact TryHead types as a head
  // (kAnonymousSource, kOrgHead, kOrgDoc, kOffice).
  static constexpr uint8_t kNoClass = 16, kHeadWord = 32;
  uint32_t Bits(WordId w) const { return entries_[w.value].bits; }
  Fn Code(WordId w) const { return entries_[w.value].code; }
  const Entry* entries() const { return entries_.data(); }
  // The number a number word names ("two" -> 2, zero to twelve), or -1.
  // Numbers the vocabulary lacks are compared by text (NumberWordOf).
  int Number(WordId w) const { return entries_[w.value].number; }
  bool numbers_missing() const { return !missing_numbers_.empty(); }
  int NumberWordOf(std::string_view text) const;
  // Closed-set facts with a member the vocabulary lacks: such a member's
  // tokens are the unknown word, and are compared by text (MissingIs).
  uint32_t missing() const { return missing_mask_; }
  // True iff `text` folded is a member of a closed set in `facts` that the
  // vocabulary lacks.
  bool MissingIs(std::string_view text, uint32_t facts) const;

 private:
  void Build(const RuleSet& rules);

  uint64_t serial_ = 0;
  std::vector<Entry> entries_;  // by WordId
  std::vector<std::pair<int, std::string_view>> missing_numbers_;
  uint32_t missing_mask_ = 0;
  std::vector<std::pair<uint32_t, std::string_view>> missing_;  // (fact, member)
};

}  // namespace qg::internal
