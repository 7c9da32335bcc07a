// The quotegraph binary: parses the command line and hands over to a
// subcommand (cli/commands.h). The only place that exits.
//
// Exit status: 0 all inputs succeeded · 1 some inputs failed · 2 usage error or
// nothing could be processed. Tested by tests/cli_test.sh.
#include <csignal>
#include <CLI/CLI.hpp>
#include <string>

#include "cli/cli_util.h"
#include "cli/commands.h"

#ifndef QG_VERSION
#define QG_VERSION "unknown"
#endif

int main(int argc, char** argv) {
  // A closed pipe becomes EPIPE on write, which the commands end on quietly,
  // instead of a signal that kills the process mid-record.
  std::signal(SIGPIPE, SIG_IGN);

  CLI::App app{"quotegraph: finds quotations in news articles, attributes them to speakers "
               "and draws who-said-what graphs"};
  app.set_version_flag("--version", std::string("quotegraph ") + QG_VERSION);
  std::string rules_dir;
  app.add_option("--rules", rules_dir,
                 "a folder of rule files (.tsv) replacing the built-in ones of the same name")
      ->check(CLI::ExistingDirectory);
  app.require_subcommand(1);

  int exit_code = qg::cli::kExitOk;
  qg::cli::AddExtractCommand(app, &exit_code);
  qg::cli::AddGraphCommand(app, &exit_code);
  qg::cli::AddAuditCommand(app, &exit_code);
  qg::cli::AddCompareCommand(app, &exit_code);
  qg::cli::AddReportCommand(app, &exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);  // prints help, version or the usage error
    return rc == 0 ? qg::cli::kExitOk : qg::cli::kExitUsage;
  }
  return exit_code;
}
