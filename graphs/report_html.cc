// The self-contained HTML report (report_html.h).
//
// The article is written as one pre-wrapped block with <mark> elements
// opened and closed at the quote spans, so paragraph breaks survive without
// splitting a multi-paragraph quote into several marks (one quote, one mark:
// the DOM count must match extract's). Quotes are non-overlapping by the
// Document contract; a quote that overlaps the one before (a broken input) is
// left plain and listed in the page rather than producing crossed tags.
//
// Everything is inline: CSS, a 20-line script for the click panel, the
// Graphviz SVG (its XML prolog and DOCTYPE removed) and the share chart as
// hand-written SVG.
//
// Tested by tests/report_test.cc (Chromium DOM and screenshot).
#include "graphs/report_html.h"

#include <algorithm>
#include <cstdio>

#include "engine/audit.h"
#include "graphs/internal/text.h"

namespace qg::graphs {
namespace {

using internal::EscapeHtml;

const char* kStyle = R"CSS(
body{font:15px/1.5 Georgia,serif;margin:0;color:#222;background:#fafafa}
header,section{max-width:1100px;margin:0 auto;padding:8px 24px}
h1{font:600 22px Helvetica,Arial,sans-serif;margin:16px 0 4px}
h2{font:600 17px Helvetica,Arial,sans-serif;border-bottom:1px solid #ddd;margin-top:28px}
.meta{color:#666;font:13px Helvetica,Arial,sans-serif}
.wrap{display:flex;gap:20px;align-items:flex-start}
.article{white-space:pre-wrap;background:#fff;border:1px solid #e3e3e3;padding:16px;flex:3}
#details{flex:1;position:sticky;top:8px;font:13px Helvetica,Arial,sans-serif;background:#fff;
 border:1px solid #e3e3e3;padding:10px;min-height:80px}
mark{cursor:pointer;border-radius:2px;padding:0 1px}
mark.src-person{background:#dbe9f6;border-bottom:2px solid #2f6fab}
mark.src-organization{background:#fbe5c8;border-bottom:2px solid #b36b00}
mark.src-anonymous{background:#e6e6e6;border-bottom:2px dashed #777}
mark.src-none{background:#fff3a8;border-bottom:2px dotted #b59b00}
mark.term{background:none;border-bottom:1px dotted #999;cursor:help}
mark.selected{outline:2px solid #d33}
table{border-collapse:collapse;font:13px Helvetica,Arial,sans-serif;background:#fff}
td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
td.n{text-align:right}
.key span{display:inline-block;padding:0 6px;margin-right:6px;font:12px Helvetica,Arial,sans-serif}
.graph svg{max-width:100%;height:auto;background:#fff;border:1px solid #e3e3e3}
)CSS";

const char* kScript = R"JS(
document.querySelectorAll('mark.quote').forEach(function(m){
  m.addEventListener('click',function(){
    document.querySelectorAll('mark.selected').forEach(function(x){x.classList.remove('selected');});
    m.classList.add('selected');
    var d=m.dataset, p=document.getElementById('details');
    p.textContent='';
    [['Quote','#'+d.quote+' ('+d.kind+')'],['Speaker',d.speaker],['Source',d.source],
     ['Cue',d.cue],['Channel',d.channel],['Rule',d.rule],['Confidence',d.confidence]]
    .forEach(function(r){var b=document.createElement('div');var s=document.createElement('b');
      s.textContent=r[0]+': ';b.appendChild(s);b.appendChild(document.createTextNode(r[1]||'—'));
      p.appendChild(b);});
  });
});
)JS";

std::string Fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string SourceClass(const Document& doc, const Quote& q) {
  if (q.source < 0 || q.source >= static_cast<int>(doc.sources.size())) return "src-none";
  return std::string("src-") + SourceKindName(doc.sources[q.source].kind);
}

std::string Attr(const char* name, std::string_view value) {
  return std::string(" ") + name + "=\"" + EscapeHtml(value) + "\"";
}

// The article text with one <mark> per quote.
std::string ArticleHtml(const Document& doc, int* skipped) {
  std::vector<size_t> order(doc.quotes.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return doc.quotes[a].span.begin < doc.quotes[b].span.begin;
  });
  std::string out;
  uint32_t pos = 0;
  const uint32_t size = static_cast<uint32_t>(doc.text.size());
  for (size_t i : order) {
    const Quote& q = doc.quotes[i];
    if (q.span.begin < pos || q.span.end > size || q.span.empty()) {
      ++*skipped;
      continue;
    }
    out += EscapeHtml(doc.slice({pos, q.span.begin}));
    const bool term = q.kind == QuoteKind::kTerm;
    std::string source = "unattributed";
    if (q.source >= 0 && q.source < static_cast<int>(doc.sources.size())) {
      const Source& s = doc.sources[q.source];
      source = s.name + " (" + SourceKindName(s.kind) + ")";
    }
    std::string speaker = q.has_speaker ? std::string(doc.slice(q.speaker)) : "";
    std::string cue = q.has_cue ? std::string(doc.slice(q.cue)) : "";
    std::string title = term ? "scare quote / term (not a sourced quote)"
                             : "Source: " + source + (speaker.empty() ? "" : " · speaker: " + speaker) +
                                   (cue.empty() ? "" : " · cue: " + cue) + " · rule: " + q.rule +
                                   " · confidence " + Fixed(q.confidence, 2);
    out += "<mark class=\"" + std::string(term ? "term" : "quote " + SourceClass(doc, q)) + "\"" +
           Attr("data-quote", std::to_string(i)) + Attr("data-kind", QuoteKindName(q.kind)) +
           Attr("data-source", source) + Attr("data-speaker", speaker) + Attr("data-cue", cue) +
           Attr("data-channel", q.channel) + Attr("data-rule", q.rule) +
           Attr("data-confidence", Fixed(q.confidence, 2)) + Attr("title", title) + ">";
    out += EscapeHtml(doc.slice(q.span)) + "</mark>";
    pos = q.span.end;
  }
  out += EscapeHtml(doc.slice({pos, size}));
  return out;
}

std::string SourcesTable(const Document& doc, const Audit& audit) {
  std::vector<int> quotes(doc.sources.size(), 0);
  for (const Quote& q : doc.quotes)
    if (q.kind != QuoteKind::kTerm && q.source >= 0 && q.source < static_cast<int>(quotes.size()))
      ++quotes[q.source];
  (void)audit;
  std::string t = "<table id=\"sources\"><tr><th>Source</th><th>Kind</th><th>Descriptors</th>"
                  "<th>Affiliation</th><th>Reason for anonymity</th><th>Quotes</th></tr>";
  for (size_t i = 0; i < doc.sources.size(); ++i) {
    const Source& s = doc.sources[i];
    std::string desc;
    for (const std::string& d : s.descriptors) desc += (desc.empty() ? "" : "; ") + d;
    if (s.count > 0) desc += (desc.empty() ? "" : "; ") + std::string("count ") + std::to_string(s.count);
    std::string aff = s.affiliation >= 0 && s.affiliation < static_cast<int>(doc.sources.size())
                          ? doc.sources[s.affiliation].name
                          : "";
    t += "<tr class=\"src-" + std::string(SourceKindName(s.kind)) + "\"><td>" + EscapeHtml(s.name) +
         "</td><td>" + SourceKindName(s.kind) + "</td><td>" + EscapeHtml(desc) + "</td><td>" +
         EscapeHtml(aff) + "</td><td>" + EscapeHtml(s.anonymity_reason) + "</td><td class=\"n\">" +
         std::to_string(quotes[i]) + "</td></tr>";
  }
  return t + "</table>";
}

std::string AuditTable(const Audit& a) {
  auto row = [](const std::string& k, const std::string& v) {
    return "<tr><th>" + k + "</th><td class=\"n\">" + v + "</td></tr>";
  };
  std::string t = "<table id=\"audit\">";
  t += row("quotes (terms excluded)", std::to_string(a.quotes));
  t += row("attributed", std::to_string(a.attributed));
  t += row("unattributed", std::to_string(a.unattributed()));
  t += row("named (people)", std::to_string(a.named_quotes) + " · " + Fixed(a.named_ratio(), 3));
  t += row("institutional", std::to_string(a.institutional_quotes) + " · " +
                                Fixed(a.institutional_ratio(), 3));
  t += row("anonymous", std::to_string(a.anonymous_quotes) + " · " + Fixed(a.anonymous_ratio(), 3));
  t += row("distinct people", std::to_string(a.distinct_sources(SourceKind::kPerson)));
  t += row("distinct organisations", std::to_string(a.distinct_sources(SourceKind::kOrganization)));
  t += row("distinct anonymous sources", std::to_string(a.distinct_sources(SourceKind::kAnonymous)));
  t += row("scare quotes (terms)", std::to_string(a.terms));
  for (const auto& [reason, n] : a.anonymity_reasons)
    t += row("reason given: " + EscapeHtml(reason), std::to_string(n));
  return t + "</table>";
}

// A stacked bar of shares, as inline SVG (no chart library).
std::string ShareChart(const Audit& a) {
  const double w = 600;
  struct Part { const char* name; int n; const char* fill; };
  Part parts[] = {{"named", a.named_quotes, "#2f6fab"},
                  {"institutional", a.institutional_quotes, "#b36b00"},
                  {"anonymous", a.anonymous_quotes, "#8a8a8a"}};
  std::string s = "<svg id=\"share-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"620\" "
                  "height=\"70\" role=\"img\" aria-label=\"shares of attributed quotes\">";
  double x = 0;
  for (const Part& p : parts) {
    double pw = a.attributed ? w * p.n / a.attributed : 0;
    double share = a.attributed ? static_cast<double>(p.n) / a.attributed : 0;
    s += "<rect class=\"share\" data-kind=\"" + std::string(p.name) + "\" x=\"" + Fixed(x, 1) +
         "\" y=\"5\" width=\"" + Fixed(pw, 1) + "\" height=\"30\" fill=\"" + p.fill + "\"><title>" +
         p.name + ": " + std::to_string(p.n) + " (" + Fixed(share * 100, 1) + "%)</title></rect>";
    x += pw;
  }
  x = 0;
  for (const Part& p : parts) {
    double share = a.attributed ? static_cast<double>(p.n) / a.attributed : 0;
    s += "<rect x=\"" + Fixed(x, 1) + "\" y=\"48\" width=\"12\" height=\"12\" fill=\"" + p.fill +
         "\"/><text x=\"" + Fixed(x + 16, 1) + "\" y=\"59\" font-family=\"Helvetica\" "
         "font-size=\"12\">" + p.name + " " + Fixed(share * 100, 1) + "%</text>";
    x += 200;
  }
  if (a.attributed == 0)
    s += "<text x=\"8\" y=\"26\" font-size=\"13\">no attributed quotes</text>";
  return s + "</svg>";
}

// Graphviz SVG without its XML prolog, DOCTYPE and comments, for inlining.
std::string InlineSvg(const std::string& svg) {
  size_t at = svg.find("<svg");
  return at == std::string::npos ? svg : svg.substr(at);
}

}  // namespace

Result<std::string> RenderReportHtml(const Document& doc, const ReportOptions& options,
                                     std::vector<std::string>* notes) {
  if (doc.text.empty() && !doc.quotes.empty())
    return Status(StatusCode::kInvalidArgument,
                  doc.id + ": the report needs the article text; give the article (.txt or "
                           ".jsonl with \"text\"), not extract's output");
  Audit audit = AuditDocument(doc);
  GraphBuilder builder;
  builder.Add(doc);
  GraphOptions go;
  go.quotes = options.show_quote_nodes;
  SpeakerGraph graph = std::move(builder).Build(go);
  Result<std::string> svg = RenderSvg(graph, options.render, notes);
  if (!svg.ok()) return svg.status();

  int skipped = 0;
  std::string article = ArticleHtml(doc, &skipped);
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                  "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                  "<title>quotegraph report: " + EscapeHtml(doc.id) + "</title><style>" +
                  kStyle + "</style></head><body>\n";
  h += "<header><h1>Who said what: " + EscapeHtml(doc.id) + "</h1><div class=\"meta\">";
  for (const auto& [k, v] : doc.metadata)
    if (k != "text") h += EscapeHtml(k) + ": " + EscapeHtml(MetadataValue(doc, k)) + " · ";
  h += std::to_string(audit.quotes) + " quotes, " + std::to_string(audit.attributed) +
       " attributed, anonymous ratio " + Fixed(audit.anonymous_ratio(), 3) + "</div>";
  h += "<div class=\"key\"><span class=\"src\" style=\"background:#dbe9f6\">person</span>"
       "<span style=\"background:#fbe5c8\">organization</span>"
       "<span style=\"background:#e6e6e6\">anonymous</span>"
       "<span style=\"background:#fff3a8\">unattributed</span>"
       "<span style=\"border-bottom:1px dotted #999\">scare quote</span> — hover a quote for its "
       "speaker, click it for details</div></header>\n";
  h += "<section><h2>Article</h2><div class=\"wrap\"><div class=\"article\" id=\"article\">" +
       article + "</div><aside id=\"details\">Click a highlighted quote.</aside></div>";
  if (skipped)
    h += "<p class=\"meta\">" + std::to_string(skipped) +
         " quote(s) overlap another and are not highlighted.</p>";
  h += "</section>\n<section><h2>Sources</h2>" + SourcesTable(doc, audit) + "</section>\n";
  h += "<section><h2>Who said what</h2><div class=\"graph\">" + InlineSvg(svg.value()) +
       "</div></section>\n";
  h += "<section><h2>Sourcing audit</h2>" + AuditTable(audit) +
       "<h2>Shares of attributed quotes</h2>" + ShareChart(audit) + "</section>\n";
  h += "<script>" + std::string(kScript) + "</script></body></html>\n";
  return h;
}

}  // namespace qg::graphs
