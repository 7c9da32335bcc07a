// The speaker chunker's class (internal): speakers.cc scans sentences and
// types the longest head of each chunk; speaker_phrases.cc builds the mention
// of a typed head (names with descriptors, anonymous and institutional
// phrases with their post-modifiers). See speakers.cc for the approach.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "engine/document.h"
#include "engine/internal/lexical.h"
#include "engine/internal/text_util.h"
#include "engine/rules.h"

namespace qg::internal {

class Chunker {
 public:
  Chunker(const Document& doc, const RuleSet& rules) : doc_(doc), rules_(rules) {
    quoted_ = internal::QuotedTokenMask(doc);
    cue_.assign(doc.tokens.size(), 0);
    for (const Cue& c : doc.cues) {
      for (uint32_t t = c.token; t < c.token_end && t < cue_.size(); ++t) cue_[t] = 1;
    }
    for (const QuotedRegion& r : doc.quoted) opening_marks_.insert(r.open_token);
    // The chunker asks the same questions of a token many times (each chunk,
    // each head it tries): fold the text once and type every token once.
    lower_text_ = internal::AsciiLower(doc.text);
    class_.resize(doc.tokens.size());
    class_known_.assign(doc.tokens.size(), 0);
    CollectMidSentenceCapitals();
  }

  std::vector<Mention> Run();

 private:
  // Folding keeps byte offsets, so a token's folded form is its span of lower_text_.
  std::string_view Lower(uint32_t t) const {
    const Span& sp = doc_.tokens[t].span;
    return std::string_view(lower_text_).substr(sp.begin, sp.end - sp.begin);
  }
  // Typed on first use: most tokens are never asked, the rest are asked often.
  std::string_view Class(uint32_t t) const {
    if (!class_known_[t]) {
      class_[t] = ComputeClass(t);
      class_known_[t] = 1;
    }
    return class_[t];
  }
  std::string_view ComputeClass(uint32_t t) const {
    // "Jan" "." is the month, "Jan" alone may be a first name.
    if (DotFollows(t, static_cast<uint32_t>(doc_.tokens.size()))) {
      std::string_view c = internal::WordClass(rules_, std::string(internal::TokenText(doc_, t)) + ".");
      if (!c.empty()) return c;
    }
    bool poss = false;
    return internal::WordClass(rules_, internal::StripPossessive(internal::TokenText(doc_, t), &poss));
  }
  bool Usable(uint32_t t, uint32_t end) const {
    return t < end && !quoted_[t] && !cue_[t] && doc_.tokens[t].kind != TokenKind::kPunct &&
           doc_.tokens[t].kind != TokenKind::kQuoteMark;
  }
  // A word followed by its own period token ("Mr" ".") reads as "mr.".
  bool DotFollows(uint32_t t, uint32_t end) const {
    return t + 1 < end && internal::TokenText(doc_, t + 1) == "." &&
           doc_.tokens[t + 1].span.begin == doc_.tokens[t].span.end;
  }
  // The period token follows the word directly, so "mr." is a span of lower_text_ too.
  std::string_view WithDot(uint32_t t, uint32_t end) const {
    std::string_view w = Lower(t);
    if (w.back() != '.' && DotFollows(t, end)) {
      return std::string_view(lower_text_).substr(doc_.tokens[t].span.begin, w.size() + 1);
    }
    return w;
  }
  // Capitalised in a way that signals a name: a sentence-initial word the
  // lexicons know in lower case ("Officials", "The") is not a name.
  bool NameLike(uint32_t t, uint32_t sent_begin) const {
    std::string_view w = internal::TokenText(doc_, t);
    if (!internal::IsCapitalized(w) && !internal::IsAcronym(w)) return false;
    bool poss = false;
    std::string_view base = internal::StripPossessive(Lower(t), &poss);
    std::string_view cls = Class(t);
    const bool initial = Initial(t, sent_begin);
    // "Ms. May", "Mr. Will": after an honorific any capitalised word is the name.
    if (t >= 2 && internal::TokenText(doc_, t - 1) == "." &&
        rules_.titles.Field(std::string(Lower(t - 2)) + ".", 1) == "honorific") {
      return true;
    }
    // "Theresa May", "June Smith": a capitalised modal or month inside a name.
    if (!cls.empty() && cls != "kicker" && !(initial == false && (cls == "aux" || cls == "time") && t > sent_begin &&
                          internal::IsCapitalized(internal::TokenText(doc_, t - 1)) && Class(t - 1).empty())) {
      return false;
    }
    if (initial && (rules_.anonymous.Contains(base) || rules_.titles.Contains(base) ||
                    rules_.speech_verbs.Contains(base) ||
                    rules_.organizations.Field(base, 0) == "doc")) {
      return false;
    }
    // A capitalised word that only ever opens sentences ("Mostly, he says",
    // "Cake") is no name unless the lexicons know it.
    if (initial && !midcap_.count(base) && !rules_.forenames.Contains(base) &&
        !rules_.organizations.Contains(base) && !internal::IsAcronym(w)) {
      return false;
    }
    return true;
  }

  // Capitals are forced at a sentence start, after an opening quotation mark or
  // a colon; after a closing mark ("“…,” McKegg said") they are the word's own.
  bool Initial(uint32_t t, uint32_t sent_begin) const {
    if (t == sent_begin) return true;
    if (doc_.tokens[t - 1].kind == TokenKind::kQuoteMark) return opening_marks_.count(t - 1) > 0;
    return internal::TokenText(doc_, t - 1) == ":" || internal::TokenText(doc_, t - 1) == "(";
  }

  // Words seen capitalised where capitals are not forced: names the text uses as names.
  void CollectMidSentenceCapitals();

  uint32_t Step(uint32_t s, uint32_t t);

  // "Hiram Macharia, marketing executive at LG Electronics, said" and "His
  // lawyer, Zhang Dongshuo, said": a person's name and a description set off by
  // commas next to it are one mention, so the cue finds the name as its speaker.
  void MergeAppositions(size_t first);

  // Reads the chunk starting at t; emits at most one mention; returns where to go on.
  uint32_t Chunk(uint32_t s, uint32_t t);

  bool TryHead(uint32_t s, uint32_t t, uint32_t body_begin, uint32_t h, uint32_t j, bool at_end, int count);

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
  uint32_t PhraseAt(const Lexicon& lex, std::string_view cls, uint32_t t, uint32_t end) const;

  uint32_t PostModifier(uint32_t j, uint32_t end) const;

  std::string Reason(uint32_t j, uint32_t end) const;

  const Document& doc_;
  const RuleSet& rules_;
  std::vector<uint8_t> quoted_;
  std::vector<uint8_t> cue_;
  std::unordered_set<std::string_view> midcap_;  // spans of lower_text_
  std::unordered_set<uint32_t> opening_marks_;
  std::vector<Mention> out_;
  std::string lower_text_;               // doc_.text with ASCII folded
  mutable std::vector<std::string_view> class_;  // per token: ComputeClass, once known
  mutable std::vector<uint8_t> class_known_;
};

}  // namespace qg::internal
