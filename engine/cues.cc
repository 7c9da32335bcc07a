// Finds speech cues outside quotations.
//
// A speech-verb form from rules/speech_verbs.tsv is a cue unless the words
// around it make it a noun ("the report", "a call", "his statement") or an
// infinitive after a plan ("plans to brief" never reaches here: "brief" is no
// speech verb, but "declined to say" is skipped for the same reason). "according
// to" is one cue spanning both words. Tested by tests/cues_test.cc.
#include "engine/cues.h"

#include <algorithm>

#include "engine/internal/lexical.h"
#include "engine/internal/text_util.h"
#include "engine/internal/words.h"

namespace qg {

bool InsideQuote(const Document& doc, uint32_t t) { return internal::RegionOfToken(doc, t) >= 0; }

namespace {

using internal::FoldedIs;

bool IsNounContext(const Document& doc, const RuleSet& rules,
                   const std::vector<TokenWord>& words, uint32_t t) {
  if (t == 0 || doc.tokens[t - 1].sentence != doc.tokens[t].sentence) return false;
  if (!internal::IsWord(doc, t - 1)) return false;
  std::string_view prev = internal::TokenText(doc, t - 1);
  if (rules.function_words.Field(words[t - 1].word, 0) == "det") return true;
  // "Musk’s tweet", "Freeland's remarks": after a possessive the word is a noun.
  if (words[t - 1].flags & internal::kPossessive) return true;
  // "a White House statement", "the Surrey report": a capitalised modifier before a noun use.
  if (internal::AsciiLower(prev) == "to") {
    // "declined to say", "refused to comment" are refusals, not speech; "went on to say" is speech.
    if (t >= 2) {
      std::string before = internal::AsciiLower(internal::TokenText(doc, t - 2));
      return before == "declined" || before == "refused" || before == "wants" ||
             before == "want" || before == "plans" || before == "planned" || before == "expected";
    }
  }
  return false;
}

}  // namespace

std::vector<Cue> FindCues(const Document& doc, const RuleSet& rules) {
  std::vector<Cue> cues;
  const std::vector<uint8_t> quoted = internal::QuotedTokenMask(doc);
  std::vector<TokenWord> scratch;
  std::vector<uint32_t> scratch_candidates;
  const bool numbered = internal::NumberedBy(doc, rules);
  if (!numbered) scratch = internal::NumberWords(doc, rules, &scratch_candidates);
  const std::vector<TokenWord>& words = numbered ? doc.words : scratch;
  // Only a speech-verb form or "according" can be a cue: the candidates word
  // numbering listed, not every token.
  const std::vector<uint32_t>& candidates = numbered ? doc.cue_candidates : scratch_candidates;
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  cues.reserve(candidates.size());  // a cue a candidate at most
  uint32_t next = 0;  // the first token no cue has taken
  for (const uint32_t t : candidates) {
    if (t < next || quoted[t] || !internal::IsWord(doc, t)) continue;
    // The length first: the token's text is read only for nine-byte words.
    if (doc.tokens[t].span.size() == 9 && FoldedIs(internal::TokenText(doc, t), "according") &&
        t + 1 < n && internal::IsWord(doc, t + 1) &&
        FoldedIs(internal::TokenText(doc, t + 1), "to")) {
      Cue c;
      c.kind = CueKind::kAccordingTo;
      c.span = Span{doc.tokens[t].span.begin, doc.tokens[t + 1].span.end};
      c.lemma = "according to";
      c.token = t;
      c.token_end = t + 2;
      cues.push_back(std::move(c));
      next = t + 2;
      continue;
    }
    const std::vector<std::string>* f = rules.speech_verbs.Find(words[t].word);
    if (f == nullptr || f->size() < 3) continue;
    if (IsNounContext(doc, rules, words, t)) continue;
    // "the State Department", "Report on Business": a capitalised verb form
    // inside a sentence is part of a name.
    if ((words[t].flags & internal::kCapitalized) && t > 0 &&
        doc.tokens[t - 1].sentence == doc.tokens[t].sentence &&
        doc.tokens[t - 1].kind == TokenKind::kWord) {
      continue;
    }
    Cue c;
    c.kind = CueKind::kVerb;
    c.span = doc.tokens[t].span;
    c.lemma = (*f)[0];
    c.token = t;
    c.token_end = t + 1;
    c.participle = (*f)[1] == "ing";
    c.strength = (*f)[2] == "strong" ? Cue::kStrong : (*f)[2] == "medium" ? Cue::kMedium : Cue::kBelief;
    c.takes_addressee = f->size() > 3 && (*f)[3] == "addressee";
    cues.push_back(std::move(c));
  }
  return cues;
}

}  // namespace qg
