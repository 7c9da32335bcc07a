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

namespace qg {

namespace internal {
struct CompiledPatterns;  // RE2 objects; see engine/internal/patterns.h
}

// One word list: key -> the remaining fields of its line.
class Lexicon {
 public:
  // Adds or replaces `key` (lower-cased with ASCII folding).
  void Add(std::string_view key, std::vector<std::string> fields);
  // Returns the fields of `key`, or nullptr. `key` is folded before lookup.
  const std::vector<std::string>* Find(std::string_view key) const;
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }
  // Returns field `i` of `key`, or "" when the key or the field is absent.
  std::string_view Field(std::string_view key, size_t i) const;
  size_t size() const { return keys_.size(); }
  // The longest number of space-separated words in any key (for phrase lookups).
  size_t max_words() const { return max_words_; }

 private:
  // Lexicon lookups are the engine's most frequent call (every token, every
  // phrase window), and most miss. An open-addressing table with a power-of-two
  // size and the hash kept in each slot answers a miss from one cache line with
  // no division and no allocation; keys are folded while hashing.
  struct Slot {
    uint32_t hash = 0;
    uint32_t index = UINT32_MAX;  // into keys_/values_; UINT32_MAX = empty
  };
  // Slot of `key` (compared folded), or of the empty slot where it would go.
  size_t Probe(std::string_view key, uint32_t hash) const;
  void Grow();

  std::vector<std::string> keys_;                  // folded
  std::vector<std::vector<std::string>> values_;   // parallel to keys_
  std::vector<Slot> slots_;
  size_t max_words_ = 0;
  size_t max_key_bytes_ = 0;  // longer keys cannot be present: rejected without hashing
};

struct RuleSet {
  Lexicon abbreviations;   // abbreviations.tsv: "mr.", "a.m.", "u.s." — a period that ends no sentence
  Lexicon speech_verbs;    // speech_verbs.tsv: form -> lemma, tense ("said" -> say, past)
  Lexicon titles;          // titles.tsv: title word -> gender, class ("mr." -> male, honorific)
  Lexicon anonymous;       // anonymous.tsv: head nouns of unnamed sources -> number
  Lexicon organizations;   // organizations.tsv: names and head words of institutions
  Lexicon forenames;       // lexicons/forenames-en.tsv: first name -> gender
  Lexicon channels;        // channels.tsv: words after "in a"/"told" naming a channel
  Lexicon function_words;  // function_words.tsv: capitalised words that start no name
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
