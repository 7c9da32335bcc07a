// Helpers shared by the text-stage tests: run the text stages over a snippet and
// print compact, stable dumps that tests compare against strings.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "engine/document.h"
#include "engine/quotes.h"
#include "engine/rules.h"
#include "engine/segment.h"

namespace qg::testing {

inline const RuleSet& TextRules() {
  static const RuleSet* rules = [] {
    Result<RuleSet> r = LoadBuiltinRules();
    REQUIRE_MESSAGE(r.ok(), r.status().ToString());
    return new RuleSet(std::move(r).value());
  }();
  return *rules;
}

// Paragraphs, tokens, quotes and sentences, as the pipeline runs them.
inline Document RunTextStages(std::string_view text) {
  Document doc = MakeDocument("test", std::string(text));
  doc.paragraphs = FindParagraphs(doc.text);
  doc.tokens = Tokenize(doc);
  doc.quoted = PairQuotes(doc, TextRules());
  doc.sentences = SplitSentences(doc, TextRules());
  AssignSentences(doc);
  return doc;
}

// "[first paragraph] [second]"
inline std::string DumpParagraphs(const Document& doc) {
  std::string out;
  for (const Paragraph& p : doc.paragraphs) {
    if (!out.empty()) out += ' ';
    out.append("[").append(doc.slice(p.span)).append("]");
  }
  return out;
}

// "don’t/W 175,000/N ,/P “/Q $/S"
inline std::string DumpTokens(const Document& doc) {
  std::string out;
  for (const Token& t : doc.tokens) {
    if (!out.empty()) out += ' ';
    static constexpr char kKinds[] = "WNPQS";
    out += std::string(doc.slice(t.span)) + "/" + kKinds[static_cast<int>(t.kind)];
  }
  return out;
}

// "[One sentence.] [Another.]"
inline std::string DumpSentences(const Document& doc) {
  std::string out;
  for (const Sentence& s : doc.sentences) {
    if (!out.empty()) out += ' ';
    out.append("[").append(doc.slice(s.span)).append("]");
  }
  return out;
}

// Each region as depth, inner text and flags: "0[outer 1[inner]]" is not nested
// in the dump; regions are listed in order: "0[A ‘b’ c] 1[b]". Flags: "~" no
// closing mark, "+" continued over paragraphs.
inline std::string DumpQuotes(const Document& doc) {
  std::string out;
  for (const QuotedRegion& q : doc.quoted) {
    if (!out.empty()) out += ' ';
    out += std::to_string(q.depth) + "[" + std::string(doc.slice(q.inner)) + "]";
    if (!q.closed) out += "~";
    if (q.multi_paragraph) out += "+";
  }
  return out;
}

}  // namespace qg::testing
