// `quotegraph report FILE -o report.html`: one self-contained HTML page.
//
// The page needs the article text, so FILE is an article (.txt, - or a .jsonl
// corpus with "text"); with several articles, --id picks one (default: the
// first, and the others are named on stderr as skipped).
//
// Tested by tests/graph_cli_test.sh and tests/report_test.cc.
#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/doc_inputs.h"
#include "graphs/report_html.h"

namespace qg::cli {
namespace {

struct ReportFlags {
  std::vector<std::string> inputs;
  std::string output;
  std::string id;
  std::string layout = "dot";
  std::string errors;
  bool quotes = false;
};

int RunReport(const CLI::App& sub, const ReportFlags& f) {
  constexpr const char* kCmd = "report";
  std::optional<Document> chosen;
  int skipped = 0;
  int rc = ForEachDocument(sub, kCmd, f.inputs, f.errors, [&](Document& d) {
    if (chosen || (!f.id.empty() && d.id != f.id)) {
      ++skipped;
    } else {
      chosen = std::move(d);
    }
    return true;
  }, nullptr, /*need_text=*/true);
  if (rc == kExitUsage) return rc;
  if (!chosen) {
    PrintError(kCmd, f.id.empty() ? "no article could be processed"
                                  : "no article with id '" + f.id + "'");
    return kExitUsage;
  }
  if (skipped > 0 && f.id.empty())
    PrintError(kCmd, "reporting on '" + chosen->id + "'; " + std::to_string(skipped) +
                         " other article(s) skipped (choose one with --id)");
  graphs::ReportOptions ro;
  ro.show_quote_nodes = f.quotes;
  ro.render.layout = f.layout == "sfdp" ? graphs::Layout::kSfdp
                     : f.layout == "neato" ? graphs::Layout::kNeato : graphs::Layout::kDot;
  std::vector<std::string> notes;
  Result<std::string> html = graphs::RenderReportHtml(*chosen, ro, &notes);
  for (const std::string& n : notes) PrintError(kCmd, n);
  if (!html.ok()) {
    PrintError(kCmd, html.status().ToString());
    return kExitUsage;
  }
  if (!WriteWhole(kCmd, f.output, html.value())) return kExitUsage;
  return rc;
}

}  // namespace

void AddReportCommand(CLI::App& app, int* exit_code) {
  auto f = std::make_shared<ReportFlags>();
  CLI::App* sub = app.add_subcommand("report", "One self-contained HTML page: highlighted "
                                               "article, graph, audit");
  sub->add_option("inputs", f->inputs, "an article: .txt, .jsonl (see --id) or -")->required();
  sub->add_option("-o,--output", f->output, "the HTML file (- for standard output)")->required();
  sub->add_option("--id", f->id, "the article to report on in a .jsonl corpus");
  sub->add_option("--layout", f->layout, "graph layout: dot | sfdp | neato")
      ->check(CLI::IsMember({"dot", "sfdp", "neato"}));
  sub->add_flag("--quotes", f->quotes, "show quote vertices in the graph");
  sub->add_option("--errors", f->errors, "write one JSONL record per failed input here");
  sub->callback([sub, f, exit_code] { *exit_code = RunReport(*sub, *f); });
}

}  // namespace qg::cli
