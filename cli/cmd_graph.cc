// `quotegraph graph FILE... -o out.{dot,svg,graphml,json}`: who said what.
//
// Inputs are articles (run through the pipeline) or extract's JSONL (already
// processed); all of them go into one graph, merged across articles. The
// format comes from --format or the -o extension (DOT for standard output).
// What the size limits leave out is said on stderr.
//
// Tested by tests/graph_cli_test.sh.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/doc_inputs.h"
#include "graphs/speaker_graph.h"

namespace qg::cli {
namespace {

struct GraphFlags {
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string format;
  std::string layout = "dot";
  std::string errors;
  bool quotes = false;
  bool no_legend = false;
  int min_quotes = 1;
  size_t top = 0;
};

std::string FormatFromPath(const std::string& path) {
  size_t dot = path.rfind('.');
  std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  if (ext == "gv") return "dot";
  if (ext == "dot" || ext == "svg" || ext == "graphml" || ext == "json") return ext;
  return "";
}

int RunGraph(const CLI::App& sub, const GraphFlags& f) {
  constexpr const char* kCmd = "graph";
  std::string format = f.format;
  if (format.empty()) format = f.output == "-" ? "dot" : FormatFromPath(f.output);
  if (format.empty()) {
    PrintError(kCmd, "cannot tell the format from '" + f.output +
                         "': use .dot, .svg, .graphml or .json, or --format");
    return kExitUsage;
  }
  graphs::GraphBuilder builder;
  int n = 0;
  int rc = ForEachDocument(sub, kCmd, f.inputs, f.errors,
                           [&](Document& d) { builder.Add(d); return true; }, &n);
  if (rc == kExitUsage) return rc;
  if (n == 0) {
    PrintError(kCmd, "no article could be processed");
    return kExitUsage;
  }
  graphs::GraphOptions go;
  go.quotes = f.quotes;
  go.min_quotes = f.min_quotes;
  go.top = f.top;
  graphs::BuildReport report;
  graphs::SpeakerGraph g = std::move(builder).Build(go, &report);
  if (report.sources_dropped > 0)
    PrintError(kCmd, "kept " + std::to_string(report.sources_total - report.sources_dropped) +
                         " of " + std::to_string(report.sources_total) + " sources (--top/" +
                         "--min-quotes); left out " + std::to_string(report.sources_dropped) +
                         " sources with " + std::to_string(report.quotes_dropped) + " quotes");
  std::string text;
  if (format == "dot") {
    text = graphs::WriteDot(g, !f.no_legend);
  } else if (format == "graphml") {
    text = graphs::WriteGraphml(g);
  } else if (format == "json") {
    text = graphs::WriteJsonGraph(g);
  } else {
    graphs::RenderOptions ro;
    ro.layout = f.layout == "sfdp" ? graphs::Layout::kSfdp
                : f.layout == "neato" ? graphs::Layout::kNeato : graphs::Layout::kDot;
    ro.legend = !f.no_legend;
    std::vector<std::string> notes;
    Result<std::string> svg = graphs::RenderSvg(g, ro, &notes);
    for (const std::string& note : notes) PrintError(kCmd, note);
    if (!svg.ok()) {
      PrintError(kCmd, svg.status().ToString());
      return kExitUsage;
    }
    text = std::move(svg).value();
  }
  if (!WriteWhole(kCmd, f.output, text)) return kExitUsage;
  return rc;
}

}  // namespace

void AddGraphCommand(CLI::App& app, int* exit_code) {
  auto f = std::make_shared<GraphFlags>();
  CLI::App* sub = app.add_subcommand("graph", "Who-said-what graph of one or more articles");
  sub->add_option("inputs", f->inputs, ".txt articles, .jsonl corpora, extract's JSONL, or -")
      ->required();
  sub->add_option("-o,--output", f->output, "out.dot | out.svg | out.graphml | out.json | - (DOT)");
  sub->add_option("--format", f->format, "dot | svg | graphml | json (default: from -o)")
      ->check(CLI::IsMember({"dot", "svg", "graphml", "json"}));
  sub->add_flag("--quotes", f->quotes, "add a vertex per quote");
  sub->add_option("--min-quotes", f->min_quotes, "leave out sources with fewer quotes")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--top", f->top, "keep only the N sources with most quotes");
  sub->add_option("--layout", f->layout, "SVG layout: dot | sfdp | neato")
      ->check(CLI::IsMember({"dot", "sfdp", "neato"}));
  sub->add_flag("--no-legend", f->no_legend, "leave the legend out");
  sub->add_option("--errors", f->errors, "write one JSONL record per failed input here");
  sub->callback([sub, f, exit_code] { *exit_code = RunGraph(*sub, *f); });
}

}  // namespace qg::cli
