// DOT output through libcgraph, with the visual grammar of the diagrams.
//
// Why a custom ID discipline: cgraph's default one uses the address of the
// interned name as a named object's ID and orders subgraphs by ID, so the
// order of article clusters in agwrite's output would follow heap addresses.
// Handing out IDs in creation order makes the output a pure function of the
// SpeakerGraph, which the golden tests rely on. Output goes to a std::string
// through an I/O discipline rather than a temporary FILE.
//
// Visual grammar (README.md "Reading the diagram"): person = blue ellipse,
// organisation = orange box, anonymous = grey dashed ellipse, article = note,
// quote = small rounded box; "said" edges get wider and are labelled with the
// quote count; "affiliated" edges are dashed with an open arrow; descriptors
// are printed under names; the legend is the graph's own label, so it adds no
// vertices that a reader of the DOT would mistake for sources.
//
// Tested by tests/speaker_graph_test.cc (golden DOT) and tests/graph_clients_test.cc.
#include <graphviz/cgraph.h>

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/audit.h"
#include "graphs/internal/graph_impl.h"
#include "graphs/internal/text.h"

namespace qg::graphs {
namespace {

using internal::EscapeHtml;
using internal::FlattenForDot;

// ---- cgraph disciplines -------------------------------------------------

// Names are interned with agstrdup because agwrite inspects the interned
// string's header (its HTML flag) behind the pointer that print returns.
struct IdState {
  Agraph_t* root = nullptr;
  std::vector<char*> names;  // ID 2*(i+1) names names[i]
  std::unordered_map<std::string, IDTYPE> ids;
  IDTYPE anonymous = 1;  // odd IDs: unnamed objects (edges)
};

void* IdOpen(Agraph_t* g, Agdisc_t*) {
  auto* s = new IdState;
  s->root = g;
  return s;
}
long IdMap(void* state, int, char* str, IDTYPE* id, int create) {
  auto* s = static_cast<IdState*>(state);
  if (!str) {
    *id = s->anonymous;
    s->anonymous += 2;
    return 1;
  }
  auto it = s->ids.find(str);
  if (it != s->ids.end()) {
    *id = it->second;
    return 1;
  }
  if (!create) return 0;
  s->names.push_back(agstrdup(s->root, str));
  *id = 2 * s->names.size();
  s->ids.emplace(str, *id);
  return 1;
}
long IdAlloc(void*, int, IDTYPE) { return 0; }  // no caller-chosen IDs
void IdFree(void*, int, IDTYPE) {}
char* IdPrint(void* state, int, IDTYPE id) {
  auto* s = static_cast<IdState*>(state);
  if (id % 2 == 1 || id / 2 == 0 || id / 2 > s->names.size()) return nullptr;
  return s->names[id / 2 - 1];
}
// The interned names go with the graph's string dictionary.
void IdClose(void* state) { delete static_cast<IdState*>(state); }
void IdRegister(void*, int, void*) {}

Agiddisc_t kIdDisc = {IdOpen, IdMap, IdAlloc, IdFree, IdPrint, IdClose, IdRegister};

int IoRead(void*, char*, int) { return 0; }
int IoPut(void* chan, const char* str) {
  static_cast<std::string*>(chan)->append(str);
  return 0;
}
int IoFlush(void*) { return 0; }
Agiodisc_t kIoDisc = {IoRead, IoPut, IoFlush};

// ---- attribute helpers ---------------------------------------------------

char* C(const std::string& s) { return const_cast<char*>(s.c_str()); }

void Set(void* obj, const char* name, const std::string& value) {
  agsafeset(obj, const_cast<char*>(name), C(value), const_cast<char*>(""));
}

void SetHtml(Agraph_t* root, void* obj, const char* name, const std::string& html) {
  std::string copy = html;
  agsafeset(obj, const_cast<char*>(name), agstrdup_html(root, C(copy)), const_cast<char*>(""));
}

// Word-wraps at spaces so quote labels stay narrow; never splits a UTF-8 char.
std::string Wrap(const std::string& text, size_t width) {
  std::string out, line;
  size_t start = 0;
  while (start <= text.size()) {
    size_t sp = text.find(' ', start);
    std::string word = text.substr(start, sp == std::string::npos ? std::string::npos : sp - start);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += line + "\\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    if (sp == std::string::npos) break;
    start = sp + 1;
  }
  return out + line;
}

std::string SourceLabel(const Node& n) {
  std::string html = "<b>" + EscapeHtml(n.label) + "</b>";
  std::vector<std::string> lines;
  // "a senior administration official" needs no "senior administration official" under it.
  std::string name = NormalizeSourceName(n.label);
  for (const std::string& d : n.descriptors)
    if (name.find(NormalizeSourceName(d)) == std::string::npos) lines.push_back(d);
  if (n.kind == NodeKind::kAnonymous && n.count > 1)
    lines.push_back("group of " + std::to_string(n.count));
  if (!n.anonymity_reason.empty()) lines.push_back("(" + n.anonymity_reason + ")");
  for (const std::string& l : lines)
    html += "<br/><font point-size=\"9\">" + EscapeHtml(l) + "</font>";
  return html;
}

std::string Tooltip(const Node& n) {
  std::string t = FlattenForDot(n.label);
  if (n.kind != NodeKind::kArticle && n.kind != NodeKind::kQuote)
    t += " — " + std::to_string(n.quotes) + (n.quotes == 1 ? " quote" : " quotes");
  for (const std::string& q : n.quote_texts) t += "\\n“" + FlattenForDot(q) + "”";
  return t;
}

const char* kLegend =
    "<table border=\"0\" cellborder=\"1\" cellspacing=\"4\" cellpadding=\"3\">"
    "<tr><td border=\"0\"><b>Legend</b></td>"
    "<td bgcolor=\"#dbe9f6\" color=\"#2f6fab\" style=\"rounded\">person (ellipse)</td>"
    "<td bgcolor=\"#fbe5c8\" color=\"#b36b00\">organization (box)</td>"
    "<td bgcolor=\"#eeeeee\" color=\"#777777\" style=\"dashed\"><font color=\"#555555\">"
    "anonymous (grey, dashed)</font></td>"
    "<td border=\"0\">edge width and label = quotes · dashed edge = affiliated with</td>"
    "</tr></table>";

void StyleNode(Agraph_t* root, Agnode_t* an, const Node& n) {
  switch (n.kind) {
    case NodeKind::kPerson:
      Set(an, "shape", "ellipse");
      Set(an, "fillcolor", "#dbe9f6");
      Set(an, "color", "#2f6fab");
      break;
    case NodeKind::kOrganization:
      Set(an, "shape", "box");
      Set(an, "fillcolor", "#fbe5c8");
      Set(an, "color", "#b36b00");
      break;
    case NodeKind::kAnonymous:
      Set(an, "shape", "ellipse");
      Set(an, "style", "dashed,filled");
      Set(an, "fillcolor", "#eeeeee");
      Set(an, "color", "#777777");
      Set(an, "fontcolor", "#555555");
      break;
    case NodeKind::kArticle:
      Set(an, "shape", "note");
      Set(an, "fillcolor", "#ffffff");
      Set(an, "label", "article\\n" + FlattenForDot(n.label));
      break;
    case NodeKind::kQuote:
      Set(an, "shape", "box");
      Set(an, "style", "rounded,filled");
      Set(an, "fillcolor", "#fffbe6");
      Set(an, "fontsize", "9");
      Set(an, "label", Wrap(FlattenForDot(n.label.substr(0, 160)), 40));
      break;
  }
  if (n.kind == NodeKind::kPerson || n.kind == NodeKind::kOrganization ||
      n.kind == NodeKind::kAnonymous)
    SetHtml(root, an, "label", SourceLabel(n));
  Set(an, "tooltip", Tooltip(n));
}

}  // namespace

std::string WriteDot(const SpeakerGraph& g, bool legend) {
  Agdisc_t disc = {&AgMemDisc, &kIdDisc, &kIoDisc};
  Agraph_t* root = agopen(const_cast<char*>("quotegraph"), Agdirected, &disc);
  // Defaults first, so agwrite prints them once in graph/node/edge headers.
  agattr(root, AGRAPH, const_cast<char*>("rankdir"), const_cast<char*>("LR"));
  agattr(root, AGRAPH, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  agattr(root, AGRAPH, const_cast<char*>("labelloc"), const_cast<char*>("b"));
  agattr(root, AGRAPH, const_cast<char*>("nodesep"), const_cast<char*>("0.3"));
  agattr(root, AGNODE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  agattr(root, AGNODE, const_cast<char*>("fontsize"), const_cast<char*>("11"));
  agattr(root, AGNODE, const_cast<char*>("style"), const_cast<char*>("filled"));
  agattr(root, AGEDGE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  agattr(root, AGEDGE, const_cast<char*>("fontsize"), const_cast<char*>("9"));
  agattr(root, AGEDGE, const_cast<char*>("color"), const_cast<char*>("#444444"));
  if (legend) SetHtml(root, root, "label", kLegend);
  Set(root, "tooltip", "who said what: " + std::to_string(g.source_count()) + " sources, " +
                           std::to_string(g.article_count()) + " articles");

  const std::vector<Node>& nodes = g.nodes();
  // One cluster per article when there are several; a source quoted in one
  // article only sits inside it, shared sources sit between clusters.
  // Past kMaxClusters articles clusters stop helping a reader, and agwrite's
  // per-node subgraph scan makes them quadratic (2,000 clusters: ~10 s).
  constexpr size_t kMaxClusters = 100;
  std::map<std::string, Agraph_t*> clusters;
  if (g.article_count() > 1 && g.article_count() <= kMaxClusters) {
    int i = 0;
    for (const Node& n : nodes) {
      if (n.kind != NodeKind::kArticle) continue;
      std::string name = "cluster_" + std::to_string(i++);
      Agraph_t* sub = agsubg(root, C(name), 1);
      Set(sub, "label", FlattenForDot(n.label));
      Set(sub, "style", "rounded");
      Set(sub, "color", "#bbbbbb");
      clusters[n.label] = sub;
    }
  }
  std::vector<Agnode_t*> an(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    const Node& n = nodes[i];
    Agraph_t* home = root;
    if (!clusters.empty() && n.articles.size() == 1) home = clusters.at(n.articles[0]);
    an[i] = agnode(home, C(n.id), 1);
    StyleNode(root, an[i], n);
  }
  for (const Edge& e : g.edges()) {
    Agedge_t* ae = agedge(root, an[e.source], an[e.target], nullptr, 1);
    if (e.kind == EdgeKind::kAffiliated) {
      Set(ae, "style", "dashed");
      Set(ae, "arrowhead", "empty");
      Set(ae, "color", "#888888");
      Set(ae, "label", "affiliated");
      Set(ae, "tooltip", FlattenForDot(nodes[e.source].label + " is affiliated with " +
                                       nodes[e.target].label));
      continue;
    }
    // Width grows with the log of the count: 1, 3, 5, 7, 9 for 1, 2, 4, 8, 16+.
    int log2 = 0;
    for (int q = e.quotes; q > 1; q /= 2) ++log2;
    Set(ae, "penwidth", std::to_string(std::min(1 + 2 * log2, 9)));
    std::string label = std::to_string(e.quotes) + (e.quotes == 1 ? " quote" : " quotes");
    if (nodes[e.target].kind == NodeKind::kQuote) label.clear();
    std::string channels;
    for (const std::string& c : e.channels) channels += (channels.empty() ? "" : ", ") + c;
    if (!channels.empty()) {
      Set(ae, "channel", FlattenForDot(channels));
      label += (label.empty() ? "" : "\\n") + FlattenForDot(channels);
    }
    if (!label.empty()) Set(ae, "label", label);
    Set(ae, "tooltip", FlattenForDot(nodes[e.source].label) + " said " +
                           std::to_string(e.quotes) + " in " + FlattenForDot(nodes[e.target].label));
  }
  std::string out;
  agwrite(root, &out);
  agclose(root);
  return out;
}

}  // namespace qg::graphs
