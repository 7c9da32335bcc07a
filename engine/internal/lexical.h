// Word-level views of tokens shared by cues, speakers and attribution (internal).
//
// All lookups fold ASCII case and strip a possessive ending, so "Officials",
// "officials" and "McCallum’s" reach the lexicons as "officials" and "mccallum".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/document.h"
#include "engine/rules.h"

namespace qg::internal {

inline std::string_view TokenText(const Document& doc, uint32_t t) {
  return doc.slice(doc.tokens[t].span);
}

inline bool IsWord(const Document& doc, uint32_t t) {
  return doc.tokens[t].kind == TokenKind::kWord;
}

// True iff the first character is an upper-case letter (ASCII or Latin-1 range).
bool IsCapitalized(std::string_view word);
// True iff every letter is upper case and there are at least two ("RCMP", "IRCC").
bool IsAcronym(std::string_view word);
// "McCallum’s" -> "McCallum", "players’" stays; sets *possessive.
std::string_view StripPossessive(std::string_view word, bool* possessive);

// The class of a closed-class word ("det", "prep", "pron_m", ...) or "".
std::string_view WordClass(const RuleSet& rules, std::string_view word);

// Per token: 1 when inside a top-level quoted region (marks included).
std::vector<uint8_t> QuotedTokenMask(const Document& doc);

// Index of the top-level quoted region whose outer span holds token t, or -1.
// `mask` and regions are those of `doc`; linear-time callers walk regions in order instead.
int RegionOfToken(const Document& doc, uint32_t t);

}  // namespace qg::internal
