// The subcommands of the quotegraph binary. Each Add*Command registers its
// subcommand, its flags and a callback on `app`; the callback stores the exit
// status in `*exit_code`. Commands only parse flags, call the library and format
// output: no linguistics here.
//
// Exit status (documented in README.md):
//   0 all inputs succeeded · 1 some inputs failed (the rest still processed)
//   2 usage error or nothing could be processed (bad rules, unwritable output)
#pragma once

namespace CLI {
class App;
}

namespace qg::cli {

void AddExtractCommand(CLI::App& app, int* exit_code);
void AddGraphCommand(CLI::App& app, int* exit_code);
void AddAuditCommand(CLI::App& app, int* exit_code);
void AddCompareCommand(CLI::App& app, int* exit_code);
void AddReportCommand(CLI::App& app, int* exit_code);

}  // namespace qg::cli
