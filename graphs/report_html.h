// The HTML report: one self-contained page for one processed article.
//
// The page holds the article with every quote highlighted and coloured by the
// kind of its source (speaker, cue, rule and confidence on hover, and in a
// side panel on click), the list of sources, the who-said-what SVG inline,
// the audit table and a bar of named / institutional / anonymous shares. It
// loads nothing: no network, no external script, style sheet, font or image,
// so it can be mailed or archived as is.
//
//   qg::Result<std::string> html = qg::graphs::RenderReportHtml(doc, {});
//
// Each sourced quote is one <mark class="quote ..."> element with data-quote
// = its index in doc.quotes; scare quotes are <mark class="term">. So the
// number of mark.quote elements equals the number of non-term quotes
// (summary "quotes"), which tests check in a real browser.
#pragma once

#include <string>
#include <vector>

#include "engine/document.h"
#include "engine/status.h"
#include "graphs/speaker_graph.h"

namespace qg::graphs {

struct ReportOptions {
  RenderOptions render;  // the inline graph
  bool show_quote_nodes = false;
};

// Needs doc.text (an article run through the pipeline, not a bare extract
// record): fails with kInvalidArgument when the text is missing. `notes` gets
// what the graph renderer left out.
Result<std::string> RenderReportHtml(const Document& doc, const ReportOptions& options,
                                     std::vector<std::string>* notes = nullptr);

}  // namespace qg::graphs
