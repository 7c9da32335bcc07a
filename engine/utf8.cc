// UTF-8 decoding, validation and the character classes the text stages use.
//
// Decoding follows RFC 3629's table of well-formed byte sequences: the second
// byte's range depends on the lead byte (E0 needs A0..BF to exclude overlongs,
// ED needs 80..9F to exclude surrogates, F0 needs 90..BF, F4 needs 80..8F to
// stay at or below U+10FFFF). One decoder serves both validation and the
// tokenizer, so the two can never disagree about what a character is.
// Tested by tests/segment_test.cc.
#include <bit>
#include <cstring>
#include <simdjson.h>
#include <string>

#include "engine/internal/utf8.h"
#include "engine/segment.h"

namespace qg {
namespace internal {

namespace {
inline bool InRange(unsigned char b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; }
}  // namespace

CodePoint DecodeMultiByte(std::string_view s, size_t i) {
  if (i >= s.size()) return {0, 0};
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const size_t left = s.size() - i;
  const unsigned char b0 = p[0];
  if (b0 < 0x80) return {b0, 1};
  const CodePoint bad{kReplacement, 1};
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (left < 2 || !InRange(p[1], 0x80, 0xBF)) return bad;
    return {static_cast<char32_t>(((b0 & 0x1F) << 6) | (p[1] & 0x3F)), 2};
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80;
    unsigned hi = b0 == 0xED ? 0x9F : 0xBF;
    if (left < 3 || !InRange(p[1], lo, hi) || !InRange(p[2], 0x80, 0xBF)) return bad;
    return {static_cast<char32_t>(((b0 & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F)),
            3};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    unsigned lo = b0 == 0xF0 ? 0x90 : 0x80;
    unsigned hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (left < 4 || !InRange(p[1], lo, hi) || !InRange(p[2], 0x80, 0xBF) ||
        !InRange(p[3], 0x80, 0xBF)) {
      return bad;
    }
    return {static_cast<char32_t>(((b0 & 0x07) << 18) | ((p[1] & 0x3F) << 12) |
                                  ((p[2] & 0x3F) << 6) | (p[3] & 0x3F)),
            4};
  }
  return bad;  // stray continuation byte, C0/C1 overlong lead, or F5..FF
}

CodePoint DecodeMultiByteBefore(std::string_view s, size_t i) {
  if (i == 0 || i > s.size()) return {0, 0};
  size_t start = i - 1;
  // Step back over continuation bytes, at most three of them.
  while (start > 0 && i - start < 4 &&
         (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  CodePoint cp = DecodeAt(s, start);
  if (start + cp.len == i) return cp;
  return {kReplacement, 1};
}

size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // Skip ASCII 32, then eight bytes at a time (no byte has its top bit set),
    // straight to the first byte that has it.
    constexpr uint64_t kHigh = 0x8080808080808080ull;
    while (i + 32 <= s.size()) {  // most stretches between curly quotes are long
      uint64_t w[4];
      std::memcpy(w, s.data() + i, sizeof w);
      if ((w[0] | w[1] | w[2] | w[3]) & kHigh) break;
      i += 32;
    }
    while (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, sizeof word);
      if (const uint64_t high = word & kHigh) {
        if constexpr (std::endian::native == std::endian::little) {
          i += static_cast<size_t>(std::countr_zero(high)) / 8;
        }
        break;
      }
      i += 8;
    }
    if (i >= s.size()) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    CodePoint cp = DecodeAt(s, i);
    if (cp.c == kReplacement && cp.len == 1) return i;
    i += cp.len;
  }
  return s.size();
}

bool IsUpperBeyondAscii(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  // Latin Extended-A and much of Extended-B alternate upper/lower in pairs.
  if (c >= 0x100 && c <= 0x137) return c % 2 == 0;
  if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
  if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
  if (c == 0x178 || c == 0x179 || c == 0x17B || c == 0x17D) return true;
  if (c >= 0x180 && c <= 0x24F) return c % 2 == 0;  // approximate for Extended-B
  if (c >= 0x391 && c <= 0x3AB) return true;        // Greek capitals
  if (c >= 0x400 && c <= 0x42F) return true;        // Cyrillic capitals
  if (c >= 0x1E00 && c <= 0x1EFF) return c % 2 == 0;  // Latin Extended Additional
  return false;
}

bool IsLetterBeyondAscii(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  if (c >= 0x250 && c <= 0x2AF) return true;  // IPA extensions, used in some names
  if (c >= 0x370 && c <= 0x3FF) return c != 0x37E && c != 0x387;  // Greek
  if (c >= 0x400 && c <= 0x52F) return true;                        // Cyrillic
  if (c >= 0x1E00 && c <= 0x1EFF) return true;                      // Vietnamese etc.
  // Other scripts: treat the big letter blocks as letters so names in them
  // stay one token; punctuation blocks below U+3000 are excluded.
  if (c >= 0x0590 && c <= 0x1DFF) return true;
  if (c >= 0x3040 && c <= 0xD7FF) return true;
  if (c >= 0xF900 && c <= 0xFAFF) return true;
  return false;
}

bool IsSpaceBeyondAscii(char32_t c) {
  if (c < 0x20) return true;  // controls, NUL, tab, newlines
  if (c == ' ' || c == 0x7F) return true;
  if (c >= 0x80 && c <= 0xA0) return true;  // C1 controls, no-break space
  if (c >= 0x2000 && c <= 0x200B) return true;
  return c == 0x1680 || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF || c == 0x200C || c == 0x200D || c == 0x2060;
}

bool IsQuoteMark(char32_t c) {
  switch (c) {
    case '"': case '\'': case 0xAB: case 0xBB: case 0x2018: case 0x2019: case 0x201A:
    case 0x201B: case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2039:
    case 0x203A:
      return true;
    default:
      return false;
  }
}

}  // namespace internal

Status ValidateUtf8(std::string_view text) {
  // simdjson's check (vector kernels picked for the CPU at run time) accepts
  // only what RFC 3629 allows, as DecodeAt does: a text it passes needs no
  // further look, and only a failing one is walked for the byte to report.
  if (simdjson::validate_utf8(text.data(), text.size())) return Status::Ok();
  size_t bad = internal::FindInvalidUtf8(text);
  if (bad == text.size()) return Status::Ok();
  return Status(StatusCode::kInvalidArgument, "invalid UTF-8 at byte " + std::to_string(bad));
}

}  // namespace qg
