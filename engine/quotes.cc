// Quote stage: pairs quotation-mark tokens into nested quoted regions.
//
// Approach. One forward pass over the quote-mark tokens with a small stack of
// open quotes (at most kMaxDepth deep, so every mark costs O(1) and the pass is
// linear; deeper openers are ignored rather than tracked). Each mark is judged
// from its flanks: space/start/opening bracket before and a word after makes an
// opener; a word before and space/punctuation/end after makes a closer. Where
// the flanks do not decide (a spaced `Ukraine “, she` or `economy. ”`, or a
// straight " between two words), the stack does: a mark closes when a quote of
// its family is open, and opens otherwise. Curly "closing" marks that look like
// openers still close an open quote (`good job ”he said`).
//
// Apostrophes: ’ never opens (the ’90s, rock ’n’ roll); neither does any single
// mark before a digit or an elided word ('em, 'n'). A ’ after a plural s
// ("players’ union") closes an open single quote only when no later closing
// single mark in the paragraph could close it instead. Single quotes at top
// level must pair within their paragraph, so a stray `‘Ukraine.` opens nothing.
//
// Paragraph ends: an open double quote continues into the next paragraph when
// that paragraph begins with an opening mark of its family (the re-opening mark
// is consumed and the region is multi_paragraph); otherwise it is cut at its
// paragraph's end with closed=false, so a stray mark never swallows the article.
// A double opener that starts a sentence inside an open double quote also ends
// it (closed=false): writers drop closers far more often than they nest doubles.
// Regions are created when their opener is seen, so the output is already in
// outer.begin order; depths are computed at the end, after regions that never
// paired have been dropped. Tested by tests/quotes_test.cc.
#include "engine/quotes.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "engine/internal/text_util.h"
#include "engine/internal/utf8.h"

namespace qg {
namespace {

using internal::DecodeAt;

// Deeper nesting than this does not occur in news prose; capping it bounds the
// work per mark on adversarial input (thousands of openers).
constexpr size_t kMaxDepth = 8;

enum class Family : uint8_t { kDouble, kSingle, kAngleDouble, kAngleSingle };
enum class Dir : uint8_t { kOpen, kClose, kEither };  // the mark's typographic intent
enum class Flank : uint8_t { kOpen, kClose, kAmbiguous };

struct Mark {
  uint32_t token = 0;
  uint32_t last_token = 0;  // differs from token for '' (two apostrophes as one double mark)
  char32_t c = 0;
  Family family = Family::kDouble;
  Dir dir = Dir::kEither;
  Flank flank = Flank::kAmbiguous;
  bool later_single_close = false;  // a closing single mark follows in the paragraph
};

void Describe(char32_t c, Family* family, Dir* dir) {
  switch (c) {
    case '"': *family = Family::kDouble; *dir = Dir::kEither; return;
    case 0x201C: case 0x201E: case 0x201F: *family = Family::kDouble; *dir = Dir::kOpen; return;
    case 0x201D: *family = Family::kDouble; *dir = Dir::kClose; return;
    case '\'': *family = Family::kSingle; *dir = Dir::kEither; return;
    case 0x2018: case 0x201A: case 0x201B: *family = Family::kSingle; *dir = Dir::kOpen; return;
    case 0x2019: *family = Family::kSingle; *dir = Dir::kClose; return;
    case 0xAB: *family = Family::kAngleDouble; *dir = Dir::kOpen; return;
    case 0xBB: *family = Family::kAngleDouble; *dir = Dir::kClose; return;
    case 0x2039: *family = Family::kAngleSingle; *dir = Dir::kOpen; return;
    default: *family = Family::kAngleSingle; *dir = Dir::kClose; return;  // U+203A
  }
}

bool IsSingleFamily(Family f) { return f == Family::kSingle || f == Family::kAngleSingle; }

// What may stand before an opening mark besides space.
bool IsOpeningContext(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '/' || c == 0x2013 || c == 0x2014 ||
         internal::IsQuoteMark(c);
}

// What may follow a closing mark besides space.
bool IsClosingContext(char32_t c) {
  switch (c) {
    case ',': case '.': case ';': case ':': case '!': case '?': case ')': case ']': case '}':
    case 0x2013: case 0x2014: case 0x2026:
      return true;
    default:
      return internal::IsQuoteMark(c);
  }
}

class Pairer {
 public:
  explicit Pairer(const Document& doc) : doc_(doc), text_(doc.text) {}

  std::vector<QuotedRegion> Run() {
    CollectMarks();
    // A region a mark at most.
    regions_.reserve(marks_.size());
    keep_.reserve(marks_.size());
    const std::vector<Token>& toks = doc_.tokens;
    size_t skip = SIZE_MAX;  // the re-opening mark of a continued quote
    for (size_t i = 0; i < marks_.size(); ++i) {
      const Mark& m = marks_[i];
      const uint32_t para = toks[m.token].paragraph;
      if (i != skip) HandleMark(m);
      const bool last_in_para = i + 1 == marks_.size() ||
                                toks[marks_[i + 1].token].paragraph != para;
      if (last_in_para) skip = EndParagraph(para, i + 1);
    }
    return Finish();
  }

