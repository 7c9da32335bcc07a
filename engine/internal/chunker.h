// The speaker chunker's class (internal): speakers.cc scans sentences and
// types the longest head of each chunk; speaker_phrases.cc builds the mention
// of a typed head (names with descriptors, anonymous and institutional
// phrases with their post-modifiers). See speakers.cc for the approach.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/document.h"
#include "engine/internal/lexical.h"
#include "engine/internal/text_util.h"
#include "engine/internal/word_view.h"
#include "engine/rules.h"

namespace qg::internal {

class Chunker {
 public:
  Chunker(const Document& doc, const RuleSet& rules) : doc_(doc), rules_(rules), w_(doc, rules) {
    // About one mention every ten tokens, one in six in dense articles:
    // growing the vector would move them all.
    out_.reserve(doc.tokens.size() / 6 + 8);
    pending_genders_.reserve(doc.tokens.size() / 16 + 8);
  }

  std::vector<Mention> Run();

 private:
  // Outside quotes and cues, no punctuation or quotation mark, before `end`.
  bool Usable(uint32_t t, uint32_t end) const { return t < end && w_.Usable(t); }
  bool IsWord(uint32_t t) const { return w_.Has(t, kWordToken); }
  // Most words are in lower case, which NameLike refuses first: they need no call.
  bool NameLike(uint32_t t, uint32_t sent_begin) const {
    return (w_.Capitalized(t) || w_.Acronym(t)) && w_.NameLike(t, sent_begin);
  }


  // Step and TryHead run once a word and once a head tried: inlined into their
  // single callers (speakers.cc), their calls were a fifth of the chunker's work.
  [[gnu::always_inline]] inline uint32_t Step(uint32_t s, uint32_t t);

  // "Hiram Macharia, marketing executive at LG Electronics, said" and "His
  // lawyer, Zhang Dongshuo, said": a person's name and a description set off by
  // commas next to it are one mention, so the cue finds the name as its speaker.
  // Over the mentions [first, last) of one sentence.
  void MergeAppositions(size_t first, size_t last);

  // A person's gender from the forename list, read for all of an article's
  // names at once: each is a few cache misses away (the lexicon's slot, the
  // entry, its gender field): asked one after another, name by name, they
  // waited in turn (about a tenth of the stage under perf); in passes that
  // prefetch, they overlap.
  // Appositions are merged after, as they read the genders.
  void ResolveForenameGenders();
  struct PendingGender {
    uint32_t mention;  // index into out_
    uint32_t token;    // the name's first word
    const std::vector<std::string>* entry;
  };
  std::vector<PendingGender> pending_genders_;

  // The count a determiner or number token gives ("two", "12"), or -1.
  int CountOf(uint32_t t) const;
  // The count a chunk's prefix gives, asked only when a mention takes it.
  int PrefixCount(uint32_t t, uint32_t body_begin, uint32_t end) const;

  // A usable plain word that may not head: most chunks hold only such words.
  bool OpensPlainChunk(uint32_t t, uint32_t end) const {
    return t < end && w_.Usable(t) && (w_.Flags(t) & (kPlainWord | kMayHead)) == kPlainWord;
  }
  static constexpr uint32_t kNoBody = ~0u;
  [[gnu::always_inline]] inline uint32_t PlainBodyEnd(uint32_t b, uint32_t end) const;
  [[gnu::always_inline]] inline uint32_t PlainAfterPrefix(uint32_t t, uint32_t end) const;

  // Reads the chunk starting at t; emits at most one mention; returns where to go on.
  uint32_t Chunk(uint32_t s, uint32_t t);

  [[gnu::always_inline]] inline bool TryHead(uint32_t s, uint32_t t, uint32_t body_begin, uint32_t h,
                                             uint32_t j, bool at_end);

  std::string Text(uint32_t a, uint32_t b) const {
    if (a >= b) return {};
    return std::string(doc_.slice(Span{doc_.tokens[a].span.begin, doc_.tokens[b - 1].span.end}));
  }

  // The capitalised run ending at h, with its connectors.
  uint32_t RunStart(uint32_t body_begin, uint32_t h, uint32_t sent_begin) const;

  void EmitName(uint32_t s, uint32_t t, uint32_t body_begin, uint32_t h, uint32_t j);

  // "Tim Guest with the Nova Scotia Health Authority", "Kent Moore at the
  // University of Toronto": the institution after a person's name is part of
  // the mention, so the speaker before the cue is the person, not the institution.
  void ExtendAffiliation(Mention& m, uint32_t j, uint32_t end) const;

  // organizations.tsv's entry for `text`, the text of several tokens from
  // token a. A key of several words is asked by text only when one starts with
  // a's word: most names are of words no key starts with, and hash nothing.
  const std::vector<std::string>* OrgEntryOfPhrase(uint32_t a, std::string_view text) const {
    // Text after a space is no part of the first word of a key.
    if (doc_.text[doc_.tokens[a].span.end] == ' ' && !(w_.WordFacts(a) & kOrgPhrase)) return nullptr;
    return rules_.organizations.Find(text);
  }

  // A name after "in", "from", "near" is a place ("in Montreal", "from Nova Scotia").
  bool LocativeBefore(uint32_t t) const;

  // The institution named among descriptor words: their capitalised run.
  std::string Affiliation(uint32_t a, uint32_t b, uint32_t end) const;

  void Emit(uint32_t s, uint32_t t, uint32_t body_begin, uint32_t h, uint32_t j, int count, MentionKind kind, SourceKind source_kind);

  // Length in tokens of an anonymous.tsv phrase of class `cls` starting at t,
  // or 0; `fact` is the class as a WordFact (kPostmod, kReason). Reason() asks
  // this of up to 30 tokens an anonymous mention: most start no key of several
  // words, and answer by their word's facts, with no call.
  uint32_t PhraseAt(uint32_t fact, std::string_view cls, uint32_t t, uint32_t end) const {
    if (t >= end || !IsWord(t)) return 0;
    const uint32_t facts = w_.WordFacts(t);
    if (!(facts & kAnonymousPhrase)) return (facts & fact) ? 1 : 0;
    return LongestPhraseAt(rules_.anonymous, cls, t, end);
  }
  // PhraseAt for a word that starts keys of several words.
  uint32_t LongestPhraseAt(const Lexicon& lex, std::string_view cls, uint32_t t, uint32_t end) const;

  uint32_t PostModifier(uint32_t j, uint32_t end) const;

  std::string Reason(uint32_t j, uint32_t end) const;

  const Document& doc_;
  const RuleSet& rules_;
  WordView w_;
  std::vector<Mention> out_;
};

}  // namespace qg::internal
