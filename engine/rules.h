// RuleSet: the linguistic data every stage reads, loaded once.
//
// Rules are data, not code: word lists and patterns live in engine/rules/*.tsv,
// are compiled into the binary, and can be overridden file by file with
// `--rules DIR` (a file in DIR replaces the built-in file of the same name).
//
// File format (every .tsv): UTF-8, one entry per line, fields separated by TAB,
// '#' starts a comment line, blank lines are skipped. The first field is the key;
// keys are matched case-insensitively (ASCII folding) unless the file says
// otherwise. A malformed line is an error naming file and line.
//
//   qg::Result<qg::RuleSet> r = qg::LoadBuiltinRules();
//   if (r.ok() && r.value().abbreviations.Contains("a.m.")) ...
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"
#include "engine/word_id.h"

namespace qg {

namespace internal {
struct CompiledPatterns;  // RE2 objects; see engine/internal/patterns.h
}

// Folded keys numbered in the order they were added: the hash table under a
// Lexicon and the Vocabulary.
class FoldedKeys {
 public:
  static constexpr uint32_t kAbsent = UINT32_MAX;
  // Number of `key` (compared with ASCII folding), or kAbsent.
  uint32_t Find(std::string_view key) const;
  // The same in two steps, for callers that look up many keys at once: the
  // hash of `key` given its FoldedHead (folded first eight bytes, zero-padded,
  // one little-endian word), a prefetch of its slot, and the lookup. Fetching
  // the slots of many keys before reading any overlaps their cache misses,
  // which a table of every lexicon's words makes the cost of a lookup.
  static uint32_t Hash(std::string_view key, uint64_t head) {
    return key.size() <= 8 ? ShortHash(head, key.size()) : LongHash(key, head);
  }
  void Prefetch(uint32_t hash) const { __builtin_prefetch(&slots_[hash & mask_]); }
  // False when no key has `hash`; true for every key's hash and a few others.
  bool MayHold(uint32_t hash) const {
    const uint32_t bit = (hash * 0x9E3779B1u) >> filter_shift_;
    return filter_[bit >> 6] >> (bit & 63) & 1;
  }
  // Find by a full probe (keys of any length).
  uint32_t FindLong(std::string_view key, uint64_t head, uint32_t hash) const;
  uint32_t Find(std::string_view key, uint64_t head, uint32_t hash) const {
    if (key.size() > 8) return FindLong(key, head, hash);
    // A key of at most eight bytes is its hash (whose top byte is the length)
    // and its head. Its home slot and the next answer nearly every lookup, read
    // without a branch on what they hold: whether a token is a known word is
    // a coin toss the branch predictor would lose a third of the time. Most
    // tokens are no known word, and the filter, small enough to stay in the
    // core's first-level cache, says so for nearly all of them: their lookups
    // then read the two empty slots kept past the table, not a slot that may
    // be far away in memory.
    const uint32_t maybe = 0u - static_cast<uint32_t>(MayHold(hash));  // all ones or zero
    const Slot& a = slots_[((hash & mask_) & maybe) | ((mask_ + 1) & ~maybe)];
    const Slot& b = slots_[(((hash + 1) & mask_) & maybe) | ((mask_ + 2) & ~maybe)];
    const bool in_a = (a.hash == hash) & (a.head == head);
    const bool in_b = (b.hash == hash) & (b.head == head);
    // Selected by masks: compilers turn the conditional form into branches.
    const uint32_t mask_a = 0u - in_a, mask_b = 0u - in_b;
    const uint32_t found = (a.index & mask_a) | (b.index & mask_b) | (kAbsent & ~(mask_a | mask_b));
    // Linear probing puts a key in the first free slot from its home, so a
    // free slot among the two ends the search.
    if ((found != kAbsent) | (a.index == kAbsent) | (b.index == kAbsent)) [[likely]] {
      return found;
    }
    return FindLong(key, head, hash);
  }
  class ShortLookup;
  ShortLookup short_lookup() const;
  // Number of `key`, added (lower-cased with ASCII folding) when absent.
  uint32_t Insert(std::string_view key);
  // Room for `keys` keys in all, at most 3/4 full, without regrowing.
  void Reserve(size_t keys);
  // Regrows the table to at least `slots_per_key` slots a key. A sparse table
  // answers most misses at the first slot, where a 3/4-full one probes about
  // seven: for the vocabulary, asked once a token, that is worth 64 KB.
  void Spread(size_t slots_per_key);
  const std::string& key(uint32_t index) const { return keys_[index]; }
  size_t size() const { return keys_.size(); }