 private:
  struct Open {
    uint32_t slot;  // index into regions_
    Family family;
  };

  void CollectMarks() {
    const std::vector<Token>& toks = doc_.tokens;
    // Quote marks are a few percent of the tokens, so this skip is most of the
    // pass; the locals keep the compiler from reloading them after each push_back.
    const Token* const tok = toks.data();
    const size_t n = toks.size(), paragraphs = doc_.paragraphs.size();
    marks_.reserve(64);
    auto next_mark = [&](size_t t) {
      const Token* p = tok + t;
      while (p != tok + n && p->kind != TokenKind::kQuoteMark) ++p;
      return static_cast<uint32_t>(p - tok);
    };
    for (uint32_t t = next_mark(0); t < n; t = next_mark(t + 1)) {
      if (tok[t].paragraph >= paragraphs) continue;
      Mark m;
      m.token = m.last_token = t;
      m.c = DecodeAt(text_, toks[t].span.begin).c;
      Describe(m.c, &m.family, &m.dir);
      if (m.c == '\'' && t + 1 < toks.size() && toks[t + 1].kind == TokenKind::kQuoteMark &&
          toks[t + 1].span.begin == toks[t].span.end && text_[toks[t].span.end] == '\'') {
        // '' is a typewriter closing double quote (``like this'').
        m.last_token = ++t;
        m.family = Family::kDouble;
      }
      m.flank = ComputeFlank(toks[m.token].span.begin, toks[m.last_token].span.end,
                             toks[m.token].paragraph);
      marks_.push_back(m);
    }
    // Backward pass: does a closing single mark follow before the next opening
    // one? Decides whether "players’" closes a quote or is a possessive.
    bool later_close = false;
    for (size_t i = marks_.size(); i-- > 0;) {
      Mark& m = marks_[i];
      if (i + 1 < marks_.size() &&
          toks[marks_[i + 1].token].paragraph != toks[m.token].paragraph) {
        later_close = false;
      }
      m.later_single_close = later_close;
      if (!IsSingleFamily(m.family)) continue;
      if (m.flank == Flank::kClose) later_close = true;
      if (m.flank == Flank::kOpen && !IsElision(m)) later_close = false;
    }
  }

  Flank ComputeFlank(uint32_t begin, uint32_t end, uint32_t paragraph) const {
    const Span para = doc_.paragraphs[paragraph].span;
    bool left = true, right = true;  // "space-like" on that side
    if (begin > para.begin) {
      char32_t prev = internal::DecodeBefore(text_, begin).c;
      left = internal::IsSpace(prev) || IsOpeningContext(prev);
    }
    if (end < para.end) {
      char32_t next = DecodeAt(text_, end).c;
      right = internal::IsSpace(next) || IsClosingContext(next);
    }
    if (left && !right) return Flank::kOpen;
    if (!left && right) return Flank::kClose;
    return Flank::kAmbiguous;
  }

  // A single mark that cannot open a quote: ’ (an apostrophe by typography),
  // a mark before a digit ('90s) or before an elided word ('em, 'n').
  bool IsElision(const Mark& m) const {
    if (!IsSingleFamily(m.family) || m.family == Family::kAngleSingle) return false;
    if (m.c == 0x2019) return true;
    if (m.last_token != m.token) return false;
    const Token& t = doc_.tokens[m.token];
    if (t.span.end >= text_.size()) return false;
    if (internal::IsDigit(DecodeAt(text_, t.span.end).c)) return true;
    if (m.token + 1 >= doc_.tokens.size()) return false;
    const Token& next = doc_.tokens[m.token + 1];
    if (next.span.begin != t.span.end || next.kind != TokenKind::kWord) return false;
    const std::string w = internal::AsciiLower(doc_.slice(next.span));
    return w == "n" || w == "em" || w == "til" || w == "cause" || w == "tis" || w == "twas" ||
           w == "bout";
  }

  bool IsPluralPossessive(const Mark& m) const {
    if (m.c != '\'' && m.c != 0x2019) return false;
    const uint32_t b = doc_.tokens[m.token].span.begin;
    if (b == 0) return false;
    const char prev = text_[b - 1];
    return prev == 's' || prev == 'S';
  }

  // Stack index of the innermost open quote of `family`, or -1.
  int FindOpen(Family family) const {
    for (size_t i = stack_.size(); i-- > 0;) {
      if (stack_[i].family == family) return static_cast<int>(i);
    }
    return -1;
  }

