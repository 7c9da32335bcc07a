// Text stage: UTF-8 validation, paragraphs, tokens with byte offsets, sentences.
//
// Input is the untouched article. Paragraphs are separated by a blank line
// (optionally holding white space) or by the "\n .\n " separator some scraped
// copies use; a single newline inside a paragraph is white space. Tokens never
// cross white space; every quotation-mark character that is not inside a word
// is its own kQuoteMark token so that quotes.h can pair it. An apostrophe
// between letters stays inside its word ("don’t", "Biden’s").
//
// Sentences come last because they need quoted regions: a period inside a
// quote does not end the sentence around it, so `“A. B,” he said.` is one
// sentence, while `“A,” he said. “B.”` is two. Abbreviations come from
// RuleSet::abbreviations ("a.m.", "U.S.", "Mr.", "Gov.", "Jan.").
//
//   QG_RETURN_IF_ERROR(qg::ValidateUtf8(doc.text));
//   doc.paragraphs = qg::FindParagraphs(doc.text);
//   doc.tokens = qg::Tokenize(doc);
//   doc.quoted = qg::PairQuotes(doc, rules);          // quotes.h
//   doc.sentences = qg::SplitSentences(doc, rules);
//   qg::AssignSentences(doc);                          // sets Token::sentence
#pragma once

#include <string_view>
#include <vector>

#include "engine/document.h"
#include "engine/rules.h"
#include "engine/status.h"

namespace qg {

// Returns OK iff `text` is well-formed UTF-8 (no overlongs, surrogates or
// code points past U+10FFFF). The error names the byte offset of the first bad byte.
Status ValidateUtf8(std::string_view text);

// Paragraph spans, in order, covering every non-blank stretch of the text.
std::vector<Paragraph> FindParagraphs(std::string_view text);

// Tokens of every paragraph, in order, with Token::paragraph set.
std::vector<Token> Tokenize(const Document& doc);

// Sentences over doc.tokens, respecting doc.quoted. Token::sentence is not set
// here (the function is pure); AssignSentences does that.
std::vector<Sentence> SplitSentences(const Document& doc, const RuleSet& rules);
void AssignSentences(Document& doc);

}  // namespace qg
