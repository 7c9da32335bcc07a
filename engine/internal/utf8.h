// UTF-8 decoding and character classes for the text stages (internal).
//
// The engine never rewrites the article, so every stage classifies characters
// in place at byte offsets. Classes cover what English-language news needs:
// ASCII, Latin-1, Latin Extended-A/B and the common Greek and Cyrillic ranges
// for letters and case; Unicode white space plus the BOM and NUL, which scraped
// text carries and which must never end up inside a token.
//
//   internal::CodePoint cp = internal::DecodeAt(text, i);
//   if (internal::IsLetter(cp.c)) i += cp.len;
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace qg::internal {

inline constexpr char32_t kReplacement = 0xFFFD;

struct CodePoint {
  char32_t c = 0;    // kReplacement for an ill-formed sequence
  uint32_t len = 0;  // bytes consumed; 1 for an ill-formed byte, 0 only at end of text
};

// The multi-byte halves of the decoders below (utf8.cc).
CodePoint DecodeMultiByte(std::string_view s, size_t i);
CodePoint DecodeMultiByteBefore(std::string_view s, size_t i);

// Decodes the code point starting at byte `i`. Never reads past `s.size()`; an
// ill-formed or truncated sequence yields {kReplacement, 1} so callers always advance.
// Nearly every byte of a news text is ASCII and every stage decodes per
// character, so the ASCII case is inline.
inline CodePoint DecodeAt(std::string_view s, size_t i) {
  if (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) {
    return {static_cast<unsigned char>(s[i]), 1};
  }
  return DecodeMultiByte(s, i);
}

// Decodes the code point that ends just before byte `i` (i > 0), stepping back
// over at most three continuation bytes.
inline CodePoint DecodeBefore(std::string_view s, size_t i) {
  if (i > 0 && i <= s.size() && static_cast<unsigned char>(s[i - 1]) < 0x80) {
    return {static_cast<unsigned char>(s[i - 1]), 1};
  }
  return DecodeMultiByteBefore(s, i);
}

// Returns the offset of the first ill-formed byte, or s.size() when `s` is valid.
size_t FindInvalidUtf8(std::string_view s);

// Beyond ASCII (utf8.cc); the inline wrappers below answer ASCII themselves.
bool IsLetterBeyondAscii(char32_t c);
bool IsUpperBeyondAscii(char32_t c);
bool IsSpaceBeyondAscii(char32_t c);

inline bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return IsLetterBeyondAscii(c);
}
inline bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return IsUpperBeyondAscii(c);
}
inline bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return IsLetterBeyondAscii(c) && !IsUpperBeyondAscii(c);
}
inline bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsAlnum(char32_t c) { return IsDigit(c) || IsLetter(c); }

// White space for tokenizing: Unicode spaces, line and paragraph separators,
// control characters (NUL included), the BOM and zero-width spaces.
inline bool IsSpace(char32_t c) {
  if (c < 0x80) return c <= 0x20 || c == 0x7F;
  return IsSpaceBeyondAscii(c);
}

// Quotation marks: " “ ” ‘ ’ ' « » „ ‚ ‹ › ‛ ‟.
bool IsQuoteMark(char32_t c);

// Hyphens that may join two halves of a word: - ‐ ‑.
inline bool IsWordHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Apostrophe-capable marks: ' ’ (and ‛, a rare typographic variant).
inline bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x201B; }

}  // namespace qg::internal
