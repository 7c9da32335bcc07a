// Text stage: paragraphs and tokens over the untouched article (sentences:
// sentences.cc; UTF-8: utf8.cc).
//
// Approach. Paragraphs are found line by line: a line that is blank (white
// space only, BOM and NUL included) or holds nothing but one "." (the
// "\n .\n " separator of scraped copies) ends the paragraph; CR, CRLF and LF
// all end lines, found with memchr. Tokens are scanned per paragraph with a
// small hand-written scanner: a word runs over letters and digits and keeps
// inner joiners only when both sides are alphanumeric (don’t, co-ordinate,
// 175,000, 10:07, U.S), so a mark at a word's edge ("players’", "’90s") stays a
// separate quote-mark token for quotes.cc to judge. Nearly all news text is
// ASCII, so the scanner classifies a byte with one table lookup and decodes
// only bytes from 0x80 up. Everything is one forward pass per paragraph.
// Tested by tests/segment_test.cc.
#include "engine/segment.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "engine/internal/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace qg {

using internal::CodePoint;
using internal::DecodeAt;

namespace {

// ASCII byte classes, so the scans below classify a byte with one load; bytes
// from 0x80 up are kMulti and go through the decoder.
enum : uint8_t {
  kSpaceByte = 1,   // <= 0x20 and DEL, as internal::IsSpace
  kLetterByte = 2,
  kDigitByte = 4,
  kQuoteByte = 8,   // " '
  kPunctByte = 16,  // ASCII punctuation per TokenKind::kPunct
  kJoinerByte = 32, // may join two halves of a word: ' - . , : /
  kMulti = 64,
};

struct ByteClasses {
  uint8_t of[256] = {};
  constexpr ByteClasses() {
    for (int b = 0; b < 256; ++b) {
      if (b >= 0x80) of[b] = kMulti;
      else if (b <= 0x20 || b == 0x7F) of[b] = kSpaceByte;
      else if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) of[b] = kLetterByte;
      else if (b >= '0' && b <= '9') of[b] = kDigitByte;
    }
    of[int('"')] = of[int('\'')] = kQuoteByte;
    for (char c : {'!', '(', ')', ',', '-', '.', '/', ':', ';', '?', '[', ']', '{', '}'}) {
      of[int(c)] = kPunctByte;
    }
    for (char c : {'\'', '-', '.', ',', ':', '/'}) of[int(c)] |= kJoinerByte;
  }
};
constexpr ByteClasses kBytes;
constexpr uint8_t kAlnumByte = kLetterByte | kDigitByte;

// Through data() rather than operator[]: Tokenize may read the NUL that
// std::string keeps at text[size()].
inline uint8_t ClassOf(std::string_view text, size_t i) {
  return kBytes.of[static_cast<unsigned char>(text.data()[i])];
}

inline bool Space(char32_t c) { return internal::IsSpace(c); }
inline bool Alnum(char32_t c) { return internal::IsAlnum(c); }

// Punctuation per TokenKind::kPunct beyond ASCII; everything else that is not
// a letter, digit, space or quote mark is a symbol.
bool IsPunctBeyondAscii(char32_t c) {
  switch (c) {
    case 0xA1: case 0xA7: case 0xB6: case 0xB7: case 0xBF:
      return true;
    default:
      return c >= 0x2010 && c <= 0x205E && !internal::IsQuoteMark(c);
  }
}

#if defined(__SSE2__)
// One bit a byte of the sixteen at `p`: set for ASCII digits.
inline uint32_t AsciiDigitBits(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                      _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
  return static_cast<uint32_t>(_mm_movemask_epi8(digit));
}

// One bit a byte of the sixteen at `p`: set for spaces (' ').
inline uint32_t SpaceBits(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  return static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
}

// One bit a byte of the sixteen at `p`: set for ASCII letters and digits.
// Bytes from 0x80 up are negative to the signed compares, so never set.
inline uint32_t AsciiAlnumBits(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
  const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                       _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
  const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                      _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
  return static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
}
#endif

// Skips the run of ASCII letters and digits at `j`; clears *number if it holds
// a letter. Unbounded, it relies on the byte at `end` being no letter or digit.
template <bool kBounded = true>
inline size_t SkipAsciiAlnum(std::string_view text, size_t j, size_t end, bool* number) {
  auto before_end = [&](size_t k) { return !kBounded || k < end; };
  if (*number) {
    while (before_end(j) && (ClassOf(text, j) & kDigitByte)) ++j;
    if (before_end(j) && (ClassOf(text, j) & kLetterByte)) *number = false;
  }
#if defined(__SSE2__)
  // Sixteen bytes a step where sixteen are there to read: a word's end is the
  // first clear bit, found without a branch a byte (word lengths vary, and a
  // loop exit on each would be mispredicted once a word).
  if constexpr (!kBounded) {
    while (j + 16 <= text.size()) {
      const uint32_t stop = ~AsciiAlnumBits(text.data() + j) & 0xFFFF;
      if (stop != 0) return j + static_cast<size_t>(__builtin_ctz(stop));
      j += 16;
    }
  }
#endif
  while (before_end(j) && (ClassOf(text, j) & kAlnumByte)) ++j;
  return j;
}

