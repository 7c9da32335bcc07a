// Sentences over the tokens of segment.cc: the last step of the text stage.
//
// Approach. Sentences are split after . ! ? … unless the period ends an
// abbreviation (rules/abbreviations.tsv) or an initial, or the mark lies inside
// a top-level quoted region; a terminal right before the region's closing mark
// ends the sentence after that mark unless lower-case attribution follows
// (`“Why?” he asked.`). One forward pass per paragraph, which only stops at
// punctuation tokens. Tested by tests/segment_test.cc.
#include "engine/segment.h"

#include <algorithm>
#include <string>

#include "engine/internal/utf8.h"

namespace qg {

using internal::CodePoint;
using internal::DecodeAt;

namespace {

bool IsTerminal(std::string_view s) {
  if (s == "?" || s == "!" || s == "\u2026") return true;
  return !s.empty() && s.find_first_not_of('.') == std::string_view::npos;
}

enum : uint8_t { kOpens = 1, kCloses = 2 };

// The first token at or after `k` that is punctuation or starts another
// paragraph (n at the end). Only punctuation can end a sentence, and this tight
// loop is most of the work of SplitSentences.
size_t NextPunctInParagraph(const Token* toks, size_t k, size_t n, uint32_t para) {
  const Token* p = toks + k;
  const Token* const end = toks + n;
  while (p != end && p->paragraph == para && p->kind != TokenKind::kPunct) ++p;
  return static_cast<size_t>(p - toks);
}

// Whether a "." after token `prev` (adjacent) ends a sentence, judged by the
// word before it; `next` is the token after the period and its trailing marks.
enum class Abbrev { kNone, kNever, kMayEnd };

Abbrev ClassifyAbbrev(const Document& doc, const RuleSet& rules, const Token& prev,
                      const Token& period) {
  if (prev.span.end != period.span.begin) return Abbrev::kNone;
  if (prev.kind != TokenKind::kWord) return Abbrev::kNone;
  std::string_view w = doc.slice(prev.span);
  // The word and the period after it are adjacent: the key is their text.
  const std::vector<std::string>* fields =
      rules.abbreviations.Find(doc.slice(Span{prev.span.begin, period.span.begin + 1}));
  if (fields != nullptr) {
    return !fields->empty() && (*fields)[0] == "may_end" ? Abbrev::kMayEnd : Abbrev::kNever;
  }
  CodePoint first = DecodeAt(doc.text, prev.span.begin);
  if (first.len == prev.span.size() && internal::IsUpper(first.c)) return Abbrev::kNever;
  if (w.find('.') != std::string_view::npos) return Abbrev::kMayEnd;  // "Ph.D", "U.K"
  return Abbrev::kNone;
}

}  // namespace

std::vector<Sentence> SplitSentences(const Document& doc, const RuleSet& rules) {
  // A plain pointer: the compiler need not reload it after every push_back.
  const Token* const toks = doc.tokens.data();
  const size_t n = doc.tokens.size();
  std::vector<uint8_t> role(n, 0);
  std::vector<Span> top;  // top-level regions, sorted and disjoint
  top.reserve(doc.quoted.size());
  for (const QuotedRegion& q : doc.quoted) {
    if (q.open_token < n) role[q.open_token] |= kOpens;
    if (q.closed && q.close_token < n) role[q.close_token] |= kCloses;
    if (q.depth == 0) top.push_back(q.outer);
  }
  auto text_of = [&](size_t k) { return doc.slice(toks[k].span); };
  auto terminal = [&](size_t k) {
    if (toks[k].kind != TokenKind::kPunct) return false;
    // Every terminal starts with . ? ! or the lead byte of … (E2): most
    // punctuation (commas) is ruled out by one byte.
    const char c = doc.text[toks[k].span.begin];
    if (c != '.' && c != '?' && c != '!' && c != '\xE2') return false;
    return IsTerminal(text_of(k));
  };

  std::vector<Sentence> out;
  out.reserve(n / 16 + 4);
  auto emit = [&](size_t b, size_t e) {  // tokens [b, e)
    Sentence s;
    s.span = Span{toks[b].span.begin, toks[e - 1].span.end};
    s.paragraph = toks[b].paragraph;
    s.token_begin = uint32_t(b);
    s.token_end = uint32_t(e);
    out.push_back(s);
  };

  size_t r = 0;
  size_t t = 0;
  while (t < n) {
    // One pass finds both the terminals and the paragraph's end: tokens of a
    // paragraph are contiguous, so scanning on while in_para(k) stops exactly there.
    const uint32_t para = toks[t].paragraph;
    auto in_para = [&](size_t m) { return m < n && toks[m].paragraph == para; };
    size_t start = t;
    size_t k = t;
    for (;; ++k) {
      k = NextPunctInParagraph(toks, k, n, para);
      if (!in_para(k)) break;
      if (!terminal(k)) continue;
      const uint32_t pos = toks[k].span.begin;
      while (r < top.size() && top[r].end <= pos) ++r;
      const bool inside = r < top.size() && top[r].begin < pos;
      const std::string_view mark = text_of(k);
      size_t last = k;
      Abbrev abbrev = Abbrev::kNone;
      if (inside) {
        // Inside a quote only the terminal just before the closing mark counts.
        size_t m = k + 1;
        while (in_para(m) && terminal(m)) ++m;
        if (!in_para(m) || !(role[m] & kCloses) || toks[m].span.end != top[r].end) continue;
        last = m;
      } else if (mark == "." && k > t) {
        abbrev = ClassifyAbbrev(doc, rules, toks[k - 1], toks[k]);
        if (abbrev == Abbrev::kNever) continue;
      }
      // Trailing terminals, closing marks and brackets belong to this sentence.
      while (in_para(last + 1)) {
        const size_t m = last + 1;
        std::string_view s = text_of(m);
        // A mark glued to the terminal closes with it even when pairing found
        // no region for it ("the economy.” Next" with a stray opener).
        bool glued_mark = toks[m].kind == TokenKind::kQuoteMark && !(role[m] & kOpens) &&
                          toks[m].span.begin == toks[last].span.end;
        if (terminal(m) || (role[m] & kCloses) || glued_mark || s == ")" || s == "]") {
          last = m;
        } else {
          break;
        }
      }
      if (in_para(last + 1)) {
        const Token& next = toks[last + 1];
        // No space after the period: a host name or address ("postmedia.com").
        if (last == k && next.span.begin == toks[k].span.end &&
            (next.kind == TokenKind::kWord || next.kind == TokenKind::kNumber)) {
          continue;
        }
        CodePoint c = DecodeAt(doc.text, next.span.begin);
        bool lower = next.kind == TokenKind::kWord && internal::IsLower(c.c);
        bool upper = next.kind == TokenKind::kWord && internal::IsUpper(c.c);
        if (abbrev == Abbrev::kMayEnd) {
          // "U.S. The" ends; "a.m. ET", "U.S. citizens" do not.
          bool starter = upper && rules.function_words.Contains(doc.slice(next.span));
          if (!starter && !(role[last + 1] & kOpens)) continue;
        } else if (lower) {
          // A period before a lower-case word ends no sentence: it is an
          // abbreviation we do not list, or a scraping slip inside one
          // ("have connections. closer economic relations"); after ? ! … or a
          // quote it is attribution ("Why?” he asked).
          continue;
        } else if (next.kind == TokenKind::kPunct && text_of(last + 1) != "(") {
          continue;  // “Why?”, he asked
        }
      }
      emit(start, last + 1);
      start = last + 1;
      k = last;
    }
    const size_t u = k;  // the first token of the next paragraph
    if (start < u) emit(start, u);
    t = u;
  }
  return out;
}

void AssignSentences(Document& doc) {
  Token* toks = doc.tokens.data();
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    const uint32_t end = std::min(s.token_end, n);
    for (uint32_t t = s.token_begin; t < end; ++t) toks[t].sentence = i;
  }
}

}  // namespace qg
