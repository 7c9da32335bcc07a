// Orchestrates the stages over one document; no linguistics here.
// Tested end to end by tests/pipeline_test.cc.
#include "engine/pipeline.h"

#include <string>

#include "engine/attribute.h"
#include "engine/cues.h"
#include "engine/internal/words.h"
#include "engine/quotes.h"
#include "engine/resolve.h"
#include "engine/segment.h"
#include "engine/speakers.h"
#include "engine/summary.h"

namespace qg {

Status RunPipeline(const RuleSet& rules, const Options& options, Document& doc) {
  if (doc.text.size() > options.max_article_bytes) {
    return Status(StatusCode::kOutOfRange,
                  doc.id + ": article of " + std::to_string(doc.text.size()) +
                      " bytes exceeds the limit of " + std::to_string(options.max_article_bytes));
  }
  if (doc.text.size() >= UINT32_MAX) {
    return Status(StatusCode::kOutOfRange, doc.id + ": article too large for 32-bit offsets");
  }
  Status utf8 = ValidateUtf8(doc.text);
  if (!utf8.ok()) return Status(utf8.code(), doc.id + ": " + utf8.message());

  doc.paragraphs = FindParagraphs(doc.text);
  doc.tokens = Tokenize(doc);
  doc.quoted = PairQuotes(doc, rules);
  doc.sentences = SplitSentences(doc, rules);
  AssignSentences(doc);
  internal::NumberDocumentWords(rules, doc);
  doc.cues = FindCues(doc, rules);
  doc.mentions = FindMentions(doc, rules);
  doc.quotes = AttributeQuotes(doc, rules);
  ResolveSources(rules, doc);
  if (!options.keep_terms) {
    std::erase_if(doc.quotes, [](const Quote& q) { return q.kind == QuoteKind::kTerm; });
  }
  doc.summary = Summarize(doc);
  return Status::Ok();
}

}  // namespace qg
