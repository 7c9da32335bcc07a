// Text stage: paragraphs, tokens and sentences over the untouched article.
//
// Approach. Paragraphs are found line by line: a line that is blank (white
// space only, BOM and NUL included) or holds nothing but one "." (the
// "\n .\n " separator of scraped copies) ends the paragraph; CR, CRLF and LF
// all end lines. Tokens are scanned per paragraph with a small hand-written
// scanner: a word runs over letters and digits and keeps inner joiners only when
// both sides are alphanumeric (don’t, co-ordinate, 175,000, 10:07, U.S), so a
// mark at a word's edge ("players’", "’90s") stays a separate quote-mark token
// for quotes.cc to judge. Sentences are split after . ! ? … unless the period
// ends an abbreviation (rules/abbreviations.tsv) or an initial, or the mark lies
// inside a top-level quoted region; a terminal right before the region's
// closing mark ends the sentence after that mark unless lower-case attribution
// follows (`“Why?” he asked.`). Everything is one forward pass per paragraph.
// Tested by tests/segment_test.cc.
#include "engine/segment.h"

#include <algorithm>
#include <string>

#include "engine/internal/text_util.h"
#include "engine/internal/utf8.h"

namespace qg {

using internal::CodePoint;
using internal::DecodeAt;

namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

// Nearly every byte of a news text is ASCII and these scans visit each one:
// decode and classify ASCII inline, and leave the rest to utf8.cc.
inline CodePoint Decode(std::string_view text, size_t i) {
  if (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) {
    return {static_cast<unsigned char>(text[i]), 1};
  }
  return DecodeAt(text, i);
}
inline bool Space(char32_t c) { return c < 0x80 ? (c <= 0x20 || c == 0x7F) : internal::IsSpace(c); }
inline bool Alnum(char32_t c) {
  if (c >= 0x80) return internal::IsAlnum(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Punctuation per TokenKind::kPunct; everything else that is not a letter, digit,
// space or quote mark is a symbol.
bool IsPunct(char32_t c) {
  switch (c) {
    case '!': case '(': case ')': case ',': case '-': case '.': case '/': case ':':
    case ';': case '?': case '[': case ']': case '{': case '}': case 0xA1: case 0xA7:
    case 0xB6: case 0xB7: case 0xBF:
      return true;
    default:
      return c >= 0x2010 && c <= 0x205E && !internal::IsQuoteMark(c);
  }
}

// Scans a word or number starting at `i` (an alphanumeric character) and returns
// its end. *number is true iff it holds only digits and numeric separators.
size_t ScanWord(std::string_view text, size_t i, size_t end, bool* number) {
  CodePoint first = Decode(text, i);
  *number = internal::IsDigit(first.c);
  size_t j = i + first.len;
  size_t segment = 1;  // characters since the word start or the last inner period
  while (j < end) {
    CodePoint cp = Decode(text, j);
    if (Alnum(cp.c)) {
      if (!internal::IsDigit(cp.c)) *number = false;
      j += cp.len;
      ++segment;
      continue;
    }
    if (j + cp.len >= end) break;
    CodePoint next = Decode(text, j + cp.len);
    CodePoint prev = internal::DecodeBefore(text, j);
    bool join = false;
    if (internal::IsApostrophe(cp.c)) {
      join = internal::IsAlnum(prev.c) && internal::IsLetter(next.c);
    } else if (internal::IsWordHyphen(cp.c)) {
      join = internal::IsAlnum(next.c);
      if (join && !internal::IsDigit(next.c)) *number = false;
    } else if (cp.c == '.') {
      // "3.5", and short dotted segments: "U.S", "a.m", "e.g", "cbc.ca". A longer
      // segment is more likely a missing space ("home.The") than an acronym.
      if (*number) {
        join = internal::IsDigit(prev.c) && internal::IsDigit(next.c);
      } else {
        join = internal::IsLetter(next.c) && segment <= 3;
        if (join) segment = 0;
      }
    } else if (cp.c == ',' || cp.c == ':' || cp.c == '/') {
      join = *number && internal::IsDigit(prev.c) && internal::IsDigit(next.c);
    }
    if (!join) break;
    j += cp.len;
  }
  return j;
}

bool IsTerminal(std::string_view s) {
  if (s == "?" || s == "!" || s == "\u2026") return true;
  return !s.empty() && s.find_first_not_of('.') == std::string_view::npos;
}

}  // namespace

std::vector<Paragraph> FindParagraphs(std::string_view text) {
  std::vector<Paragraph> out;
  bool open = false;
  size_t pbegin = 0, pend = 0;
  auto close = [&] {
    if (open) out.push_back(Paragraph{Span{uint32_t(pbegin), uint32_t(pend)}});
    open = false;
  };
  size_t i = 0;
  while (i < text.size()) {
    size_t first = kNone, last_end = 0;
    int dots = 0, other = 0;
    bool hard_break = false;  // U+2029 PARAGRAPH SEPARATOR
    size_t j = i;
    while (j < text.size()) {
      if (text[j] == '\n') { ++j; break; }
      if (text[j] == '\r') {
        ++j;
        if (j < text.size() && text[j] == '\n') ++j;
        break;
      }
      CodePoint cp = Decode(text, j);
      if (cp.c == 0x2029) { j += cp.len; hard_break = true; break; }
      if (!Space(cp.c)) {
        if (first == kNone) first = j;
        last_end = j + cp.len;
        (cp.c == '.' ? dots : other)++;
      }
      j += cp.len;
    }
    if (other == 0 && dots <= 1) {
      close();
    } else {
      if (!open) pbegin = first;
      open = true;
      pend = last_end;
      if (hard_break) close();
    }
    i = j;
  }
  close();
  return out;
}

std::vector<Token> Tokenize(const Document& doc) {
  std::vector<Token> out;
  std::string_view text = doc.text;
  for (uint32_t p = 0; p < doc.paragraphs.size(); ++p) {
    size_t i = doc.paragraphs[p].span.begin;
    const size_t end = std::min<size_t>(doc.paragraphs[p].span.end, text.size());
    while (i < end) {
      CodePoint cp = Decode(text, i);
      if (Space(cp.c)) { i += cp.len; continue; }
      Token t;
      t.paragraph = p;
      size_t j = i + cp.len;
      if (Alnum(cp.c)) {
        bool number = false;
        j = ScanWord(text, i, end, &number);
        t.kind = number ? TokenKind::kNumber : TokenKind::kWord;
      } else if (internal::IsQuoteMark(cp.c)) {
        t.kind = TokenKind::kQuoteMark;
      } else if (cp.c == '.') {
        while (j < end && text[j] == '.') ++j;  // an ellipsis stays one token
        t.kind = TokenKind::kPunct;
      } else {
        t.kind = IsPunct(cp.c) ? TokenKind::kPunct : TokenKind::kSymbol;
      }
      t.span = Span{uint32_t(i), uint32_t(j)};
      out.push_back(t);
      i = j;
    }
  }
  return out;
}

namespace {

enum : uint8_t { kOpens = 1, kCloses = 2 };

// Whether a "." after token `prev` (adjacent) ends a sentence, judged by the
// word before it; `next` is the token after the period and its trailing marks.
enum class Abbrev { kNone, kNever, kMayEnd };

Abbrev ClassifyAbbrev(const Document& doc, const RuleSet& rules, const Token& prev,
                      const Token& period) {
  if (prev.span.end != period.span.begin) return Abbrev::kNone;
  if (prev.kind != TokenKind::kWord) return Abbrev::kNone;
  std::string_view w = doc.slice(prev.span);
  const std::vector<std::string>* fields = rules.abbreviations.Find(std::string(w) + ".");
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
  const std::vector<Token>& toks = doc.tokens;
  const size_t n = toks.size();
  std::vector<uint8_t> role(n, 0);
  std::vector<Span> top;  // top-level regions, sorted and disjoint
  for (const QuotedRegion& q : doc.quoted) {
    if (q.open_token < n) role[q.open_token] |= kOpens;
    if (q.closed && q.close_token < n) role[q.close_token] |= kCloses;
    if (q.depth == 0) top.push_back(q.outer);
  }
  auto text_of = [&](size_t k) { return doc.slice(toks[k].span); };
  auto terminal = [&](size_t k) {
    return toks[k].kind == TokenKind::kPunct && IsTerminal(text_of(k));
  };

  std::vector<Sentence> out;
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
    size_t u = t;
    while (u < n && toks[u].paragraph == toks[t].paragraph) ++u;
    size_t start = t;
    for (size_t k = t; k < u; ++k) {
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
        while (m < u && terminal(m)) ++m;
        if (m >= u || !(role[m] & kCloses) || toks[m].span.end != top[r].end) continue;
        last = m;
      } else if (mark == "." && k > t) {
        abbrev = ClassifyAbbrev(doc, rules, toks[k - 1], toks[k]);
        if (abbrev == Abbrev::kNever) continue;
      }
      // Trailing terminals, closing marks and brackets belong to this sentence.
      while (last + 1 < u) {
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
      if (last + 1 < u) {
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
    if (start < u) emit(start, u);
    t = u;
  }
  return out;
}

void AssignSentences(Document& doc) {
  for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    for (uint32_t t = s.token_begin; t < s.token_end && t < doc.tokens.size(); ++t) {
      doc.tokens[t].sentence = i;
    }
  }
}

}  // namespace qg
