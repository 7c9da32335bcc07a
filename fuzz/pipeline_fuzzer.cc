// Fuzz target: the whole extraction of one article, RunPipeline then ToJson.
//
// Any input must give either a clean refusal (a non-ok Status with a message)
// or a result whose JSON is valid, whose strings are valid UTF-8, and whose
// every quote text is exactly the article's bytes at the quote's span
// (fuzz/output_check.h). The first input byte picks the options so both
// keep_terms settings are covered.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/pipeline.h"
#include "engine/serialize.h"
#include "fuzz/fuzz_util.h"
#include "fuzz/output_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  qg::Options options;
  // Flip keep_terms on one byte value only, so seeds taken verbatim from
  // fixtures run with the default options.
  if (size > 0 && data[0] == 0x01) {
    options.keep_terms = false;
    ++data;
    --size;
  }
  qg::Document doc =
      qg::MakeDocument("fuzz", std::string(reinterpret_cast<const char*>(data), size));
  qg::Status s = qg::RunPipeline(qg::fuzzing::BuiltinRules(), options, doc);
  if (!s.ok()) {
    QG_FUZZ_CHECK(!s.message().empty(), "a refusal without a reason");
    QG_FUZZ_CHECK(doc.quotes.empty(), "a refused article kept quotes");
    return 0;
  }
  const std::string check = qg::fuzzing::CheckOutput(doc, qg::ToJson(doc, /*pretty=*/false));
  QG_FUZZ_CHECK(check.empty(), check);
  if (!options.keep_terms) {
    for (const qg::Quote& q : doc.quotes) {
      QG_FUZZ_CHECK(q.kind != qg::QuoteKind::kTerm, "--no-terms kept a term");
    }
  }
  return 0;
}
