// TEMPORARY (owner: the foundation/IO engineer). Placeholders for the issue-4
// subcommands so the binary links before cli/cmd_graph.cc, cmd_audit.cc,
// cmd_compare.cc and cmd_report.cc exist.
// TO THE ISSUE-4 ENGINEER: when your files land, delete this file and replace
// `cmd_stubs.cc` in cli/CMakeLists.txt with your sources. Delete only the stubs
// you replace if you land them one at a time.
#include <CLI/CLI.hpp>
#include <string>

#include "cli/cli_util.h"
#include "cli/commands.h"

namespace qg::cli {
namespace {

void AddStub(CLI::App& app, const std::string& name, const std::string& what, int* exit_code) {
  CLI::App* sub = app.add_subcommand(name, what + " (not implemented yet)");
  sub->allow_extras();
  sub->callback([name, exit_code] {
    PrintError(name, "not implemented yet");
    *exit_code = kExitUsage;
  });
}

}  // namespace

void AddGraphCommand(CLI::App& app, int* exit_code) {
  AddStub(app, "graph", "Who-said-what graph", exit_code);
}
void AddAuditCommand(CLI::App& app, int* exit_code) {
  AddStub(app, "audit", "Sourcing metrics per article and in total", exit_code);
}
void AddCompareCommand(CLI::App& app, int* exit_code) {
  AddStub(app, "compare", "Sourcing side by side", exit_code);
}
void AddReportCommand(CLI::App& app, int* exit_code) {
  AddStub(app, "report", "One self-contained HTML page", exit_code);
}

}  // namespace qg::cli
