// See internal/json_escape.h. Each scanner stops at the first byte that
// needs an escape, writes it, and scans on from the next one: strings with
// many escapes are rare in news text, so only the clean runs are made fast.
//
// Tested by tests/json_escape_test.cc.
#include "engine/internal/json_escape.h"

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace qg::internal {
namespace {

bool NeedsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// Writes the escape of one byte that NeedsEscape.
char* EscapeByte(unsigned char c, char* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out[0] = '\\';
  char short_form = 0;
  switch (c) {
    case '"': short_form = '"'; break;
    case '\\': short_form = '\\'; break;
    case '\b': short_form = 'b'; break;
    case '\t': short_form = 't'; break;
    case '\n': short_form = 'n'; break;
    case '\f': short_form = 'f'; break;
    case '\r': short_form = 'r'; break;
    default: break;
  }
  if (short_form != 0) {
    out[1] = short_form;
    return out + 2;
  }
  std::memcpy(out + 1, "u00", 3);
  out[4] = kHex[c >> 4];
  out[5] = kHex[c & 15];
  return out + 6;
}

char* EscapeBytes(const char* p, const char* end, char* out) {
  for (; p < end; ++p) {
    auto c = static_cast<unsigned char>(*p);
    if (NeedsEscape(c)) out = EscapeByte(c, out);
    else *out++ = *p;
  }
  return out;
}

#if defined(__SSE2__)
// Bit i set when byte i of `v` needs an escape. SSE2 compares bytes as
// signed, so "below 0x20" is asked as min(v, 0x1F) == v, which is unsigned.
unsigned SpecialBytes(__m128i v) {
  const __m128i ctrl = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
  const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(ctrl, _mm_or_si128(quote, backslash))));
}

// The last `n` (1 to 15) bytes of a string, padded with spaces, which need
// no escape. Reading a whole block could cross into an unmapped page, so
// they are gathered with overlapping fixed-size copies (no call to memcpy).
[[gnu::always_inline]] inline __m128i LoadTail(const char* p, size_t n) {
  alignas(16) char block[16];
  std::memset(block, ' ', sizeof block);
  if (n >= 8) {
    std::memcpy(block, p, 8);
    std::memcpy(block + n - 8, p + n - 8, 8);
  } else if (n >= 4) {
    std::memcpy(block, p, 4);
    std::memcpy(block + n - 4, p + n - 4, 4);
  } else {
    block[0] = p[0];
    block[n / 2] = p[n / 2];
    block[n - 1] = p[n - 1];
  }
  return _mm_load_si128(reinterpret_cast<const __m128i*>(block));
}
#endif

}  // namespace

char* EscapeJsonBytewise(std::string_view s, char* out) {
  return EscapeBytes(s.data(), s.data() + s.size(), out);
}

char* EscapeJsonSwar(std::string_view s, char* out) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr uint64_t kHigh = 0x8080808080808080u;
  const char* p = s.data();
  const char* end = p + s.size();
  while (end - p >= 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    std::memcpy(out, p, 8);
    if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
    // High bit of a byte set when it is below 0x20, '"' or '\\'. A borrow may
    // also flag bytes after a flagged one, never before it, so the lowest
    // flag is exact.
    const uint64_t quote = x ^ (kOnes * '"');
    const uint64_t backslash = x ^ (kOnes * '\\');
    const uint64_t flags = ((x - kOnes * 0x20) & ~x) | ((quote - kOnes) & ~quote) |
                           ((backslash - kOnes) & ~backslash);
    const uint64_t special = flags & kHigh;
    if (special == 0) {
      p += 8;
      out += 8;
      continue;
    }
    const int k = std::countr_zero(special) / 8;
    out = EscapeByte(static_cast<unsigned char>(p[k]), out + k);
    p += k + 1;
  }
  return EscapeBytes(p, end, out);
}

#if defined(__SSE2__)
char* EscapeJson(std::string_view s, char* out) {
  const char* p = s.data();
  const char* end = p + s.size();
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), v);
    const unsigned special = SpecialBytes(v);
    if (special == 0) {
      p += 16;
      out += 16;
      continue;
    }
    const int k = std::countr_zero(special);
    out = EscapeByte(static_cast<unsigned char>(p[k]), out + k);
    p += k + 1;
  }
  const auto n = static_cast<size_t>(end - p);
  if (n == 0) return out;
  const __m128i v = LoadTail(p, n);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), v);  // within the slack
  const unsigned special = SpecialBytes(v) & ((1u << n) - 1);
  if (special == 0) return out + n;
  const int k = std::countr_zero(special);
  return EscapeBytes(p + k, end, out + k);
}

size_t JsonCleanPrefix(std::string_view s) {
  const char* p = s.data();
  const char* end = p + s.size();
  for (; end - p >= 16; p += 16) {
    const unsigned special = SpecialBytes(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
    if (special != 0) return static_cast<size_t>(p - s.data()) + std::countr_zero(special);
  }
  const auto n = static_cast<size_t>(end - p);
  const unsigned special = n == 0 ? 0 : SpecialBytes(LoadTail(p, n)) & ((1u << n) - 1);
  return special == 0 ? s.size() : static_cast<size_t>(p - s.data()) + std::countr_zero(special);
}
#else
char* EscapeJson(std::string_view s, char* out) { return EscapeJsonSwar(s, out); }

size_t JsonCleanPrefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && !NeedsEscape(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}
#endif

}  // namespace qg::internal
