// `quotegraph compare A B [...]`: sourcing side by side.
//
// Columns are the articles read (or, with --group-by, the values of a
// metadata field, e.g. outlets). For each: the audit metrics, the difference
// of each ratio from the first column, then the sources shared between
// columns (by normalised identity, engine/audit.h Compare) and those unique
// to each. Anonymous sources are never shared: they cannot be known to be the
// same people.
//
// Tested by tests/graph_cli_test.sh.
#include <unistd.h>

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

struct CompareFlags {
  std::vector<std::string> inputs;
  std::string group_by;
  std::string format;
  std::string output;
  std::string errors;
  size_t top = 5;
};

std::string Signed(double d) { return (d >= 0 ? "+" : "") + Ratio(d); }

std::string Pad(const std::string& s, size_t w, bool right) {
  std::string c = Truncate(s, w - 1);
  size_t n = DisplayWidth(c);
  std::string pad(w > n ? w - n : 1, ' ');
  return right ? pad + c : c + pad;
}

std::string Table(const Comparison& c) {
  const size_t kFirst = 26, kCol = 18;
  std::string s = Pad("", kFirst, false);
  for (const Audit* a : c.audits) s += Pad(a->label(), kCol, true);
  s += "\n";
  std::vector<std::vector<std::pair<std::string, std::string>>> m;
  for (const Audit* a : c.audits) m.push_back(AuditMetrics(*a));
  for (size_t r = 0; r < m[0].size(); ++r) {
    s += Pad(m[0][r].first, kFirst, false);
    for (const auto& col : m) s += Pad(col[r].second, kCol, true);
    s += "\n";
  }
  const std::pair<const char*, const std::vector<double>*> diffs[] = {
      {"Δ named ratio", &c.named_ratio_diff},
      {"Δ institutional ratio", &c.institutional_ratio_diff},
      {"Δ anonymous ratio", &c.anonymous_ratio_diff}};
  for (const auto& [name, v] : diffs) {
    s += Pad(std::string(name) + " vs 1st", kFirst, false);
    for (size_t i = 0; i < v->size(); ++i) s += Pad(i ? Signed((*v)[i]) : "—", kCol, true);
    s += "\n";
  }
  s += "\nShared sources (" + std::to_string(c.shared.size()) + "):";
  if (c.shared.empty()) s += " none";
  for (const SharedSource& x : c.shared) {
    s += "\n  " + Pad(x.name + " (" + SourceKindName(x.kind) + ")", kFirst + 10, false);
    for (int q : x.quotes) s += Pad(std::to_string(q), 6, true);
  }
  for (size_t i = 0; i < c.audits.size(); ++i) {
    s += "\nOnly in " + c.audits[i]->label() + " (" + std::to_string(c.unique[i].size()) + "):";
    if (c.unique[i].empty()) s += " none";
    for (const SharedSource& x : c.unique[i])
      s += "\n  " + x.name + " (" + SourceKindName(x.kind) + ", " + std::to_string(x.quotes[i]) + ")";
  }
  return s + "\n";
}

nlohmann::ordered_json SourceJson(const SharedSource& x) {
  return {{"name", x.name}, {"kind", SourceKindName(x.kind)}, {"quotes", x.quotes}};
}

