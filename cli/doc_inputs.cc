// The shared input loop of the issue-4 subcommands (doc_inputs.h).
// Tested by tests/graph_cli_test.sh.
#include "cli/doc_inputs.h"

#include "cli/cli_util.h"
#include "engine/corpus.h"
#include "engine/pipeline.h"

namespace qg::cli {

int ForEachDocument(const CLI::App& sub, const char* command,
                    const std::vector<std::string>& inputs, const std::string& errors_path,
                    const std::function<bool(Document&)>& fn, int* processed,
                    bool need_text) {
  Result<RuleSet> rules = LoadCliRules(sub);
  if (!rules.ok()) {
    PrintError(command, rules.status().ToString());
    return kExitUsage;
  }
  ErrorLog errors(command);
  if (!errors.Open(errors_path)) return kExitUsage;
  Options options;
  ReaderOptions ropts;
  ropts.max_article_bytes = options.max_article_bytes;
  CorpusReader reader(inputs, ropts);
  InputRecord rec;
  int n = 0;
  while (reader.Next(rec)) {
    if (!rec.status.ok()) {
      errors.Report(rec.file, rec.line, rec.doc.id, rec.status);
      continue;
    }
    if (!rec.warning.empty()) errors.Warn(rec.warning);
    if (rec.processed && need_text) {
      errors.Report(rec.file, rec.line, rec.doc.id,
                    Status(StatusCode::kInvalidArgument,
                           rec.file + ": extract's output holds no article text; give the "
                                      "article itself (.txt or .jsonl with \"text\")"));
      continue;
    }
    if (!rec.processed) {
      Status s = RunPipeline(rules.value(), options, rec.doc);
      if (!s.ok()) {
        std::string where = rec.line > 0 ? rec.file + ":" + std::to_string(rec.line) : rec.file;
        errors.Report(rec.file, rec.line, rec.doc.id, Status(s.code(), where + ": " + s.message()));
        continue;
      }
    }
    ++n;
    if (!fn(rec.doc)) break;
  }
  errors.Finish();
  if (processed) *processed = n;
  return errors.failures() > 0 ? kExitSomeFailed : kExitOk;
}

bool WriteWhole(const char* command, const std::string& path, const std::string& text) {
  Output out;
  if (!out.Open(path)) {
    PrintError(command, "cannot write output: " + out.error());
    return false;
  }
  out.Write(text);
  if (!out.Finish() && !out.broken_pipe()) {
    PrintError(command, "cannot write output: " + out.error());
    return false;
  }
  return true;
}

}  // namespace qg::cli
