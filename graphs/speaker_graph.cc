// Building the speaker graph: collect per-article records, then merge and cut.
//
// Add() only appends plain records keyed by source identity (SourceKey), so a
// corpus streams through in one pass. Build() then applies the cross-article
// alias rule (which needs every name seen, hence not done in Add), filters by
// quote count, and lays the result into a Boost adjacency_list in a fixed
// order, which is what makes every writer deterministic.
//
// Tested by tests/speaker_graph_test.cc.
#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "engine/audit.h"
#include "graphs/internal/graph_impl.h"

namespace qg::graphs {
namespace {

constexpr size_t kMaxQuoteLabel = 280;  // bytes of quote text kept per quote

struct SourceRec {
  NodeKind kind = NodeKind::kPerson;
  std::string name;
  std::vector<std::string> descriptors;
  std::set<std::string> articles;
  int quotes = 0;
  int count = -1;
  std::string reason;
  std::vector<std::string> quote_texts;
};

struct SaidRec {
  int quotes = 0;
  std::vector<std::string> quote_ids;
  std::set<std::string> channels;
};

struct QuoteRec {
  std::string id;       // "<article>#<index>"
  std::string article;
  std::string source;   // source key
  std::string text;
  std::string channel;
};

NodeKind KindOf(SourceKind k) {
  switch (k) {
    case SourceKind::kPerson: return NodeKind::kPerson;
    case SourceKind::kOrganization: return NodeKind::kOrganization;
    case SourceKind::kAnonymous: return NodeKind::kAnonymous;
  }
  return NodeKind::kPerson;
}

// Cuts at a UTF-8 character boundary so labels stay valid UTF-8.
std::string Clip(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return std::string(s.substr(0, end)) + "…";
}

void AddUnique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

}  // namespace

const char* NodeKindName(NodeKind k) {
  switch (k) {
    case NodeKind::kPerson: return "person";
    case NodeKind::kOrganization: return "organization";
    case NodeKind::kAnonymous: return "anonymous";
    case NodeKind::kArticle: return "article";
    case NodeKind::kQuote: return "quote";
  }
  return "person";
}

const char* EdgeKindName(EdgeKind k) { return k == EdgeKind::kSaid ? "said" : "affiliated"; }

const char* LayoutName(Layout l) {
  switch (l) {
    case Layout::kDot: return "dot";
    case Layout::kSfdp: return "sfdp";
    case Layout::kNeato: return "neato";
  }
  return "dot";
}

struct GraphBuilder::State {
  std::vector<std::string> articles;  // input order
  std::set<std::string> article_set;
  std::map<std::string, SourceRec> sources;
  std::map<std::pair<std::string, std::string>, SaidRec> said;  // (source, article)
  std::set<std::pair<std::string, std::string>> affiliated;     // (source, organization)
  std::vector<QuoteRec> quotes;
};

SpeakerGraph::SpeakerGraph() : impl_(std::make_unique<Impl>()) {}
SpeakerGraph::~SpeakerGraph() = default;
SpeakerGraph::SpeakerGraph(SpeakerGraph&&) noexcept = default;
SpeakerGraph& SpeakerGraph::operator=(SpeakerGraph&&) noexcept = default;
const std::vector<Node>& SpeakerGraph::nodes() const { return impl_->nodes; }
const std::vector<Edge>& SpeakerGraph::edges() const { return impl_->edges; }
size_t SpeakerGraph::source_count() const { return impl_->sources; }
size_t SpeakerGraph::article_count() const { return impl_->articles; }

GraphBuilder::GraphBuilder() : state_(std::make_unique<State>()) {}
GraphBuilder::~GraphBuilder() = default;

void GraphBuilder::Add(const Document& doc) {
  State& st = *state_;
  // Two inputs with one id are still two articles.
  std::string article = doc.id;
  for (int n = 2; st.article_set.count(article); ++n) article = doc.id + "~" + std::to_string(n);
  st.article_set.insert(article);
  st.articles.push_back(article);

  const int n_sources = static_cast<int>(doc.sources.size());
  std::vector<std::string> keys(doc.sources.size());
  auto ensure = [&](int i) -> SourceRec& {
    const Source& s = doc.sources[i];
    keys[i] = s.kind == SourceKind::kAnonymous ? "anonymous:" + article + "#" + std::to_string(i)
                                               : SourceKey(doc, i);
    SourceRec& r = st.sources[keys[i]];
    r.kind = KindOf(s.kind);
    if (s.name.size() > r.name.size()) r.name = s.name;
    for (const std::string& d : s.descriptors) AddUnique(r.descriptors, d);
    if (s.count >= 0) r.count = s.count;
    if (!s.anonymity_reason.empty()) r.reason = s.anonymity_reason;
    return r;
  };
  for (size_t qi = 0; qi < doc.quotes.size(); ++qi) {
    const Quote& q = doc.quotes[qi];
    if (q.kind == QuoteKind::kTerm || q.source < 0 || q.source >= n_sources) continue;
    SourceRec& r = ensure(q.source);
    const std::string& key = keys[q.source];
    std::string text = doc.text.empty() ? std::string() : Clip(doc.slice(q.span), kMaxQuoteLabel);
    std::string qid = article + "#" + std::to_string(qi);
    ++r.quotes;
    r.articles.insert(article);
    if (r.quote_texts.size() < kMaxTooltipQuotes && !text.empty()) r.quote_texts.push_back(text);
    SaidRec& e = st.said[{key, article}];
    ++e.quotes;
    e.quote_ids.push_back(qid);
    if (!q.channel.empty()) e.channels.insert(q.channel);
    st.quotes.push_back({qid, article, key, std::move(text), q.channel});
  }
  // Affiliations of quoted sources; the organisation becomes a vertex even
  // when it is never quoted itself ("European Commission").
  for (int i = 0; i < n_sources; ++i) {
    int a = doc.sources[i].affiliation;
    if (keys[i].empty() || a < 0 || a >= n_sources || a == i) continue;
    if (doc.sources[a].kind != SourceKind::kOrganization) continue;
    // It appears in this article, so a single-article organisation is drawn
    // inside the article's cluster next to its people.
    ensure(a).articles.insert(article);
    st.affiliated.insert({keys[i], keys[a]});
  }
}

SpeakerGraph GraphBuilder::Build(const GraphOptions& options, BuildReport* report) && {
  State& st = *state_;
  // 1. One-word people become the one longer name they abbreviate.
  std::vector<std::string> persons;
  for (const auto& [key, r] : st.sources)
    if (r.kind == NodeKind::kPerson) persons.push_back(key.substr(7));  // after "person:"
  std::map<std::string, std::string> canon;
  for (const auto& [alias, full] : PersonAliases(persons)) canon["person:" + alias] = "person:" + full;
  auto C = [&](const std::string& k) {
    auto it = canon.find(k);
    return it == canon.end() ? k : it->second;
  };
  for (const auto& [alias, full] : canon) {
    SourceRec a = std::move(st.sources[alias]);
    st.sources.erase(alias);
    SourceRec& f = st.sources[full];
    f.quotes += a.quotes;
    f.articles.insert(a.articles.begin(), a.articles.end());
    for (const std::string& d : a.descriptors) AddUnique(f.descriptors, d);
    for (std::string& t : a.quote_texts)
      if (f.quote_texts.size() < kMaxTooltipQuotes) f.quote_texts.push_back(std::move(t));
  }
  std::map<std::pair<std::string, std::string>, SaidRec> said;
  for (auto& [k, e] : st.said) {
    SaidRec& m = said[{C(k.first), k.second}];
    m.quotes += e.quotes;
    m.quote_ids.insert(m.quote_ids.end(), e.quote_ids.begin(), e.quote_ids.end());
    m.channels.insert(e.channels.begin(), e.channels.end());
  }
  std::set<std::pair<std::string, std::string>> affiliated;
  for (const auto& [s, o] : st.affiliated)
    if (C(s) != C(o)) affiliated.insert({C(s), C(o)});

  // 2. Which sources stay: quoted enough, then the top ones.
  std::vector<const std::pair<const std::string, SourceRec>*> quoted;
  BuildReport rep;
  for (const auto& kv : st.sources)
    if (kv.second.quotes > 0) quoted.push_back(&kv);
  rep.sources_total = quoted.size();
  std::stable_sort(quoted.begin(), quoted.end(), [](auto* a, auto* b) {
    return a->second.quotes != b->second.quotes ? a->second.quotes > b->second.quotes
                                                : a->first < b->first;
  });
  size_t keep = quoted.size();
  if (options.top > 0) keep = std::min(keep, options.top);
  if (options.max_sources > 0) keep = std::min(keep, options.max_sources);
  std::set<std::string> kept;
  for (size_t i = 0; i < quoted.size(); ++i) {
    if (i < keep && quoted[i]->second.quotes >= options.min_quotes) {
      kept.insert(quoted[i]->first);
    } else {
      ++rep.sources_dropped;
      rep.quotes_dropped += quoted[i]->second.quotes;
    }
  }

  // 3. Vertices in a fixed order: articles, sources, affiliation-only orgs, quotes.
  SpeakerGraph g;
  SpeakerGraph::Impl& im = *g.impl_;
  std::map<std::string, size_t> vertex;
  auto add_vertex = [&](const std::string& id, Node n) {
    n.id = id;
    vertex[id] = boost::add_vertex(n, im.graph);
    im.nodes.push_back(std::move(n));
  };
  std::set<std::string> used_articles;
  for (const auto& [k, e] : said)
    if (kept.count(k.first)) used_articles.insert(k.second);
  for (const std::string& a : st.articles) {
    if (!used_articles.empty() && !used_articles.count(a)) continue;
    Node n;
    n.kind = NodeKind::kArticle;
    n.label = a;
    n.articles = {a};
    add_vertex("article:" + a, std::move(n));
    ++im.articles;
  }
  auto source_node = [&](const std::string& key, const SourceRec& r) {
    Node n;
    n.kind = r.kind;
    n.label = r.name;
    n.descriptors = r.descriptors;
    n.articles.assign(r.articles.begin(), r.articles.end());
    n.quotes = r.quotes;
    n.count = r.count;
    n.anonymity_reason = r.reason;
    n.quote_texts = r.quote_texts;
    add_vertex(key, std::move(n));
    ++im.sources;
  };
  for (const auto* kv : quoted)
    if (kept.count(kv->first)) source_node(kv->first, kv->second);
  for (const auto& [s, o] : affiliated)
    if (kept.count(s) && !vertex.count(o)) source_node(o, st.sources[o]);
  if (options.quotes) {
    for (const QuoteRec& q : st.quotes) {
      if (!kept.count(C(q.source))) continue;
      Node n;
      n.kind = NodeKind::kQuote;
      n.label = q.text.empty() ? q.id : q.text;
      n.articles = {q.article};
      n.quotes = 1;
      if (!q.text.empty()) n.quote_texts = {q.text};
      add_vertex("quote:" + q.id, std::move(n));
    }
  }

  // 4. Edges, sorted by (source vertex, target vertex).
  std::vector<Edge> edges;
  for (const auto& [k, e] : said) {
    if (!kept.count(k.first)) continue;
    Edge x;
    x.source = vertex.at(k.first);
    x.target = vertex.at("article:" + k.second);
    x.quotes = e.quotes;
    x.quote_ids = e.quote_ids;
    x.channels.assign(e.channels.begin(), e.channels.end());
    edges.push_back(std::move(x));
  }
  for (const auto& [s, o] : affiliated) {
    if (!kept.count(s)) continue;
    Edge x;
    x.kind = EdgeKind::kAffiliated;
    x.source = vertex.at(s);
    x.target = vertex.at(o);
    edges.push_back(std::move(x));
  }
  if (options.quotes) {
    for (const QuoteRec& q : st.quotes) {
      if (!kept.count(C(q.source))) continue;
      Edge x;
      x.source = vertex.at(C(q.source));
      x.target = vertex.at("quote:" + q.id);
      x.quotes = 1;
      x.quote_ids = {q.id};
      if (!q.channel.empty()) x.channels = {q.channel};
      edges.push_back(std::move(x));
    }
  }
  std::stable_sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) {
    return a.source != b.source ? a.source < b.source : a.target < b.target;
  });
  for (Edge& e : edges) {
    boost::add_edge(e.source, e.target, e, im.graph);
    im.edges.push_back(std::move(e));
  }
  if (report) *report = rep;
  return g;
}

}  // namespace qg::graphs

