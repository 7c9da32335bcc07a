// Counts quotes by source kind. Tested by tests/summary_test.cc.
#include "engine/summary.h"

namespace qg {

Summary Summarize(const Document& doc) {
  Summary s;
  for (const Quote& q : doc.quotes) {
    if (q.kind == QuoteKind::kTerm) continue;
    ++s.quotes;
    if (q.source < 0 || q.source >= static_cast<int>(doc.sources.size())) continue;
    ++s.attributed;
    switch (doc.sources[q.source].kind) {
      case SourceKind::kPerson: ++s.named_quotes; break;
      case SourceKind::kOrganization: ++s.institutional_quotes; break;
      case SourceKind::kAnonymous: ++s.anonymous_quotes; break;
    }
  }
  s.anonymous_ratio = s.attributed ? static_cast<double>(s.anonymous_quotes) / s.attributed : 0.0;
  return s;
}

}  // namespace qg
