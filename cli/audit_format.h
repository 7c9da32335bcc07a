// Formatting of audits for `audit` and `compare`: JSON objects, CSV rows and
// table cells. The numbers come from engine/audit.h; nothing is computed here.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/audit.h"

namespace qg::cli {

// "0.421": ratios are printed with three decimals everywhere.
std::string Ratio(double r);

// {"label", "articles", "quotes", "attributed", "unattributed", "named_quotes",
//  "institutional_quotes", "anonymous_quotes", "terms", "named_ratio",
//  "institutional_ratio", "anonymous_ratio", "distinct_sources": {...},
//  "top_sources": [{"name", "kind", "quotes", "articles"}],
//  "anonymous_descriptors": {...}, "anonymity_reasons": {...}}
nlohmann::ordered_json AuditJson(const Audit& a, size_t top);

// The CSV columns, and one audit as a row (top sources as "name (n); ...").
std::vector<std::string> AuditCsvHeader();
std::vector<std::string> AuditCsvRow(const Audit& a, size_t top);

// Named metric rows for tables: {"quotes", "12"}, {"anonymous ratio", "0.421"}...
std::vector<std::pair<std::string, std::string>> AuditMetrics(const Audit& a);

// "John Kirby (person) 3" lines for the top sources.
std::string TopSourcesText(const Audit& a, size_t top, const char* sep);

// Joins CSV fields into one line ending in "\n".
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace qg::cli
