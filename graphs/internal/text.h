// Small text helpers shared by the graph writers and the HTML report.
#pragma once

#include <string>
#include <string_view>

namespace qg::graphs::internal {

// Escapes & < > " ' for HTML, XML and Graphviz HTML-like labels.
inline std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// One line of plain text for a Graphviz escString attribute: white space
// runs become one space and backslashes, which Graphviz would read as escapes
// (\n, \N, \G), become slashes.
inline std::string FlattenForDot(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') c = '/';
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

}  // namespace qg::graphs::internal
