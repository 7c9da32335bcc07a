// Turns a sentence into its tag string (see rules/patterns.tsv for the alphabet).
//
// Why tags: attribution patterns are about the order of a few kinds of units
// (a quote, a speaker, a cue, a "that", a comma), not about words. Reducing a
// sentence to one letter a unit lets the patterns be RE2 expressions kept as
// data, matched in linear time, with named groups mapping back to units.
// Tested by tests/attribute_test.cc.
#include "engine/internal/tags.h"

#include <algorithm>

#include "engine/internal/lexical.h"
#include "engine/internal/patterns.h"
#include "engine/internal/text_util.h"
#include "engine/internal/words.h"

namespace qg::internal {

TagContext MakeTagContext(const Document& doc) {
  TagContext ctx;
  const size_t n = doc.tokens.size();
  ctx.mention_at.assign(n, TagContext::kNone);
  ctx.cue_at.assign(n, TagContext::kNone);
  ctx.region_at.assign(n, TagContext::kNone);
  for (size_t m = 0; m < doc.mentions.size(); ++m) {
    if (doc.mentions[m].token_begin < n) ctx.mention_at[doc.mentions[m].token_begin] = static_cast<int>(m);
  }
  for (size_t c = 0; c < doc.cues.size(); ++c) {
    if (doc.cues[c].token < n) ctx.cue_at[doc.cues[c].token] = static_cast<int>(c);
  }
  // Regions and tokens are both in text order: each top-level region marks the
  // tokens that start inside it, found from the previous region's first token;
  // a token two regions hold keeps the earlier.
  auto token = doc.tokens.begin();
  for (size_t r = 0; r < doc.quoted.size(); ++r) {
    const QuotedRegion& q = doc.quoted[r];
    if (q.depth != 0) continue;
    auto first = std::lower_bound(token, doc.tokens.end(), q.outer.begin,
                                  [](const Token& t, uint32_t off) { return t.span.begin < off; });
    for (auto it = first; it != doc.tokens.end() && it->span.begin < q.outer.end; ++it) {
      int& at = ctx.region_at[it - doc.tokens.begin()];
      if (at < 0) at = static_cast<int>(r);
    }
    token = first;
  }
  return ctx;
}

namespace {

// Nearly all punctuation is one byte: told apart by a switch, not by a chain
// of string comparisons.
char PunctTag(std::string_view p) {
  if (p.size() == 1) {
    switch (p[0]) {
      case ',': return ',';
      case ':': return ':';
      case '.': case '!': case '?': return '.';
      case ';': return ';';
      case '-': return '-';
      case '(': case '[': return '(';
      case ')': case ']': return ')';
      default: return 'o';
    }
  }
  if (p == "…") return '.';
  if (p == "–" || p == "—" || p == "--") return '-';
  return 'o';
}

// The tag of a function-word class; 'w' for any other word.
char ClassTag(std::string_view cls) {
  switch (cls.size()) {
    case 2:
      return cls == "wh" ? 'W' : 'w';
    case 3:
      return cls == "neg" ? 'N' : cls == "aux" ? 'x' : cls == "adv" ? 'y' : cls == "sub" ? 'J' : 'w';
    case 4:
      return cls == "time" ? 'd' : cls == "prep" ? 'p' : cls == "conj" ? 'j' : 'w';
    default:
      return 'w';
  }
}

char WordTag(const RuleSet& rules, std::string_view w, WordId id) {
  if (FoldedIs(w, "that")) return 'T';
  if (FoldedIs(w, "and")) return '&';
  if (FoldedIs(w, "if") || FoldedIs(w, "unless") || FoldedIs(w, "whether")) return 'i';
  const char tag = ClassTag(rules.function_words.Field(id, 0));
  if (tag == 'N' || tag == 'x' || tag == 'y') return tag;
  if (FoldedIs(w, "to")) return 't';
  return tag;
}

bool MayOpenChannel(std::string_view w) {
  return FoldedIs(w, "in") || FoldedIs(w, "on") || FoldedIs(w, "at") || FoldedIs(w, "via") ||
         FoldedIs(w, "during");
}

// Length in tokens of a channel phrase at t ("in a statement", "on Twitter"),
// or 0; the word at t is one that MayOpenChannel.
uint32_t ChannelAt(const Document& doc, const RuleSet& rules, const std::vector<TokenWord>& words,
                   uint32_t t, uint32_t end) {
  uint32_t k = t + 1;
  if (k < end && rules.function_words.Field(words[k].word, 0) == "det") ++k;
  if (k >= end || doc.tokens[k].kind != TokenKind::kWord) return 0;
  // Most channels are one word; a longer key is built only after its first word.
  if (!rules.channels.StartsPhrase(words[k].word)) {
    return rules.channels.Contains(words[k].word) ? k + 1 - t : 0;
  }
  std::string phrase;
  uint32_t best = 0;
  for (uint32_t j = k; j < end && j < k + 3; ++j) {
    if (doc.tokens[j].kind != TokenKind::kWord) break;
    if (!phrase.empty()) phrase += ' ';
    phrase += AsciiLower(TokenText(doc, j));
    if (rules.channels.Contains(phrase)) best = j + 1;
  }
  return best > 0 ? best - t : 0;
}

bool LaterWord(const Document& doc, uint32_t t, uint32_t end) {
  for (; t < end; ++t) {
    TokenKind k = doc.tokens[t].kind;
    if (k == TokenKind::kWord || k == TokenKind::kNumber) return true;
  }
  return false;
}

// WordTag and MayOpenChannel of one word, in a WordTagTable entry.
uint8_t FullWordTag(const RuleSet& rules, std::string_view w, WordId id) {
  return static_cast<uint8_t>(WordTag(rules, w, id)) | (MayOpenChannel(w) ? kMayOpenChannel : 0);
}

}  // namespace

std::vector<uint8_t> WordTagTable(const RuleSet& rules) {
  const Vocabulary& vocab = rules.vocabulary;
  std::vector<uint8_t> table(vocab.size() + 1);
  table[0] = 'w';
  for (uint32_t i = 1; i <= vocab.size(); ++i) {
    table[i] = FullWordTag(rules, vocab.word(WordId{i}), WordId{i});
  }
  return table;
}

TaggedSentence TagSentence(const Document& doc, const RuleSet& rules, const TagContext& ctx,
                           uint32_t sentence, TagBuffer& buffer) {
  TaggedSentence out;
  const Sentence& s = doc.sentences[sentence];
  Unit* const units = buffer.units(s.token_begin);
  char* const tags = buffer.tags(s.token_begin);
  size_t count = 0;
  const std::vector<TokenWord>* words = &doc.words;
  if (doc.words_serial != rules.vocabulary.serial() || doc.words.size() != doc.tokens.size()) {
    if (ctx.words.size() != doc.tokens.size()) ctx.words = NumberWords(doc, rules);
    words = &ctx.words;
  }
  // The table of the vocabulary the words were numbered with, when there is one.
  const std::vector<uint8_t>* word_tags =
      rules.patterns != nullptr && rules.patterns->word_tags.size() == rules.vocabulary.size() + 1
          ? &rules.patterns->word_tags
          : nullptr;
  uint32_t t = s.token_begin;
  while (t < s.token_end) {
    Unit u{'w', t, t, -1};
    if (ctx.region_at[t] >= 0) {
      const int r = ctx.region_at[t];
      uint32_t e = t + 1;
      while (e < s.token_end && ctx.region_at[e] == r) ++e;
      u.tag = 'Q';
      u.ref = r;
      u.token_end = e;
    } else if (ctx.mention_at[t] >= 0) {
      const Mention& m = doc.mentions[ctx.mention_at[t]];
      u.tag = m.kind == MentionKind::kPronoun ? 'P' : 'S';
      u.ref = ctx.mention_at[t];
      u.token_end = std::max(t + 1, std::min(m.token_end, s.token_end));
    } else if (ctx.cue_at[t] >= 0) {
      const Cue& c = doc.cues[ctx.cue_at[t]];
      if (c.kind == CueKind::kAccordingTo) u.tag = 'A';
      else if (c.strength == Cue::kBelief) u.tag = 'b';
      else if (c.strength == Cue::kMedium) u.tag = c.participle ? 'g' : 'v';
      else if (c.participle) u.tag = 'G';
      else u.tag = c.takes_addressee ? 'K' : 'V';
      u.ref = ctx.cue_at[t];
      u.token_end = std::max(t + 1, std::min(c.token_end, s.token_end));
    } else {
      const Token& tok = doc.tokens[t];
      u.token_end = t + 1;
      switch (tok.kind) {
        case TokenKind::kPunct:
          u.tag = PunctTag(TokenText(doc, t));
          // A period the splitter kept inside the sentence belongs to an
          // abbreviation ("a.m.", "U.S."): it ends nothing.
          if (u.tag == '.' && LaterWord(doc, t + 1, s.token_end)) u.tag = 'o';
          break;
        case TokenKind::kNumber: u.tag = 'n'; break;
        case TokenKind::kSymbol: u.tag = 'o'; break;
        case TokenKind::kQuoteMark: t = u.token_end; continue;  // stray mark or apostrophe
        case TokenKind::kWord: {
          const std::string_view text = TokenText(doc, t);
          const WordId id = (*words)[t].word;
          const uint8_t tag = word_tags != nullptr ? (*word_tags)[id.value] : FullWordTag(rules, text, id);
          const uint32_t ch = (tag & kMayOpenChannel) != 0 ? ChannelAt(doc, rules, *words, t, s.token_end) : 0;
          if (ch > 0) {
            u.tag = 'h';
            u.token_end = t + ch;
          } else {
            u.tag = static_cast<char>(tag & ~kMayOpenChannel);
            // "was quoted as saying": the reporter's frame around the cue.
            if (FoldedIs(text, "quoted") && t + 1 < s.token_end &&
                FoldedIs(TokenText(doc, t + 1), "as")) {
              u.tag = 'x';
              u.token_end = t + 2;
            }
          }
          break;
        }
      }
    }
    tags[count] = u.tag;
    out.letters.Add(u.tag);
    units[count] = u;
    ++count;
    t = u.token_end;
  }
  out.units = std::span<const Unit>(units, count);
  out.tags = std::string_view(tags, count);
  return out;
}

}  // namespace qg::internal
