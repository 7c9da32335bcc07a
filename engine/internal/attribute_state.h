// The attribution pass's working state (internal; see attribute.cc).
#pragma once

#include <cstdlib>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include <re2/stringpiece.h>

#include "engine/document.h"
#include "engine/internal/tags.h"
#include "engine/rules.h"

namespace qg::internal {

// An attribution-only sentence ("Pentagon spokesman John Kirby said."): units of
// its speaker and cue, for the quote of the sentence before.
struct ContextMatch {
  int spk_unit = -1;
  int cue_unit = -1;
  TaggedSentence tagged;
};

class Attributor {
 public:
  Attributor(const Document& doc, const RuleSet& rules)
      : doc_(doc), rules_(rules), ctx_(MakeTagContext(doc)), claimed_(doc.quoted.size(), 0),
        tag_buffer_(doc.tokens.size()), debug_(DebugTags()) {}
  std::vector<Quote> Run();

 private:
  bool MatchSentence(uint32_t s);
  bool IsKickerLine(uint32_t s) const;
  bool HoldsCueOrQuote(const Sentence& sent) const;
  bool MatchUnits(uint32_t s, const TaggedSentence& ts, bool whole);
  static bool HasAttribution(std::string_view tags, size_t from);
  int MakeQuote(const TaggedSentence& ts, int a, int b, int spk_unit, int cue_unit,
                const std::string& rule, double confidence);
  int SplitCoordinated(const TaggedSentence& ts, int a, int b) const;
  void TrimClause(const TaggedSentence& ts, int* a, int* b) const;
  Span UnitsSpan(const TaggedSentence& ts, int a, int b) const;
  Span RegionContent(int r) const;
  std::string ChannelAfter(const Cue& cue, uint32_t end) const;
  uint32_t TokenIndexAt(uint32_t offset) const;
  std::string AsciiLowerWord(uint32_t t) const;

  // attribute_context.cc
  void ResolveContext();
  void AttachFromContext(std::span<Quote> quotes, const ContextMatch& cm, bool keep_pronoun);
  Quote FloatingOrTerm(int region, bool alone, int last_mention) const;
  bool IsHeading(int region) const;
  void AttachSentenceSpeaker(const TaggedSentence& ts, int q_unit, Quote& q) const;

  // QG_DEBUG_TAGS, read once a process: getenv walks the whole environment,
  // and an Attributor is made for every article.
  static bool DebugTags() {
    static const bool on = std::getenv("QG_DEBUG_TAGS") != nullptr;
    return on;
  }

  const Document& doc_;
  const RuleSet& rules_;
  TagContext ctx_;
  std::vector<uint8_t> claimed_;  // per quoted region
  std::vector<Quote> quotes_;
  std::vector<uint32_t> quote_sentence_;  // parallel to quotes_
  uint32_t current_sentence_ = 0;
  std::unordered_map<uint32_t, ContextMatch> context_sentences_;
  // Each sentence's tag string, made once in pass 1 and read again by pass 2,
  // and the buffer it is held in.
  std::vector<TaggedSentence> tagged_;
  TagBuffer tag_buffer_;
  // Buffers of MatchSentence/MatchUnits, kept across sentences to spare allocations.
  std::vector<size_t> cuts_;
  std::vector<re2::StringPiece> groups_;
  bool debug_ = false;  // QG_DEBUG_TAGS set: print each sentence's tag string on stderr
};

}  // namespace qg::internal
