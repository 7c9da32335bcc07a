// Word-level token views (see internal/lexical.h). Tested through
// tests/speakers_test.cc and tests/cues_test.cc.
#include "engine/internal/lexical.h"

#include <algorithm>

#include "engine/internal/text_util.h"

namespace qg::internal {

namespace {
// Decodes the first code point of `s` (already validated UTF-8).
char32_t FirstCodePoint(std::string_view s, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c < 0x80 || s.size() < 2) { *len = 1; return c; }
  if ((c >> 5) == 0x6) { *len = 2; return ((c & 0x1F) << 6) | (s[1] & 0x3F); }
  if ((c >> 4) == 0xE && s.size() >= 3) {
    *len = 3;
    return ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  }
  *len = 1;
  return c;
}

bool IsUpperCp(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return true;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return true;  // Latin-1 capitals
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0;       // Latin Extended-A pairs
  return false;
}
bool IsLowerCp(char32_t cp) {
  if (cp >= 'a' && cp <= 'z') return true;
  if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) return true;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 1;
  return false;
}
}  // namespace

bool IsCapitalized(std::string_view word) {
  if (word.empty()) return false;
  size_t len = 0;
  if (IsUpperCp(FirstCodePoint(word, &len))) return true;
  // "al-Shabaab", "al-Qaeda", "bin-Salman": a lower-case particle joined to a name.
  size_t hyphen = word.find('-');
  return hyphen != std::string_view::npos && hyphen <= 3 && hyphen + 1 < word.size() &&
         IsUpperCp(FirstCodePoint(word.substr(hyphen + 1), &len));
}

bool IsAcronym(std::string_view word) {
  int upper = 0;
  for (size_t i = 0; i < word.size();) {
    size_t len = 0;
    char32_t cp = FirstCodePoint(word.substr(i), &len);
    if (IsLowerCp(cp)) return false;
    if (IsUpperCp(cp)) ++upper;
    i += len;
  }
  return upper >= 2;
}

std::string_view StripPossessive(std::string_view word, bool* possessive) {
  *possessive = false;
  for (std::string_view suffix : {"’s", "'s", "’S", "'S"}) {
    if (word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix) {
      *possessive = true;
      return word.substr(0, word.size() - suffix.size());
    }
  }
  return word;
}

std::string_view WordClass(const RuleSet& rules, std::string_view word) {
  return rules.function_words.Field(word, 0);
}

std::vector<uint8_t> QuotedTokenMask(const Document& doc) {
  // Top-level regions are sorted by their start: each marks the tokens that
  // start inside it, found from the last token marked, so the walk is linear.
  std::vector<uint8_t> mask(doc.tokens.size(), 0);
  auto token = doc.tokens.begin();
  for (const QuotedRegion& r : doc.quoted) {
    if (r.depth != 0) continue;
    auto first = std::lower_bound(token, doc.tokens.end(), r.outer.begin,
                                  [](const Token& t, uint32_t off) { return t.span.begin < off; });
    for (token = first; token != doc.tokens.end() && token->span.begin < r.outer.end; ++token) {
      mask[token - doc.tokens.begin()] = 1;
    }
    token = first;
  }
  return mask;
}

int RegionOfToken(const Document& doc, uint32_t t) {
  const uint32_t offset = doc.tokens[t].span.begin;
  // Regions are sorted by outer.begin; find the last top-level one starting at or before t.
  auto it = std::upper_bound(doc.quoted.begin(), doc.quoted.end(), offset,
                             [](uint32_t off, const QuotedRegion& r) { return off < r.outer.begin; });
  while (it != doc.quoted.begin()) {
    --it;
    if (it->depth == 0) {
      return it->outer.contains(offset) ? static_cast<int>(it - doc.quoted.begin()) : -1;
    }
  }
  return -1;
}

}  // namespace qg::internal
