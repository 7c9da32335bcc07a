// The tag string of a sentence: one letter a unit, matched by rules/patterns.tsv (internal).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/document.h"
#include "engine/rules.h"

namespace qg::internal {

// No member initializers: a TagBuffer's room for a unit a token is left
// unwritten until a sentence is tagged into it.
struct Unit {
  char tag;
  uint32_t token_begin;
  uint32_t token_end;  // one past
  int ref;             // mention (S, P), cue (V, v, G, A) or quoted region (Q) index, else -1
};

// A set of ASCII tag letters, one bit each.
struct TagLetters {
  uint64_t bits[2] = {0, 0};
  void Add(char c) {
    auto b = static_cast<unsigned char>(c);
    if (b < 128) bits[b >> 6] |= uint64_t{1} << (b & 63);
  }
  bool Has(char c) const {
    auto b = static_cast<unsigned char>(c);
    return b < 128 && (bits[b >> 6] >> (b & 63) & 1) != 0;
  }
  bool Meets(const TagLetters& other) const {
    return ((bits[0] & other.bits[0]) | (bits[1] & other.bits[1])) != 0;
  }
  // Every letter of this set is in `other`.
  bool Within(const TagLetters& other) const {
    return ((bits[0] & ~other.bits[0]) | (bits[1] & ~other.bits[1])) == 0;
  }
  static TagLetters Of(std::string_view tags) {
    TagLetters t;
    for (char c : tags) t.Add(c);
    return t;
  }
};

// A sentence's units and tag string, viewed in the TagBuffer they were written to.
struct TaggedSentence {
  std::span<const Unit> units;
  std::string_view tags;  // tags[i] == units[i].tag
  TagLetters letters;     // those of tags, gathered while tagging (see Pattern::needs)
  // Units [a, b) alone, as MatchSentence reads each part of a split sentence.
  TaggedSentence Part(size_t a, size_t b) const {
    const std::string_view part = tags.substr(a, b - a);
    return TaggedSentence{units.subspan(a, b - a), part, TagLetters::Of(part)};
  }
};

// Room for a unit and a tag letter a token of one document. A sentence is
// tagged into the slots of its own tokens (it has at most a unit a token), so
// every sentence's tags stay readable until the buffer goes, at the cost of
// two allocations an article instead of two a sentence.
class TagBuffer {
 public:
  explicit TagBuffer(size_t tokens)
      : units_(std::make_unique_for_overwrite<Unit[]>(tokens)), tags_(std::make_unique_for_overwrite<char[]>(tokens)) {}
  Unit* units(uint32_t token) { return units_.get() + token; }
  char* tags(uint32_t token) { return tags_.get() + token; }

 private:
  std::unique_ptr<Unit[]> units_;
  std::unique_ptr<char[]> tags_;
};

// Lookup tables built once per document so tagging each sentence is linear.
struct TagContext {
  // "None" is any negative number, kNone when filled. Not -1: a fill of -1 is
  // a memset, which glibc does at these sizes with `rep stosb`, fast but
  // counted by callgrind (how this stage is measured) as one instruction a
  // byte; a fill of kNone is a loop of vector stores.
  static constexpr int kNone = INT32_MIN;
  std::vector<int> mention_at;  // token -> mention starting there, or negative
  std::vector<int> cue_at;      // token -> cue starting there, or negative
  std::vector<int> region_at;   // token -> top-level quoted region holding it, or negative
  // The word numbers when the Document has none for the rules at hand (see
  // Document::words): filled by the first TagSentence that needs them.
  mutable std::vector<TokenWord> words;
};

TagContext MakeTagContext(const Document& doc);

// The tag of a word by its number in rules.vocabulary: its letter ('T' that,
// '&' and, 'x' aux, 'w' any other word...; index 0, the unknown word, is 'w'),
// plus kMayOpenChannel for the prepositions that open "in a statement". A
// word's tag depends on its folded text only, so it is worked out once a
// vocabulary word at load instead of once a token.
inline constexpr uint8_t kMayOpenChannel = 0x80;
std::vector<uint8_t> WordTagTable(const RuleSet& rules);
// Tags `sentence` into the slots of its tokens in `buffer`, made for doc.
TaggedSentence TagSentence(const Document& doc, const RuleSet& rules, const TagContext& ctx,
                           uint32_t sentence, TagBuffer& buffer);

}  // namespace qg::internal
