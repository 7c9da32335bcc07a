// Fuzz target: the rule-file loader (LoadRulesFromFiles), then the pipeline
// under whatever rules loaded.
//
// The first input byte picks which rule file the rest of the input stands for
// (every file has its own fields and checks). A bad file must give kRuleError
// naming the file; a file that loads must leave the pipeline sound on a short
// article, because `--rules DIR` lets users run with their own lists.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/pipeline.h"
#include "engine/rules.h"
#include "engine/serialize.h"
#include "fuzz/fuzz_util.h"
#include "fuzz/output_check.h"

namespace {

constexpr const char* kFiles[] = {
    "abbreviations.tsv", "speech_verbs.tsv", "titles.tsv",       "anonymous.tsv",
    "organizations.tsv", "channels.tsv",     "function_words.tsv", "patterns.tsv",
    "lexicons/forenames-en.tsv",
};
constexpr size_t kFileCount = sizeof(kFiles) / sizeof(kFiles[0]);

// Short, but it reaches every stage: a direct quote, a cue, a titled name, an
// anonymous source and an indirect quote.
constexpr const char* kArticle =
    "“We will not,” Pentagon spokesman John Kirby told reporters on Monday.\n\n"
    "A senior official, who was not authorized to speak, said that talks had ended. "
    "‘Ukraine’ was the “key,” Mr. Biden said.";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string name = std::string("fuzz/") + kFiles[data[0] % kFileCount];
  std::vector<std::pair<std::string, std::string>> files = {
      {name, std::string(reinterpret_cast<const char*>(data + 1), size - 1)}};
  qg::Result<qg::RuleSet> rules = qg::LoadRulesFromFiles(files);
  if (!rules.ok()) {
    QG_FUZZ_CHECK(rules.status().code() == qg::StatusCode::kRuleError,
                  "a bad rule file gave " + rules.status().ToString());
    QG_FUZZ_CHECK(rules.status().message().rfind(name + ":", 0) == 0,
                  "rule error does not name its file: " + rules.status().message());
    return 0;
  }
  qg::Document doc = qg::MakeDocument("rules-fuzz", kArticle);
  qg::Status s = qg::RunPipeline(rules.value(), qg::Options{}, doc);
  QG_FUZZ_CHECK(s.ok(), s.ToString());
  const std::string check = qg::fuzzing::CheckOutput(doc, qg::ToJson(doc, /*pretty=*/false));
  QG_FUZZ_CHECK(check.empty(), check);
  return 0;
}
