// JSON string escaping for the output writer (internal/json_out.h).
//
// The bytes are RapidJSON 1.1.0's, which the output was written with and
// whose goldens it keeps: '"' and '\\' backslashed, \b \t \n \f \r short,
// every other byte below 0x20 as \u00XX with upper-case hex; '/', 0x7F and
// all bytes from 0x80 up copied as they are (UTF-8 is checked elsewhere).
//
// Most of what is escaped is quote text with nothing to escape, so runs are
// found 16 bytes at a time (SSE2) and copied whole; RapidJSON tests and copies
// byte by byte.
//
//   char* end = EscapeJson(s, out);   // out has room for JsonEscapedBound(s.size())
#pragma once

#include <cstddef>
#include <string_view>

namespace qg::internal {

// The room EscapeJson may use for `n` input bytes: six for each (\u00XX)
// plus the block it may store past the last one.
constexpr size_t kJsonEscapeSlack = 16;
constexpr size_t JsonEscapedBound(size_t n) { return 6 * n + kJsonEscapeSlack; }

// Writes `s` escaped, without quotes, at `out`, which must have room for
// JsonEscapedBound(s.size()) bytes; returns the end of what was written.
// Bytes past the end (within the bound) may be overwritten.
char* EscapeJson(std::string_view s, char* out);

// The length of the longest prefix of `s` that needs no escape (s.size()
// when none of it does).
size_t JsonCleanPrefix(std::string_view s);

// The same bytes eight at a time in a 64-bit word: what EscapeJson uses where
// SSE2 is missing, kept callable so tests check it on every machine.
char* EscapeJsonSwar(std::string_view s, char* out);

// The same bytes one at a time: the reference the others are tested against.
char* EscapeJsonBytewise(std::string_view s, char* out);

}  // namespace qg::internal