// False when the ASCII joiner at `j` cannot join: every joiner needs a letter
// or digit after it, and most ("said," "U.S. officials") have a space.
// Multi-byte characters are left to the decoder.
inline bool JoinerMayJoin(std::string_view text, size_t j, size_t end) {
  if (ClassOf(text, j) & kMulti) return true;
  return j + 1 < end && (ClassOf(text, j + 1) & (kAlnumByte | kMulti));
}

// Continues a word or number at `j`, `segment` characters after its start, and
// returns its end. *number is true iff it holds only digits and numeric separators.
size_t ContinueWord(std::string_view text, size_t j, size_t end, size_t segment, bool* number) {
  // `segment`: characters since the word start or the last inner period.
  while (j < end) {
    const uint8_t cls = ClassOf(text, j);
    if (cls & kAlnumByte) {
      const size_t k = SkipAsciiAlnum(text, j, end, number);
      segment += k - j;
      j = k;
      continue;
    }
    if (!(cls & (kJoinerByte | kMulti))) break;  // space or punctuation that joins nothing
    if (!JoinerMayJoin(text, j, end)) break;
    CodePoint cp = DecodeAt(text, j);
    if (Alnum(cp.c)) {
      if (!internal::IsDigit(cp.c)) *number = false;
      j += cp.len;
      ++segment;
      continue;
    }
    if (cp.c >= 0x80 && !internal::IsApostrophe(cp.c) && !internal::IsWordHyphen(cp.c)) break;
    if (j + cp.len >= end) break;
    CodePoint next = DecodeAt(text, j + cp.len);
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

// Scans a word or number starting at `i` (an alphanumeric character) and returns its end.
size_t ScanWord(std::string_view text, size_t i, size_t end, bool* number) {
  CodePoint first = DecodeAt(text, i);
  *number = internal::IsDigit(first.c);
  return ContinueWord(text, i + first.len, end, 1, number);
}

// Finds where lines end: at LF, CR (CRLF counts once) or U+2029 PARAGRAPH
// SEPARATOR. Each kind's next position is searched with memchr/find and kept
// until the scan passes it, so the text is searched about once per kind
// however many lines it has (most texts hold no CR and no U+2029 at all).
class LineBreaks {
 public:
  explicit LineBreaks(std::string_view text)
      : text_(text), lf_(Find(0, '\n')), cr_(Find(0, '\r')), ps_(FindParagraphSeparator(0)) {}

  // Where the line starting at `i` ends; *next is where the next line starts and
  // *hard_break is true for U+2029.
  size_t End(size_t i, size_t* next, bool* hard_break) {
    const size_t lf = Next(i, '\n', &lf_);
    const size_t cr = Next(i, '\r', &cr_);
    if (ps_ < i) ps_ = FindParagraphSeparator(i);
    const size_t e = std::min({lf, cr, ps_, text_.size()});
    *hard_break = e == ps_;
    if (*hard_break) {
      *next = e + 3;
    } else if (e == cr && e + 1 < text_.size() && text_[e + 1] == '\n') {
      *next = e + 2;
    } else {
      *next = e < text_.size() ? e + 1 : e;
    }
    return e;
  }

 private:
  size_t Find(size_t i, char c) const {
    if (i >= text_.size()) return std::string_view::npos;
    const void* p = std::memchr(text_.data() + i, c, text_.size() - i);
    return p ? static_cast<size_t>(static_cast<const char*>(p) - text_.data())
             : std::string_view::npos;
  }
  // U+2029 is E2 80 A9. Its last byte is much rarer in news text than its
  // first (every curly quote starts with E2), so search for that.
  size_t FindParagraphSeparator(size_t i) const {
    for (size_t k = i + 2;; ++k) {
      k = Find(k, '\xA9');
      if (k == std::string_view::npos) return k;
      if (text_[k - 2] == '\xE2' && text_[k - 1] == '\x80') return k - 2;
    }
  }
  size_t Next(size_t i, char c, size_t* cached) const {
    if (*cached < i) *cached = Find(i, c);
    return *cached;
  }

  std::string_view text_;
  size_t lf_, cr_, ps_;  // the next of each at or after the scan; npos when none is left
};

}  // namespace

std::vector<Paragraph> FindParagraphs(std::string_view text) {
  std::vector<Paragraph> out;
  // News paragraphs run to hundreds of bytes: room for one in 128 spares
  // most articles any growth, at eight bytes a paragraph.
  out.reserve(text.size() / 128 + 4);
  bool open = false;
  size_t pbegin = 0, pend = 0;
  auto close = [&] {
    if (open) out.push_back(Paragraph{Span{uint32_t(pbegin), uint32_t(pend)}});
    open = false;
  };
  LineBreaks breaks(text);
  size_t i = 0;
  while (i < text.size()) {
    size_t next = 0;
    bool hard_break = false;
    const size_t e = breaks.End(i, &next, &hard_break);
    // The line's non-space stretch [first, last_end); both scans stop at once on prose.
    size_t first = i;
    while (first < e) {
      CodePoint cp = DecodeAt(text, first);
      if (!Space(cp.c)) break;
      first += cp.len;
    }
    size_t last_end = e;
    while (last_end > first) {
      CodePoint cp = internal::DecodeBefore(text, last_end);
      if (!Space(cp.c)) break;
      last_end -= cp.len;
    }
    // A blank line, or one holding a single "." only, separates paragraphs.
    const bool separator = first >= e || (text[first] == '.' && last_end == first + 1);
    if (separator) {
      close();
    } else {
      if (!open) pbegin = first;
      open = true;
      pend = last_end;
      if (hard_break) close();
    }
    i = next;
  }
  close();
  return out;
}

std::vector<Token> Tokenize(const Document& doc) {
  std::vector<Token> out;
  std::string_view text = doc.text;
  // News prose averages a token per 5-6 bytes: reserving for one per 4 avoids
  // regrowing (and copying) the vector for nearly every article.
  out.reserve(text.size() / 4 + 16);
  for (uint32_t p = 0; p < doc.paragraphs.size(); ++p) {
    size_t i = doc.paragraphs[p].span.begin;
    const size_t end = std::min<size_t>(doc.paragraphs[p].span.end, text.size());
    // FindParagraphs ends a paragraph before white space or at the end of the
    // text, where std::string keeps a NUL: then a run of letters stops at `end`
    // by itself and the word loop needs no bounds check. (Hand-made spans may
    // end mid-word; they keep the check.)
    const bool ends_at_break = !(ClassOf(text, end) & kAlnumByte);
    while (i < end) {
#if defined(__SSE2__)
      // Most tokens are a word of ASCII letters or digits shorter than
      // sixteen bytes and followed by one space: read from the bits of one
      // load, with no byte-by-byte class lookups. The scan below waits on
      // three loads a token, each placed by the one before. (Also taking
      // words ended by punctuation that joins nothing, "said," was slower.)
      if (ends_at_break && i + 16 <= text.size()) {
        const uint32_t alnum = AsciiAlnumBits(text.data() + i);
        const uint32_t k = static_cast<uint32_t>(__builtin_ctz(~alnum | 0x10000));
        if ((alnum & 1) && k < 16 && (SpaceBits(text.data() + i) >> k & 1)) {
          const uint32_t run = (1u << k) - 1;
          Token t;
          t.span = Span{uint32_t(i), uint32_t(i + k)};
          t.kind = (AsciiDigitBits(text.data() + i) & run) == run ? TokenKind::kNumber : TokenKind::kWord;
          t.paragraph = p;
          out.push_back(t);
          i += k + 1;
          continue;
        }
      }
#endif
      const uint8_t cls = ClassOf(text, i);
      if (cls & kSpaceByte) { ++i; continue; }
      TokenKind kind;
      size_t j = i + 1;
      if (cls & kAlnumByte) {
        // Most words are ASCII letters ended by a space: finish those here and
        // leave joiners and other scripts to ContinueWord.
        bool number = (cls & kDigitByte) != 0;
        j = ends_at_break ? SkipAsciiAlnum<false>(text, i + 1, end, &number)
                          : SkipAsciiAlnum<true>(text, i + 1, end, &number);
        if (j < end && (ClassOf(text, j) & (kJoinerByte | kMulti)) && JoinerMayJoin(text, j, end)) {
          j = ContinueWord(text, j, end, j - i, &number);
        }
        kind = number ? TokenKind::kNumber : TokenKind::kWord;
      } else if (cls & kQuoteByte) {
        kind = TokenKind::kQuoteMark;
      } else if (text[i] == '.') {
        while (j < end && text[j] == '.') ++j;  // an ellipsis stays one token
        kind = TokenKind::kPunct;
      } else if (!(cls & kMulti)) {
        kind = (cls & kPunctByte) ? TokenKind::kPunct : TokenKind::kSymbol;
      } else {
        CodePoint cp = DecodeAt(text, i);
        if (Space(cp.c)) { i += cp.len; continue; }
        j = i + cp.len;
        if (Alnum(cp.c)) {
          bool number = false;
          j = ScanWord(text, i, end, &number);
          kind = number ? TokenKind::kNumber : TokenKind::kWord;
        } else if (internal::IsQuoteMark(cp.c)) {
          kind = TokenKind::kQuoteMark;
        } else {
          kind = IsPunctBeyondAscii(cp.c) ? TokenKind::kPunct : TokenKind::kSymbol;
        }
      }
      Token t;
      t.span = Span{uint32_t(i), uint32_t(j)};
      t.kind = kind;
      t.paragraph = p;
      out.push_back(t);
      // Most tokens are followed by one space: skip it without another round.
      i = j + (j < end && text[j] == ' ');
    }
  }
  return out;
}

}  // namespace qg
