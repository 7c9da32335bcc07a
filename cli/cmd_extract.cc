// `quotegraph extract FILE...|-`: quotes and sources of each article.
//
// Reads inputs as a stream (engine/corpus.h) and runs the pipeline on
// --threads workers (engine/corpus_runner.h), which also format each record;
// records are written in input order as soon as they are ready, so a corpus of
// any size runs in flat memory and `| head` sees output straight away. A bad
// input is reported (stderr, --errors) and skipped; the exit status says
// whether any failed. A progress line goes to stderr when it is a terminal.
//
// Tested by tests/cli_test.sh.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/record_writers.h"
#include "engine/corpus.h"
#include "engine/corpus_runner.h"
#include "engine/pipeline.h"

namespace qg::cli {
namespace {

struct ExtractFlags {
  std::vector<std::string> inputs;
  std::string format;
  std::string output;
  std::string errors;
  bool no_terms = false;
  int threads = 0;  // 0: all cores
};

// A lone .txt file is one article: json prints it as a bare object. Anything
// that may hold several (a .jsonl, a directory, stdin, several paths) prints
// an array, whatever the count turns out to be.
bool IsSingleArticle(const std::vector<std::string>& inputs) {
  if (inputs.size() != 1 || inputs[0] == "-") return false;
  const std::string& p = inputs[0];
  if (p.size() >= 6 && p.compare(p.size() - 6, 6, ".jsonl") == 0) return false;
  std::error_code ec;
  return !std::filesystem::is_directory(p, ec);
}

int RunExtract(const CLI::App& sub, const ExtractFlags& flags) {
  constexpr const char* kCmd = "extract";
  Result<RuleSet> rules = LoadCliRules(sub);
  if (!rules.ok()) {
    PrintError(kCmd, rules.status().ToString());
    return kExitUsage;
  }
  const bool sqlite = flags.format == "sqlite" ||
                     (flags.format.empty() && DefaultFormat(flags.output, false) == Format::kSqlite);
  if (sqlite && (flags.output.empty() || flags.output == "-")) {
    PrintError(kCmd, "--format sqlite needs -o FILE (a database file)");
    return kExitUsage;
  }
  // A database is written by its own writer; `out` then stays on stdout, unused.
  Output out;
  if (!out.Open(sqlite ? "" : flags.output)) {
    PrintError(kCmd, "cannot write output: " + out.error());
    return kExitUsage;
  }
  Format format = sqlite               ? Format::kSqlite
                  : flags.format.empty() ? DefaultFormat(flags.output, out.is_terminal())
                                         : *ParseFormat(flags.format);
  ErrorLog errors(kCmd);
  if (!errors.Open(flags.errors)) return kExitUsage;

  Options options;
  options.keep_terms = !flags.no_terms;
  WriterOptions wopts;
  wopts.single_article = IsSingleArticle(flags.inputs);
  wopts.width = out.is_terminal() ? TerminalWidth(120) : 120;
  std::string writer_error;
  std::unique_ptr<RecordWriter> writer = sqlite ? MakeSqliteWriter(flags.output, &writer_error)
                                                : MakeRecordWriter(format, out, wopts);
  if (!writer) {
    PrintError(kCmd, "cannot write output: " + writer_error);
    return kExitUsage;
  }

  ReaderOptions ropts;
  ropts.max_article_bytes = options.max_article_bytes;
  CorpusReader reader(flags.inputs, ropts);
  RunnerOptions runner;
  runner.threads = flags.threads;
  if (writer->renders_in_parallel()) {
    runner.render = [&writer](CorpusItem& item) { item.rendered = writer->Render(item.record.doc); };
  }
  ProgressLine progress(flags.inputs);
  if (progress.enabled()) runner.progress = [&progress](const RunnerProgress& p) { progress.Show(p); };

  bool writing = writer->Begin();
  auto sink = [&](CorpusItem& item) {
    const InputRecord& rec = item.record;
    if (!rec.status.ok()) {
      errors.Report(rec.file, rec.line, rec.doc.id, rec.status);
      return true;
    }
    if (!rec.warning.empty()) errors.Warn(rec.warning);
    if (!item.status.ok()) {
      errors.Report(rec.file, rec.line, rec.doc.id, item.status);
      return true;
    }
    writing = runner.render ? writer->WriteRendered(item.rendered) : writer->Record(rec.doc);
    return writing;
  };
  if (writing) progress.Finish(RunCorpus(reader, rules.value(), options, runner, sink));
  if (writing) writing = writer->End();
  out.Finish();
  if (!writer->error().empty()) {
    PrintError(kCmd, "cannot write output: " + writer->error());
    return kExitUsage;
  }
  errors.Finish();
  // A reader that went away (`| head`) got what it wanted: not an error.
  if (out.broken_pipe()) return kExitOk;
  if (!out.error().empty()) {
    PrintError(kCmd, "cannot write output: " + out.error());
    return kExitUsage;
  }
  return errors.failures() > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* sub = app.add_subcommand("extract", "Find quotes and their sources in articles");
  sub->add_option("inputs", flags->inputs,
                  ".txt files, .jsonl corpora, directories of them, or - for standard input")
      ->required();
  sub->add_option("-f,--format", flags->format,
                  "json | jsonl | csv | table | sqlite (default: table on a terminal, else json; "
                  "with -o, from the file's extension: .db and .sqlite mean sqlite)")
      ->check(CLI::IsMember({"json", "jsonl", "csv", "table", "sqlite"}));
  sub->add_option("-o,--output", flags->output, "write here instead of standard output");
  sub->add_option("--errors", flags->errors, "write one JSONL record per failed input here");
  sub->add_flag("--no-terms", flags->no_terms, "leave scare quotes (kind \"term\") out");
  sub->add_option("-j,--threads", flags->threads,
                  "worker threads (default: all cores); output stays in input order")
      ->check(CLI::NonNegativeNumber);
  sub->callback([sub, flags, exit_code] { *exit_code = RunExtract(*sub, *flags); });
}

}  // namespace qg::cli