  void HandleMark(const Mark& m) {
    const int open = FindOpen(m.family);
    switch (m.flank) {
      case Flank::kOpen:
        if (m.dir == Dir::kClose && open >= 0) {
          CloseAt(open, m);
        } else if (!IsElision(m)) {
          if (open >= 0 && open + 1 == static_cast<int>(stack_.size()) && AfterSentenceEnd(m)) {
            // `“… to do. “It really …”`: a double quote opening a sentence inside
            // an open one of its family means the writer dropped a closing mark;
            // nested quotes would use the other family. End the first quote there.
            CutAt(open, PrevNonSpaceEnd(doc_.tokens[m.token].span.begin));
          }
          Push(m);
        }
        return;
      case Flank::kClose:
        if (open < 0) return;  // stray closer or possessive apostrophe
        if (IsSingleFamily(m.family) && IsPluralPossessive(m) && m.later_single_close) return;
        CloseAt(open, m);
        return;
      case Flank::kAmbiguous:
        if (open >= 0) {
          CloseAt(open, m);
        } else if (m.dir != Dir::kClose && !IsElision(m)) {
          Push(m);
        }
        return;
    }
  }

  // The end of the last non-space character before `offset`.
  uint32_t PrevNonSpaceEnd(uint32_t offset) const {
    while (offset > 0) {
      internal::CodePoint prev = internal::DecodeBefore(text_, offset);
      if (!internal::IsSpace(prev.c)) break;
      offset -= prev.len;
    }
    return offset;
  }

  // Whether `m` follows ". " (or ! ?) with space between.
  bool AfterSentenceEnd(const Mark& m) const {
    if (IsSingleFamily(m.family)) return false;
    const uint32_t begin = doc_.tokens[m.token].span.begin;
    const uint32_t end = PrevNonSpaceEnd(begin);
    if (end == begin || end == 0) return false;
    const char c = text_[end - 1];
    return c == '.' || c == '!' || c == '?';
  }

  // Ends stack_[index] (and what is open inside it) at `end` without a closing mark.
  void CutAt(int index, uint32_t end) {
    for (size_t i = static_cast<size_t>(index); i < stack_.size(); ++i) {
      if (IsSingleFamily(stack_[i].family)) continue;
      QuotedRegion& r = regions_[stack_[i].slot];
      r.outer.end = r.inner.end = std::max(end, r.inner.begin);
      r.closed = false;
      r.close_token = r.open_token;
      keep_[stack_[i].slot] = true;
    }
    stack_.resize(static_cast<size_t>(index));
  }

  void Push(const Mark& m) {
    if (stack_.size() >= kMaxDepth) return;
    const uint32_t begin = doc_.tokens[m.token].span.begin;
    const uint32_t end = doc_.tokens[m.last_token].span.end;
    QuotedRegion r;
    r.outer = Span{begin, end};
    r.inner = Span{end, end};
    r.open_token = r.close_token = m.token;
    stack_.push_back(Open{static_cast<uint32_t>(regions_.size()), m.family});
    regions_.push_back(r);
    keep_.push_back(false);
  }

  void CloseAt(int index, const Mark& m) {
    // Quotes opened inside and never closed did not pair: drop them.
    stack_.resize(static_cast<size_t>(index) + 1);
    QuotedRegion& r = regions_[stack_.back().slot];
    r.outer.end = doc_.tokens[m.last_token].span.end;
    r.inner.end = doc_.tokens[m.token].span.begin;
    r.closed = true;
    r.close_token = m.token;
    keep_[stack_.back().slot] = true;
    stack_.pop_back();
  }

  // Called after the last mark of paragraph `para`; `next` indexes the first mark
  // of a later paragraph. Returns the index of a consumed re-opening mark.
  size_t EndParagraph(uint32_t para, size_t next) {
    if (!stack_.empty() && !IsSingleFamily(stack_[0].family) && next < marks_.size()) {
      const Mark& m = marks_[next];
      const Token& t = doc_.tokens[m.token];
      const bool reopens =
          t.paragraph == para + 1 && t.span.begin == doc_.paragraphs[para + 1].span.begin &&
          m.family == stack_[0].family &&
          (m.flank == Flank::kOpen || (m.flank == Flank::kAmbiguous && m.dir != Dir::kClose));
      if (reopens) {
        stack_.resize(1);
        regions_[stack_[0].slot].multi_paragraph = true;
        return next;
      }
    }
    // Single quotes must pair in their paragraph; CutAt drops them.
    if (!stack_.empty()) CutAt(0, doc_.paragraphs[para].span.end);
    return SIZE_MAX;
  }

  std::vector<QuotedRegion> Finish() {
    std::vector<QuotedRegion> out;
    out.reserve(regions_.size());
    std::vector<uint32_t> ends;  // outer.end of the enclosing regions
    for (size_t i = 0; i < regions_.size(); ++i) {
      if (!keep_[i]) continue;
      QuotedRegion r = regions_[i];
      while (!ends.empty() && ends.back() <= r.outer.begin) ends.pop_back();
      r.depth = static_cast<uint32_t>(ends.size());
      ends.push_back(r.outer.end);
      out.push_back(r);
    }
    return out;
  }

  const Document& doc_;
  std::string_view text_;
  std::vector<Mark> marks_;
  std::vector<Open> stack_;
  std::vector<QuotedRegion> regions_;
  std::vector<bool> keep_;
};

}  // namespace

std::vector<QuotedRegion> PairQuotes(const Document& doc, const RuleSet& /*rules*/) {
  return Pairer(doc).Run();
}

}  // namespace qg
