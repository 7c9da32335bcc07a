// Fuzz target: the text stages up to quote pairing (paragraphs, tokens, quote
// marks, sentences) over arbitrary valid UTF-8.
//
// Checks the structural promises quotes.h and segment.h make, which later
// stages rely on without re-checking: tokens in order and in bounds, regions
// sorted by outer.begin with inner inside outer, nesting consistent with
// depth, top-level regions disjoint, and sentences tiling the tokens.
// Invalid UTF-8 is skipped: RunPipeline refuses it before these stages run.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/document.h"
#include "engine/quotes.h"
#include "engine/rules.h"
#include "engine/segment.h"
#include "fuzz/fuzz_util.h"
#include "fuzz/output_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using qg::fuzzing::CheckSpan;
  qg::Document doc =
      qg::MakeDocument("fuzz", std::string(reinterpret_cast<const char*>(data), size));
  if (!qg::ValidateUtf8(doc.text).ok()) return 0;
  doc.paragraphs = qg::FindParagraphs(doc.text);
  doc.tokens = qg::Tokenize(doc);
  doc.quoted = qg::PairQuotes(doc, qg::fuzzing::BuiltinRules());
  doc.sentences = qg::SplitSentences(doc, qg::fuzzing::BuiltinRules());
  qg::AssignSentences(doc);

  uint32_t prev_end = 0;
  for (const qg::Paragraph& p : doc.paragraphs) {
    QG_FUZZ_CHECK(CheckSpan(doc.text, p.span, "paragraph").empty(), "paragraph span");
    QG_FUZZ_CHECK(p.span.begin >= prev_end, "paragraphs overlap or go backwards");
    prev_end = p.span.end;
  }
  prev_end = 0;
  for (const qg::Token& t : doc.tokens) {
    QG_FUZZ_CHECK(CheckSpan(doc.text, t.span, "token").empty(), "token span");
    QG_FUZZ_CHECK(!t.span.empty(), "empty token");
    QG_FUZZ_CHECK(t.span.begin >= prev_end, "tokens overlap or go backwards");
    QG_FUZZ_CHECK(t.paragraph < doc.paragraphs.size(), "token in no paragraph");
    prev_end = t.span.end;
  }
  uint32_t last_begin = 0;
  uint32_t top_end = 0;
  std::vector<qg::Span> parents;  // the latest region at each depth
  for (size_t i = 0; i < doc.quoted.size(); ++i) {
    const qg::QuotedRegion& r = doc.quoted[i];
    std::string e = CheckSpan(doc.text, r.outer, "outer");
    if (e.empty()) e = CheckSpan(doc.text, r.inner, "inner");
    QG_FUZZ_CHECK(e.empty(), e);
    QG_FUZZ_CHECK(r.outer.begin >= last_begin, "regions not sorted by outer.begin");
    QG_FUZZ_CHECK(r.inner.begin >= r.outer.begin && r.inner.end <= r.outer.end,
                  "inner span outside outer span");
    QG_FUZZ_CHECK(r.open_token < doc.tokens.size() && r.close_token < doc.tokens.size(),
                  "region token out of range");
    QG_FUZZ_CHECK(doc.tokens[r.open_token].kind == qg::TokenKind::kQuoteMark,
                  "region opens on a token that is no quote mark");
    if (r.closed) {
      QG_FUZZ_CHECK(doc.tokens[r.close_token].kind == qg::TokenKind::kQuoteMark,
                    "region closes on a token that is no quote mark");
      QG_FUZZ_CHECK(r.close_token > r.open_token, "closing mark before the opening mark");
    }
    if (parents.size() <= r.depth) parents.resize(r.depth + 1);
    parents[r.depth] = r.outer;
    if (r.depth == 0) {
      QG_FUZZ_CHECK(r.outer.begin >= top_end, "top-level regions overlap");
      top_end = r.outer.end;
    } else {
      // A nested region lies inside the latest region one level up.
      const bool found = r.depth <= parents.size() &&
                         parents[r.depth - 1].begin <= r.outer.begin &&
                         r.outer.end <= parents[r.depth - 1].end;
      QG_FUZZ_CHECK(found, "nested region is not inside its parent");
    }
    last_begin = r.outer.begin;
  }
  uint32_t next_token = 0;
  for (const qg::Sentence& s : doc.sentences) {
    QG_FUZZ_CHECK(s.token_begin == next_token && s.token_end > s.token_begin,
                  "sentences do not tile the tokens");
    QG_FUZZ_CHECK(s.token_end <= doc.tokens.size(), "sentence past the last token");
    next_token = s.token_end;
  }
  QG_FUZZ_CHECK(next_token == doc.tokens.size(), "tokens left outside every sentence");
  return 0;
}