 private:
  // Lookups are the engine's most frequent call, and most miss. An
  // open-addressing table with a power-of-two size, the hash and the folded
  // first eight bytes kept in each slot, answers a miss from one cache line
  // with no division, no allocation and no second load; keys are folded while
  // hashing. The vocabulary (~1,500 words) is spread to a quarter full, so
  // 128 KB stay in the core's cache.
  struct Slot {
    uint64_t head = 0;         // FoldedHead of the key: short keys whole
    uint32_t hash = 0;
    uint32_t index = kAbsent;  // into keys_
  };
  // The hash of a key of at most eight bytes; longer keys mix in their other
  // bytes (LongHash). The top byte is the length, so for short keys equal
  // hashes and equal heads are equal keys.
  static uint32_t ShortHash(uint64_t head, size_t size) {
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    uint64_t h = (size * kMul ^ head) * kMul;
    h ^= h >> 32;
    return (static_cast<uint32_t>(h) & 0x00FFFFFFu) | static_cast<uint32_t>(size) << 24;
  }
  static uint32_t LongHash(std::string_view key, uint64_t head);
  // True iff `key` of more than eight bytes, folded, is key `index`.
  bool LongKeyIs(std::string_view key, uint32_t index) const;
  // Slot of `key` (compared folded), or of the empty slot where it would go.
  size_t Probe(std::string_view key, uint32_t hash, uint64_t head) const;
  void Grow();
  void Rehash(size_t size);  // a power of two

  std::vector<std::string> keys_;  // folded
  // The table (mask_ + 1 slots, a power of two) and two empty slots after it,
  // where lookups the filter rules out read (Find).
  std::vector<Slot> slots_ = std::vector<Slot>(3);
  uint32_t mask_ = 0;  // the table's size - 1, kept so that a probe reads no vector size
  // One bit of a hash each key sets (MayHold): four bits a slot, so for a
  // table a quarter full a word the table lacks is let through about one
  // time in twenty.
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(1);
  uint32_t filter_shift_ = 26;  // 32 - log2(bits in filter_)
  void Filter(uint32_t hash) {
    const uint32_t bit = (hash * 0x9E3779B1u) >> filter_shift_;
    filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  size_t table_size() const { return size_t{mask_} + 1; }
  size_t max_key_bytes_ = 0;  // longer keys cannot be present: rejected without hashing
};

// A FoldedKeys table's addresses by value, for a loop of lookups of keys of
// at most eight bytes: copied into the loop's registers, where the table's
// own members are read again after every store the loop makes through a
// byte pointer (which may alias anything). The filter and the key's home
// slot are asked in separate steps, so that a loop can list the keys the
// filter lets through and look them up after (words.cc): a quarter-full
// table holds nearly every key at its home.
class FoldedKeys::ShortLookup {
 public:
  // FoldedKeys::MayHold.
  bool MayHold(uint32_t hash) const {
    const uint32_t bit = (hash * 0x9E3779B1u) >> filter_shift_;
    return filter_[bit >> 6] >> (bit & 63) & 1;
  }
  // For a key the filter let through: true when the answer is known, `found`
  // being the key's number or kAbsent; false for the few keys displaced from
  // their home slot: ask FoldedKeys::Find.
  bool FindAtHome(uint64_t head, uint32_t hash, uint32_t& found) const {
    const Slot& home = slots_[hash & mask_];
    const bool hit = (home.hash == hash) & (home.head == head);
    found = hit ? home.index : kAbsent;
    return hit | (home.index == kAbsent);
  }

 private:
  friend class FoldedKeys;
  ShortLookup(const Slot* slots, const uint64_t* filter, uint32_t mask, uint32_t filter_shift)
      : slots_(slots), filter_(filter), mask_(mask), filter_shift_(filter_shift) {}
  const Slot* slots_;
  const uint64_t* filter_;
  uint32_t mask_;
  uint32_t filter_shift_;
};

inline FoldedKeys::ShortLookup FoldedKeys::short_lookup() const {
  return ShortLookup(slots_.data(), filter_.data(), mask_, filter_shift_);
}

class Vocabulary;

// One word list: key -> the remaining fields of its line.
class Lexicon {
 public:
  // Adds or replaces `key` (lower-cased with ASCII folding).
  void Add(std::string_view key, std::vector<std::string> fields);
  // Room for `keys` keys without regrowing (a hint: more may be added).
  void Reserve(size_t keys);
  // Returns the fields of `key`, or nullptr. `key` is folded before lookup.
  const std::vector<std::string>* Find(std::string_view key) const;
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }
  // Returns field `i` of `key`, or "" when the key or the field is absent.
  std::string_view Field(std::string_view key, size_t i) const;

