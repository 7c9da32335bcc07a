// Small byte-level text helpers shared by the stages (internal).
#pragma once

#include <string>
#include <string_view>

namespace qg::internal {

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace qg::internal
