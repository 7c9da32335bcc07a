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
    quoted_ = internal::QuotedTokenMask(doc);
    // Usable() is asked of every token several times (step, prefix, body):
    // its four conditions are folded into one byte a token here.
    const size_t n = doc.tokens.size();
    usable_.resize(n);
    for (size_t t = 0; t < n; ++t) {
      const TokenKind k = doc.tokens[t].kind;
      usable_[t] = !quoted_[t] && k != TokenKind::kPunct && k != TokenKind::kQuoteMark;
    }
    for (const Cue& c : doc.cues) {
      for (uint32_t t = c.token; t < c.token_end && t < n; ++t) usable_[t] = 0;
    }
    // About one mention every ten tokens: growing the vector would move them all.
    out_.reserve(n / 8 + 8);
  }

  std::vector<Mention> Run();

 private:
  std::string_view Lower(uint32_t t) const { return w_.Lower(t); }
  bool Usable(uint32_t t, uint32_t end) const {
    return t < end && usable_[t];
  }
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
  void MergeAppositions(size_t first);

  // Reads the chunk starting at t; emits at most one mention; returns where to go on.
  uint32_t Chunk(uint32_t s, uint32_t t);

  [[gnu::always_inline]] inline bool TryHead(uint32_t s, uint32_t t, uint32_t body_begin, uint32_t h,
                                             uint32_t j, bool at_end, int count);

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

  // A name after "in", "from", "near" is a place ("in Montreal", "from Nova Scotia").
  bool LocativeBefore(uint32_t t) const;

  // The institution named among descriptor words: their capitalised run.
  std::string Affiliation(uint32_t a, uint32_t b, uint32_t end) const;

  void Emit(uint32_t s, uint32_t t, uint32_t body_begin, uint32_t h, uint32_t j, int count, MentionKind kind, SourceKind source_kind);

  // Length in tokens of a phrase from `lex` starting at t with class `cls`, or 0.
  // Reason() asks this of up to 30 tokens an anonymous mention: most start no
  // key of several words, and answer by word number here, with no call.
  uint32_t PhraseAt(const Lexicon& lex, std::string_view cls, uint32_t t, uint32_t end) const {
    if (t >= end || doc_.tokens[t].kind != TokenKind::kWord) return 0;
    const WordId w = w_.Word(t);
    if (!lex.StartsPhrase(w)) return lex.Field(w, 1) == cls ? 1 : 0;
    return LongestPhraseAt(lex, cls, t, end);
  }
  // PhraseAt for a word that starts keys of several words.
  uint32_t LongestPhraseAt(const Lexicon& lex, std::string_view cls, uint32_t t, uint32_t end) const;

  uint32_t PostModifier(uint32_t j, uint32_t end) const;

  std::string Reason(uint32_t j, uint32_t end) const;

  const Document& doc_;
  const RuleSet& rules_;
  WordView w_;
  std::vector<uint8_t> quoted_;
  std::vector<uint8_t> usable_;  // outside quotes and cues, no punctuation or quotation mark
  std::vector<Mention> out_;
};

}  // namespace qg::internal
