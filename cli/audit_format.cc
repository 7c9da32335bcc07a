// Audit formatting shared by cmd_audit.cc and cmd_compare.cc.
// Tested by tests/graph_cli_test.sh.
#include "cli/audit_format.h"

#include <cstdio>

#include "cli/record_writers.h"

namespace qg::cli {

std::string Ratio(double r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", r);
  return buf;
}

nlohmann::ordered_json AuditJson(const Audit& a, size_t top) {
  nlohmann::ordered_json j;
  j["label"] = a.label();
  j["articles"] = a.articles;
  j["quotes"] = a.quotes;
  j["attributed"] = a.attributed;
  j["unattributed"] = a.unattributed();
  j["named_quotes"] = a.named_quotes;
  j["institutional_quotes"] = a.institutional_quotes;
  j["anonymous_quotes"] = a.anonymous_quotes;
  j["terms"] = a.terms;
  // Rounded like the table so scripts and people see the same number.
  j["named_ratio"] = std::stod(Ratio(a.named_ratio()));
  j["institutional_ratio"] = std::stod(Ratio(a.institutional_ratio()));
  j["anonymous_ratio"] = std::stod(Ratio(a.anonymous_ratio()));
  j["distinct_sources"] = {{"person", a.distinct_sources(SourceKind::kPerson)},
                           {"organization", a.distinct_sources(SourceKind::kOrganization)},
                           {"anonymous", a.distinct_sources(SourceKind::kAnonymous)}};
  nlohmann::ordered_json ts = nlohmann::ordered_json::array();
  for (const SourceTally* t : TopSources(a, top))
    ts.push_back({{"name", t->name},
                  {"kind", SourceKindName(t->kind)},
                  {"quotes", t->quotes},
                  {"articles", t->articles}});
  j["top_sources"] = ts;
  j["anonymous_descriptors"] = a.anonymous_descriptors;
  j["anonymity_reasons"] = a.anonymity_reasons;
  if (a.failed) j["failed"] = a.failed;
  return j;
}

std::vector<std::string> AuditCsvHeader() {
  return {"label", "articles", "quotes", "attributed", "unattributed", "named_quotes",
          "institutional_quotes", "anonymous_quotes", "terms", "named_ratio",
          "institutional_ratio", "anonymous_ratio", "distinct_persons",
          "distinct_organizations", "distinct_anonymous", "top_sources",
          "anonymous_descriptors", "anonymity_reasons"};
}

std::vector<std::string> AuditCsvRow(const Audit& a, size_t top) {
  auto map_text = [](const std::map<std::string, int>& m) {
    std::string s;
    for (const auto& [k, n] : m) s += (s.empty() ? "" : "; ") + k + " (" + std::to_string(n) + ")";
    return s;
  };
  return {a.label(), std::to_string(a.articles), std::to_string(a.quotes),
          std::to_string(a.attributed), std::to_string(a.unattributed()),
          std::to_string(a.named_quotes), std::to_string(a.institutional_quotes),
          std::to_string(a.anonymous_quotes), std::to_string(a.terms), Ratio(a.named_ratio()),
          Ratio(a.institutional_ratio()), Ratio(a.anonymous_ratio()),
          std::to_string(a.distinct_sources(SourceKind::kPerson)),
          std::to_string(a.distinct_sources(SourceKind::kOrganization)),
          std::to_string(a.distinct_sources(SourceKind::kAnonymous)),
          TopSourcesText(a, top, "; "), map_text(a.anonymous_descriptors),
          map_text(a.anonymity_reasons)};
}

std::vector<std::pair<std::string, std::string>> AuditMetrics(const Audit& a) {
  return {{"articles", std::to_string(a.articles)},
          {"quotes", std::to_string(a.quotes)},
          {"attributed", std::to_string(a.attributed)},
          {"unattributed", std::to_string(a.unattributed())},
          {"named quotes", std::to_string(a.named_quotes)},
          {"institutional quotes", std::to_string(a.institutional_quotes)},
          {"anonymous quotes", std::to_string(a.anonymous_quotes)},
          {"named ratio", Ratio(a.named_ratio())},
          {"institutional ratio", Ratio(a.institutional_ratio())},
          {"anonymous ratio", Ratio(a.anonymous_ratio())},
          {"distinct people", std::to_string(a.distinct_sources(SourceKind::kPerson))},
          {"distinct organizations", std::to_string(a.distinct_sources(SourceKind::kOrganization))},
          {"distinct anonymous", std::to_string(a.distinct_sources(SourceKind::kAnonymous))},
          {"terms", std::to_string(a.terms)}};
}

std::string TopSourcesText(const Audit& a, size_t top, const char* sep) {
  std::string s;
  for (const SourceTally* t : TopSources(a, top))
    s += (s.empty() ? "" : sep) + t->name + " (" + SourceKindName(t->kind) + ", " +
         std::to_string(t->quotes) + ")";
  return s;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';
    line += CsvField(fields[i]);
  }
  return line + "\n";
}

}  // namespace qg::cli
