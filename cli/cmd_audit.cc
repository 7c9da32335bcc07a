// `quotegraph audit FILE...`: sourcing metrics per article (or per group of a
// metadata field) and in total.
//
// Per-article rows are written as each article is processed, so a corpus
// streams; with --group-by only the groups (few: outlets, dates) are kept.
// JSON output: {"group_by": FIELD|null, "rows": [audit...], "total": audit},
// each audit as cli/audit_format.h documents.
//
// Tested by tests/graph_cli_test.sh.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "cli/audit_format.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/doc_inputs.h"

namespace qg::cli {
namespace {

struct AuditFlags {
  std::vector<std::string> inputs;
  std::string group_by;
  std::string format;
  std::string output;
  std::string errors;
  size_t top = 5;
  bool total_only = false;
};

// Fixed-width table rows; the label column is cut to fit.
std::string TableRow(const std::vector<std::string>& cells) {
  static const size_t kWidths[] = {30, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 8};
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string c = i == 0 ? Truncate(cells[i], kWidths[0] - 1) : cells[i];
    size_t w = DisplayWidth(c);
    size_t want = i < std::size(kWidths) ? kWidths[i] : 8;
    if (i == 0) line += c + std::string(want > w ? want - w : 1, ' ');
    else line += std::string(want > w ? want - w : 1, ' ') + c;
  }
  return line + "\n";
}

std::vector<std::string> TableCells(const Audit& a) {
  return {a.label(), std::to_string(a.quotes), std::to_string(a.attributed),
          std::to_string(a.unattributed()), std::to_string(a.named_quotes),
          std::to_string(a.institutional_quotes), std::to_string(a.anonymous_quotes),
          Ratio(a.named_ratio()), Ratio(a.institutional_ratio()), Ratio(a.anonymous_ratio()),
          std::to_string(a.distinct_sources(SourceKind::kPerson)) + "/" +
              std::to_string(a.distinct_sources(SourceKind::kOrganization)),
          std::to_string(a.distinct_sources(SourceKind::kAnonymous))};
}

std::string TableDetails(const Audit& a, size_t top) {
  std::string s = "\nTop sources (" + a.label() + "): " +
                  (a.sources.empty() ? "none" : TopSourcesText(a, top, "; ")) + "\n";
  s += "Anonymous descriptors:";
  if (a.anonymous_descriptors.empty()) s += " none";
  for (const auto& [d, n] : a.anonymous_descriptors)
    s += "\n  " + d + " (" + std::to_string(n) + (n == 1 ? " quote)" : " quotes)");
  s += "\nReasons given for anonymity:";
  if (a.anonymity_reasons.empty()) s += " none";
  for (const auto& [r, n] : a.anonymity_reasons)
    s += "\n  " + r + " (" + std::to_string(n) + (n == 1 ? " source)" : " sources)");
  return s + "\n";
}

int RunAudit(const CLI::App& sub, const AuditFlags& f) {
  constexpr const char* kCmd = "audit";
  Output out;
  if (!out.Open(f.output)) {
    PrintError(kCmd, "cannot write output: " + out.error());
    return kExitUsage;
  }
  std::string format = f.format;
  if (format.empty()) {
    Format d = DefaultFormat(f.output, out.is_terminal());
    format = d == Format::kCsv ? "csv" : d == Format::kTable ? "table" : "json";
  }
  const bool grouped = !f.group_by.empty();
  const bool stream_rows = !grouped && !f.total_only;
  GroupedAudit groups(f.group_by);
  Audit total("total");
  bool first = true;
  auto emit = [&](const Audit& a) {
    if (format == "json") {
      out.Write(std::string(first ? "\n  " : ",\n  ") + AuditJson(a, f.top).dump(
                    -1, ' ', false, nlohmann::json::error_handler_t::replace));
    } else if (format == "csv") {
      out.Write(CsvLine(AuditCsvRow(a, f.top)));
    } else {
      out.Write(TableRow(TableCells(a)));
    }
    first = false;
    return !out.broken_pipe();
  };
  const std::vector<std::string> kHead = {grouped ? f.group_by : "article", "quotes", "attrib",
                                          "unattr", "named", "inst", "anon", "named%", "inst%",
                                          "anon%", "ppl/org", "anon_src"};
  if (format == "json")
    out.Write(std::string("{\"group_by\": ") +
              (grouped ? nlohmann::json(f.group_by).dump() : "null") + ", \"rows\": [");
  else if (format == "csv") out.Write(CsvLine(AuditCsvHeader()));
  else out.Write(TableRow(kHead));

  int rc = ForEachDocument(sub, kCmd, f.inputs, f.errors, [&](Document& d) {
    if (grouped) {
      groups.Add(d);
      return true;
    }
    Audit a = AuditDocument(d);
    total.Merge(a);
    return stream_rows ? emit(a) : true;
  });
  if (rc == kExitUsage) return rc;
  if (grouped) {
    for (const Audit& g : groups.groups()) emit(g);
    total = groups.total();
  }
  if (format == "json") {
    out.Write(std::string(first ? "" : "\n") + "],\n\"total\": " +
              AuditJson(total, f.top).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
              "}\n");
  } else if (format == "csv") {
    out.Write(CsvLine(AuditCsvRow(total, f.top)));
  } else {
    out.Write(std::string(109, '-') + "\n");  // the width of a TableRow
    out.Write(TableRow(TableCells(total)) + TableDetails(total, f.top));
  }
  out.Finish();
  if (out.broken_pipe()) return kExitOk;
  if (!out.error().empty()) {
    PrintError(kCmd, "cannot write output: " + out.error());
    return kExitUsage;
  }
  return rc;
}

}  // namespace

void AddAuditCommand(CLI::App& app, int* exit_code) {
  auto f = std::make_shared<AuditFlags>();
  CLI::App* sub = app.add_subcommand("audit", "Sourcing metrics per article and in total");
  sub->add_option("inputs", f->inputs, ".txt articles, .jsonl corpora, extract's JSONL, or -")
      ->required();
  sub->add_option("--group-by", f->group_by,
                  "one row per value of this JSONL metadata field (outlet, date)");
  sub->add_option("-f,--format", f->format, "table | csv | json (default: table on a terminal)")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  sub->add_option("-o,--output", f->output, "write here instead of standard output");
  sub->add_option("--top", f->top, "how many top sources to list (0 = all)");
  sub->add_flag("--total", f->total_only, "print only the total");
  sub->add_option("--errors", f->errors, "write one JSONL record per failed input here");
  sub->callback([sub, f, exit_code] { *exit_code = RunAudit(*sub, *f); });
}

}  // namespace qg::cli