  // The same questions of a word by its number (see word_id.h): array reads.
  // They see the lexicon as it was when the vocabulary was numbered.
  const std::vector<std::string>* Find(WordId word) const {
    const uint32_t e = word.value < by_word_.size() ? by_word_[word.value] : FoldedKeys::kAbsent;
    return e == FoldedKeys::kAbsent ? nullptr : &values_[e];
  }
  bool Contains(WordId word) const { return Find(word) != nullptr; }
  std::string_view Field(WordId word, size_t i) const {
    const std::vector<std::string>* f = Find(word);
    return f == nullptr || i >= f->size() ? std::string_view() : std::string_view((*f)[i]);
  }
  // Contains by number with the index held by value (see FoldedKeys::ShortLookup).
  class WordSet {
   public:
    bool Contains(WordId word) const {
      return word.value < size_ && entries_[word.value] != FoldedKeys::kAbsent;
    }

   private:
    friend class Lexicon;
    WordSet(const uint32_t* entries, size_t size) : entries_(entries), size_(size) {}
    const uint32_t* entries_;
    size_t size_;
  };
  WordSet word_set() const { return WordSet(by_word_.data(), by_word_.size()); }
  // True iff some key of several words starts with `word`: phrase lookups
  // that start elsewhere need build no key.
  bool StartsPhrase(WordId word) const {
    return word.value < starts_phrase_.size() && starts_phrase_[word.value];
  }

  size_t size() const { return keys_.size(); }
  // The longest number of space-separated words in any key (for phrase lookups).
  size_t max_words() const { return max_words_; }

 private:
  friend class Vocabulary;
  FoldedKeys keys_;
  std::vector<std::vector<std::string>> values_;  // parallel to keys_
  size_t max_words_ = 0;
  std::vector<uint32_t> by_word_;       // WordId -> index into values_, or kAbsent
  std::vector<uint8_t> starts_phrase_;  // WordId -> 1 when a key of several words starts with it
};

// Every single word the lexicons know, numbered from 1: their one-word keys and
// the first words of their longer keys. Built by the loaders once the lexicons
// are complete; each lexicon then answers by number.
class Vocabulary {
 public:
  // The number of `word` (folded), or the unknown word.
  WordId Id(std::string_view word) const {
    // Punctuation, "a" and "I": a fifth of all tokens is one byte.
    if (word.size() == 1) return single_byte_[static_cast<unsigned char>(word[0])];
    return FromIndex(words_.Find(word));
  }
  // The same in steps (see FoldedKeys::Hash), for a word of two bytes or more.
  static uint32_t Hash(std::string_view word, uint64_t head) { return FoldedKeys::Hash(word, head); }
  void Prefetch(uint32_t hash) const { words_.Prefetch(hash); }
  FoldedKeys::ShortLookup short_lookup() const { return words_.short_lookup(); }
  // The word of a key's number in the table (kAbsent: the unknown word).
  static WordId FromIndex(uint32_t i) { return WordId{i + 1}; }

  WordId Id(std::string_view word, uint64_t head, uint32_t hash) const {
    return FromIndex(words_.Find(word, head, hash));
  }
  // Numbers the words of `lexicons` and indexes each lexicon by number.
  void Build(const std::vector<Lexicon*>& lexicons);
  size_t size() const { return words_.size(); }
  // The folded text of a known word.
  std::string_view word(WordId id) const { return words_.key(id.value - 1); }
  // Differs between any two vocabularies built in one process, so a
  // Document's word numbers can be checked against the rules at hand.
  uint64_t serial() const { return serial_; }

 private:
  // kAbsent + 1 wraps to 0, the unknown word.
  static_assert(FoldedKeys::kAbsent + 1 == 0);

  FoldedKeys words_;
  WordId single_byte_[256] = {};  // the numbers of the one-byte words
  uint64_t serial_ = 0;
};

struct RuleSet {
  Lexicon abbreviations;   // abbreviations.tsv: "mr.", "a.m.", "u.s." — a period that ends no sentence
  Lexicon speech_verbs;    // speech_verbs.tsv: form -> lemma, tense ("said" -> say, past)
  Lexicon titles;          // titles.tsv: title word -> gender, class ("mr." -> male, honorific)
  Lexicon anonymous;       // anonymous.tsv: head nouns of unnamed sources -> number
  Lexicon organizations;   // organizations.tsv: names and head words of institutions
  Lexicon forenames;       // lexicons/forenames-en.tsv: first name -> gender; asked by text only (not numbered)
  Lexicon channels;        // channels.tsv: words after "in a"/"told" naming a channel
  Lexicon function_words;  // function_words.tsv: capitalised words that start no name
  Vocabulary vocabulary;   // the words of all the lexicons above, numbered
  std::shared_ptr<const internal::CompiledPatterns> patterns;  // attribution patterns
  RuleSet();
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;
};

// The rules compiled into the binary.
Result<RuleSet> LoadBuiltinRules();
// Built-in rules with each file found in `dir` taking the place of its built-in twin.
Result<RuleSet> LoadRules(const std::string& dir);
// Loads from in-memory files: (name, contents). Used by both loaders and by tests.
Result<RuleSet> LoadRulesFromFiles(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace qg