std::string Json(const Comparison& c, size_t top) {
  nlohmann::ordered_json j;
  j["columns"] = nlohmann::ordered_json::array();
  j["audits"] = nlohmann::ordered_json::array();
  j["ratio_differences"] = nlohmann::ordered_json::array();
  for (size_t i = 0; i < c.audits.size(); ++i) {
    j["columns"].push_back(c.audits[i]->label());
    j["audits"].push_back(AuditJson(*c.audits[i], top));
    j["ratio_differences"].push_back({{"label", c.audits[i]->label()},
                                      {"named", std::stod(Ratio(c.named_ratio_diff[i]))},
                                      {"institutional", std::stod(Ratio(c.institutional_ratio_diff[i]))},
                                      {"anonymous", std::stod(Ratio(c.anonymous_ratio_diff[i]))}});
  }
  j["shared"] = nlohmann::ordered_json::array();
  for (const SharedSource& x : c.shared) j["shared"].push_back(SourceJson(x));
  j["unique"] = nlohmann::ordered_json::object();
  for (size_t i = 0; i < c.audits.size(); ++i) {
    auto& u = j["unique"][c.audits[i]->label()] = nlohmann::ordered_json::array();
    for (const SharedSource& x : c.unique[i]) u.push_back(SourceJson(x));
  }
  return j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// CSV: one row per metric, ratio difference and source; a column per audit.
std::string Csv(const Comparison& c) {
  std::vector<std::string> head = {"row", "type"};
  for (const Audit* a : c.audits) head.push_back(a->label());
  std::string s = CsvLine(head);
  std::vector<std::vector<std::pair<std::string, std::string>>> m;
  for (const Audit* a : c.audits) m.push_back(AuditMetrics(*a));
  for (size_t r = 0; r < m[0].size(); ++r) {
    std::vector<std::string> row = {m[0][r].first, "metric"};
    for (const auto& col : m) row.push_back(col[r].second);
    s += CsvLine(row);
  }
  const std::pair<const char*, const std::vector<double>*> diffs[] = {
      {"named ratio", &c.named_ratio_diff},
      {"institutional ratio", &c.institutional_ratio_diff},
      {"anonymous ratio", &c.anonymous_ratio_diff}};
  for (const auto& [name, v] : diffs) {
    std::vector<std::string> row = {name, "difference vs first"};
    for (double d : *v) row.push_back(Ratio(d));
    s += CsvLine(row);
  }
  auto source_row = [&](const SharedSource& x, const char* type) {
    std::vector<std::string> row = {x.name, std::string(type) + " " + SourceKindName(x.kind)};
    for (int q : x.quotes) row.push_back(std::to_string(q));
    s += CsvLine(row);
  };
  for (const SharedSource& x : c.shared) source_row(x, "shared");
  for (const auto& u : c.unique)
    for (const SharedSource& x : u) source_row(x, "unique");
  return s;
}

int RunCompare(const CLI::App& sub, const CompareFlags& f) {
  constexpr const char* kCmd = "compare";
  GroupedAudit groups(f.group_by);  // empty field: one group per article id
  int rc = ForEachDocument(sub, kCmd, f.inputs, f.errors, [&](Document& d) {
    groups.Add(d);
    return true;
  });
  if (rc == kExitUsage) return rc;
  if (groups.groups().size() < 2) {
    PrintError(kCmd, "need at least two articles (or groups) to compare; got " +
                         std::to_string(groups.groups().size()));
    return kExitUsage;
  }
  std::vector<const Audit*> audits;
  for (const Audit& a : groups.groups()) audits.push_back(&a);
  Comparison c = Compare(audits);
  std::string format = f.format;
  if (format.empty()) {
    Format d = DefaultFormat(f.output, isatty(1));
    format = d == Format::kCsv ? "csv" : d == Format::kTable ? "table" : "json";
  }
  std::string text = format == "json" ? Json(c, f.top) : format == "csv" ? Csv(c) : Table(c);
  if (!WriteWhole(kCmd, f.output, text)) return kExitUsage;
  return rc;
}

}  // namespace

void AddCompareCommand(CLI::App& app, int* exit_code) {
  auto f = std::make_shared<CompareFlags>();
  CLI::App* sub = app.add_subcommand("compare", "Sourcing side by side: metrics, shared and "
                                                "unique sources");
  sub->add_option("inputs", f->inputs, "two or more articles (.txt, .jsonl, extract's JSONL, -)")
      ->required();
  sub->add_option("--group-by", f->group_by, "compare values of a metadata field (outlet)");
  sub->add_option("-f,--format", f->format, "table | csv | json (default: table on a terminal)")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  sub->add_option("-o,--output", f->output, "write here instead of standard output");
  sub->add_option("--top", f->top, "top sources listed per audit in JSON (0 = all)");
  sub->add_option("--errors", f->errors, "write one JSONL record per failed input here");
  sub->callback([sub, f, exit_code] { *exit_code = RunCompare(*sub, *f); });
}

}  // namespace qg::cli
