// The who-said-what graph and its writers.
//
// Vertices are sources (person, organization, anonymous), articles and, with
// GraphOptions::quotes, single quotes. Edges are "said" (source -> article,
// carrying the quote count, quote ids and channels; source -> quote when quotes
// are shown) and "affiliated" (person or anonymous source -> organization).
// Across articles, people and organisations merge by normalised name
// (NormalizeSourceName) and by the one-word alias rule (PersonAliases):
// "Putin" in one story and "Vladimir Putin" in another are one vertex.
// Anonymous sources never merge across articles.
//
//   qg::graphs::GraphBuilder b;
//   for (const qg::Document& d : docs) b.Add(d);
//   qg::graphs::BuildReport report;
//   qg::graphs::SpeakerGraph g = std::move(b).Build(qg::graphs::GraphOptions{}, &report);
//   std::string dot = qg::graphs::WriteDot(g);                 // dot_writer.cc
//   qg::Result<std::string> svg = qg::graphs::RenderSvg(g, {});  // svg_render.cc
//
// Size limits (documented in README.md): GraphOptions::max_sources bounds the
// sources kept (the top ones by quote count); RenderOptions bound what is laid
// out, so a 20,000-source corpus renders its top sources in bounded time and
// the report says what was left out. Boost and Graphviz stay out of this header.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "engine/document.h"
#include "engine/status.h"

namespace qg::graphs {

enum class NodeKind { kPerson, kOrganization, kAnonymous, kArticle, kQuote };
enum class EdgeKind { kSaid, kAffiliated };

const char* NodeKindName(NodeKind k);  // "person", ..., "article", "quote"
const char* EdgeKindName(EdgeKind k);  // "said", "affiliated"

// The plain view of one vertex.
struct Node {
  std::string id;                        // stable: "person:john kirby", "article:seed"
  NodeKind kind = NodeKind::kPerson;
  std::string label;                     // display name, quote text for quotes
  std::vector<std::string> descriptors;  // "Pentagon spokesman"
  std::vector<std::string> articles;     // article ids it appears in (sorted)
  int quotes = 0;                        // quotes attributed to it (sources)
  int count = -1;                        // anonymous groups: "two sources" -> 2
  std::string anonymity_reason;
  std::vector<std::string> quote_texts;  // for tooltips (first kMaxTooltipQuotes)
};

struct Edge {
  size_t source = 0, target = 0;         // indices into SpeakerGraph::nodes()
  EdgeKind kind = EdgeKind::kSaid;
  int quotes = 0;                        // said: quotes carried
  std::vector<std::string> quote_ids;    // "<article>#<quote id>"
  std::vector<std::string> channels;     // "CNN", "statement" (sorted, distinct)
};

struct GraphOptions {
  bool quotes = false;      // add a vertex per quote
  int min_quotes = 1;       // drop sources with fewer quotes (affiliation targets stay)
  size_t top = 0;           // keep only the top N sources by quotes; 0 = all
  size_t max_sources = 0;   // hard cap applied after `top`; 0 = none
};

// What Build left out, for the caller to tell the user.
struct BuildReport {
  size_t sources_total = 0;    // quoted sources before filtering
  size_t sources_dropped = 0;  // by min_quotes, top and max_sources
  size_t quotes_dropped = 0;   // quotes of dropped sources
};

inline constexpr size_t kMaxTooltipQuotes = 5;

class SpeakerGraph {
 public:
  SpeakerGraph();
  ~SpeakerGraph();
  SpeakerGraph(SpeakerGraph&&) noexcept;
  SpeakerGraph& operator=(SpeakerGraph&&) noexcept;

  // Vertices in a deterministic order: articles, then sources by quotes
  // (descending) and id, then affiliation-only organisations, then quotes.
  const std::vector<Node>& nodes() const;
  // Edges in a deterministic order (by source vertex, then target).
  const std::vector<Edge>& edges() const;
  size_t source_count() const;  // person + organization + anonymous vertices
  size_t article_count() const;

  struct Impl;  // Boost adjacency_list; see graphs/internal/graph_impl.h
  const Impl& impl() const { return *impl_; }

 private:
  friend class GraphBuilder;
  friend SpeakerGraph KeepTopSources(const SpeakerGraph&, size_t, size_t*, size_t*);
  std::unique_ptr<Impl> impl_;
};

// Collects processed Documents; Build merges identities and filters.
class GraphBuilder {
 public:
  GraphBuilder();
  ~GraphBuilder();
  GraphBuilder(const GraphBuilder&) = delete;
  GraphBuilder& operator=(const GraphBuilder&) = delete;

  // Adds one processed article (quotes and sources filled; text optional).
  void Add(const Document& doc);
  SpeakerGraph Build(const GraphOptions& options, BuildReport* report = nullptr) &&;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// ---- Writers ------------------------------------------------------------

enum class Layout { kDot, kSfdp, kNeato };
const char* LayoutName(Layout l);

struct RenderOptions {
  Layout layout = Layout::kDot;
  // Past this many source vertices `dot` is too slow (super-linear crossing
  // minimisation); the renderer switches to sfdp and says so in `notes`.
  size_t dot_layout_limit = 150;
  // Past this many source vertices only the top ones are drawn.
  size_t max_drawn_sources = 400;
  bool legend = true;
};

// DOT text through libcgraph: clusters per article when there are several
// (up to 100 articles; past that the articles are plain vertices),
// the visual grammar of README.md, byte-identical for equal graphs.
std::string WriteDot(const SpeakerGraph& g, bool legend = true);

// SVG through libgvc. `notes` receives what was left out or changed (for
// stderr). Fails only when Graphviz itself fails.
Result<std::string> RenderSvg(const SpeakerGraph& g, const RenderOptions& options,
                              std::vector<std::string>* notes = nullptr);

// GraphML through boost::write_graphml (node attributes: id, kind, label,
// quotes, descriptors, articles; edge attributes: kind, quotes, quote_ids, channel).
std::string WriteGraphml(const SpeakerGraph& g);

// JSON node-link: {"directed": true, "multigraph": false, "graph": {...},
// "nodes": [{"id", ...}], "links": [{"source", "target", ...}]}, readable by
// networkx.node_link_graph and D3.
std::string WriteJsonGraph(const SpeakerGraph& g);

}  // namespace qg::graphs