namespace qg::graphs {

SpeakerGraph KeepTopSources(const SpeakerGraph& g, size_t n, size_t* dropped_sources,
                            size_t* dropped_quotes) {
  const std::vector<Node>& nodes = g.nodes();
  auto is_source = [](const Node& x) {
    return x.kind == NodeKind::kPerson || x.kind == NodeKind::kOrganization ||
           x.kind == NodeKind::kAnonymous;
  };
  std::vector<char> keep(nodes.size(), 0);
  size_t taken = 0, ds = 0, dq = 0;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!is_source(nodes[i]) || nodes[i].quotes == 0) continue;
    if (taken < n) {
      keep[i] = 1;
      ++taken;
    } else {
      ++ds;
      dq += nodes[i].quotes;
    }
  }
  // Targets of kept sources: affiliation-only organisations, quotes, articles.
  for (const Edge& e : g.edges())
    if (keep[e.source] == 1 && !keep[e.target]) keep[e.target] = 2;
  if (taken == 0)
    for (size_t i = 0; i < nodes.size(); ++i) keep[i] |= nodes[i].kind == NodeKind::kArticle;
  SpeakerGraph out;
  SpeakerGraph::Impl& im = *out.impl_;
  std::vector<size_t> remap(nodes.size(), 0);
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!keep[i]) continue;
    remap[i] = boost::add_vertex(nodes[i], im.graph);
    im.nodes.push_back(nodes[i]);
    im.sources += is_source(nodes[i]);
    im.articles += nodes[i].kind == NodeKind::kArticle;
  }
  for (const Edge& e : g.edges()) {
    if (keep[e.source] != 1 || !keep[e.target]) continue;
    Edge x = e;
    x.source = remap[e.source];
    x.target = remap[e.target];
    boost::add_edge(x.source, x.target, x, im.graph);
    im.edges.push_back(std::move(x));
  }
  if (dropped_sources) *dropped_sources = ds;
  if (dropped_quotes) *dropped_quotes = dq;
  return out;
}

}  // namespace qg::graphs
