// Name-string helpers for resolution (internal): words, initials, articles, folded search.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "engine/internal/text_util.h"

namespace qg::internal {

inline std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Capital initials of a multi-word name: "Immigration, Refugees and Citizenship Canada" -> "IRCC".
inline std::string Initials(std::string_view name) {
  std::string out;
  int words = 0;
  for (const std::string& w : Words(name)) {
    ++words;
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') out += w[0];
  }
  return words > 1 ? out : std::string();
}

// True iff `lower` occurs in `text` folded to ASCII lower case, as
// AsciiLower(text).find(lower) != npos would say, but with no copy: the history
// scan of definite descriptions asks it of every recent entity.
inline bool FoldedContains(std::string_view text, std::string_view lower) {
  if (lower.size() > text.size()) return false;
  for (size_t i = 0; i + lower.size() <= text.size(); ++i) {
    size_t k = 0;
    for (; k < lower.size(); ++k) {
      char c = text[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != lower[k]) break;
    }
    if (k == lower.size()) return true;
  }
  return false;
}

// Allocation-free forms for the resolver, which asks these of every mention:
// they fill buffers the caller keeps, and views point into the argument.

inline void AsciiLowerInto(std::string_view s, std::string* out) {
  out->resize(s.size());
  char* o = out->data();
  size_t i = 0;
  // Eight bytes at a time: a byte is an ASCII capital when it is below 0x80,
  // at least 'A' and at most 'Z'; adding 0x3f (0x25) to its low seven bits
  // carries into bit 7 exactly when it is >= 'A' (> 'Z'). Its 0x20 bit is then set.
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    const uint64_t low = x & 0x7f7f7f7f7f7f7f7fULL;
    const uint64_t upper = ~x & ((low + 0x3f3f3f3f3f3f3f3fULL) ^ (low + 0x2525252525252525ULL)) &
                           0x8080808080808080ULL;
    x |= upper >> 2;
    std::memcpy(o + i, &x, 8);
  }
  for (; i < s.size(); ++i) {
    char c = s[i];
    o[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
}

inline void WordsInto(std::string_view s, std::vector<std::string_view>* out) {
  out->clear();
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out->push_back(s.substr(i, j - i));
    i = j;
  }
}

inline size_t WordCount(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) ++n;
  }
  return n;
}

// Initials(name) folded to lower case.
inline void LowerInitialsInto(std::string_view name, std::string* out) {
  out->clear();
  size_t words = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == ' ' || (i > 0 && name[i - 1] != ' ')) continue;
    ++words;
    if (name[i] >= 'A' && name[i] <= 'Z') out->push_back(static_cast<char>(name[i] - 'A' + 'a'));
  }
  if (words < 2) out->clear();
}

inline bool FoldedStartsWith(std::string_view text, std::string_view lower) {
  return text.size() >= lower.size() && FoldedContains(text.substr(0, lower.size()), lower);
}

// StripArticle of text already folded to lower case, as a view into it.
inline std::string_view StripFoldedArticle(std::string_view lower) {
  for (std::string_view a : {"the ", "a ", "an "}) {
    if (lower.substr(0, a.size()) == a) return lower.substr(a.size());
  }
  return lower;
}

inline std::string StripArticle(std::string_view s) {
  std::string l = AsciiLower(s);
  for (const char* a : {"the ", "a ", "an "}) {
    if (l.rfind(a, 0) == 0) return l.substr(std::char_traits<char>::length(a));
  }
  return l;
}

}  // namespace qg::internal
