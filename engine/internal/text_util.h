// Small byte-level text helpers shared by the stages (internal).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace qg::internal {

// Eight bytes with their ASCII capitals folded, all at once.
inline uint64_t AsciiLower8(uint64_t x) {
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const uint64_t low7 = x & ~kHigh;
  const uint64_t at_least_a = low7 + 0x3F3F3F3F3F3F3F3Full;  // high bit: byte >= 'A'
  const uint64_t past_z = low7 + 0x2525252525252525ull;      // high bit: byte > 'Z'
  const uint64_t upper = ~x & at_least_a & ~past_z & kHigh;  // ASCII 'A'..'Z'
  return x | upper >> 2;                                     // 0x80 >> 2 == 'a' - 'A'
}

// Up to eight bytes (n <= 8) as one little-endian word, zero-padded. Two
// overlapping loads cover the odd sizes without a loop over the bytes.
inline uint64_t Load8(const char* p, size_t n) {
  if (n >= 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    return x;
  }
  if (n >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return lo | uint64_t{hi} << (8 * (n - 4));
  }
  if (n >= 2) {
    uint16_t lo, hi;
    std::memcpy(&lo, p, 2);
    std::memcpy(&hi, p + n - 2, 2);
    return lo | uint64_t{hi} << (8 * (n - 2));
  }
  return n == 1 ? static_cast<unsigned char>(p[0]) : 0;
}

// The first min(n, 8) bytes at `p` folded and zero-padded (as FoldedKeys
// takes a short key). When eight bytes from `p` are readable (`readable` >= 8)
// one load and a mask replace Load8's branches on the size.
inline uint64_t FoldedHeadAt(const char* p, size_t n, size_t readable) {
  if (readable < 8) return AsciiLower8(Load8(p, n < 8 ? n : 8));
  uint64_t x;
  std::memcpy(&x, p, 8);
  if (n < 8) x &= (uint64_t{1} << (8 * n)) - 1;
  return AsciiLower8(x);
}

// Folds ASCII capitals in place, eight bytes a step: whole articles are folded.
inline void AsciiLowerInPlace(char* p, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    x = AsciiLower8(x);
    std::memcpy(p + i, &x, 8);
  }
  for (; i < n; ++i) {
    if (p[i] >= 'A' && p[i] <= 'Z') p[i] = static_cast<char>(p[i] - 'A' + 'a');
  }
}

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  AsciiLowerInPlace(out.data(), out.size());
  return out;
}

// True iff `word` folded to ASCII lower case equals `lower`, with no folded copy.
inline bool FoldedIs(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace qg::internal
