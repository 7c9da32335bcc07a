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
  if (lower.empty()) return true;
  // Most places differ at their first byte: compare the rest only where it matches.
  const char first = lower[0];
  const std::string_view rest = lower.substr(1);
  for (size_t i = 0; i + lower.size() <= text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == first && FoldedIs(text.substr(i + 1, rest.size()), rest)) return true;
  }
  return false;
}

// Allocation-free forms for the resolver, which asks these of every mention:
// they fill buffers the caller keeps, and views point into the argument.

inline void AsciiLowerInto(std::string_view s, std::string* out) {
  out->assign(s);
  AsciiLowerInPlace(out->data(), out->size());
}

// Calls fn(word) for each space-separated word of `s`, in order.
template <class Fn>
inline void ForEachWord(std::string_view s, Fn&& fn) {
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p != end) {
    if (*p == ' ') {
      ++p;
      continue;
    }
    const char* const word = p;
    while (p != end && *p != ' ') ++p;
    fn(std::string_view(word, static_cast<size_t>(p - word)));
  }
}

template <class Views>  // a vector of string_view, of any allocator
inline void WordsInto(std::string_view s, Views* out) {
  out->clear();
  ForEachWord(s, [&](std::string_view word) { out->emplace_back(word); });
}

// The first and last space-separated words of a name and how many it has:
// all a person's name is asked, with no vector to fill.
struct WordEnds {
  std::string_view first, last;
  size_t count = 0;
};

inline WordEnds FirstLastWords(std::string_view s) {
  WordEnds w;
  ForEachWord(s, [&](std::string_view word) {
    w.last = word;
    if (w.count++ == 0) w.first = word;
  });
  return w;
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
  char before = ' ';
  for (char c : name) {
    if (before == ' ' && c != ' ') {
      ++words;
      if (c >= 'A' && c <= 'Z') out->push_back(static_cast<char>(c - 'A' + 'a'));
    }
    before = c;
  }
  if (words < 2) out->clear();
}

inline bool FoldedStartsWith(std::string_view text, std::string_view lower) {
  return text.size() >= lower.size() && FoldedIs(text.substr(0, lower.size()), lower);
}

// StripArticle of text already folded to lower case, as a view into it.
inline std::string_view StripFoldedArticle(std::string_view lower) {
  using namespace std::string_view_literals;
  for (std::string_view a : {"the "sv, "a "sv, "an "sv}) {
    if (lower.substr(0, a.size()) == a) return lower.substr(a.size());
  }
  return lower;
}

// StripFoldedArticle of `text` folded, as a view into `text` itself: the
// resolver's keys are compared folded, so they need no folded copy.
inline std::string_view StripArticleView(std::string_view text) {
  // "the ", "a " or "an ", any case, tested a byte at a time: asked of every name.
  auto is = [&](size_t i, char lower) {
    return i < text.size() && (text[i] == lower || text[i] == static_cast<char>(lower - 'a' + 'A'));
  };
  if (is(0, 'a')) {
    if (text.size() >= 2 && text[1] == ' ') return text.substr(2);
    if (is(1, 'n') && text.size() >= 3 && text[2] == ' ') return text.substr(3);
  } else if (is(0, 't') && is(1, 'h') && is(2, 'e') && text.size() >= 4 && text[3] == ' ') {
    return text.substr(4);
  }
  return text;
}

inline std::string StripArticle(std::string_view s) {
  const std::string lower = AsciiLower(s);
  return std::string(StripFoldedArticle(lower));
}

}  // namespace qg::internal
