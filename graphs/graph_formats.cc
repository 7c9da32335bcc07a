// Data formats of the speaker graph: GraphML (boost::write_graphml) and JSON
// node-link. Unlike SVG these are never cut down: they are how a user gets
// the whole graph of a large corpus into networkx, Gephi or D3.
//
// The node-link JSON follows networkx's node_link_data layout ("nodes",
// "links" with "source"/"target" naming node ids), which D3's force layout
// also reads. Lists (descriptors, quote ids) are native JSON arrays; GraphML
// has no list type, so there they are joined with " | ".
//
// Tested by tests/graph_clients_test.cc (networkx reads both, counts match).
#include <boost/graph/graphml.hpp>
#include <boost/property_map/transform_value_property_map.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "graphs/internal/graph_impl.h"

namespace qg::graphs {
namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : " | ") + s;
  return out;
}

}  // namespace

std::string WriteGraphml(const SpeakerGraph& g) {
  const BoostGraph& bg = g.impl().graph;
  boost::dynamic_properties dp;
  auto vb = get(boost::vertex_bundle, bg);
  auto eb = get(boost::edge_bundle, bg);
  // Read-only views over the bundles: write_graphml never writes back.
  dp.property("name", boost::make_transform_value_property_map([](const Node& n) { return n.id; }, vb));
  dp.property("label",
              boost::make_transform_value_property_map([](const Node& n) { return n.label; }, vb));
  dp.property("quotes",
              boost::make_transform_value_property_map([](const Node& n) { return n.quotes; }, vb));
  dp.property("kind", boost::make_transform_value_property_map(
                          [](const Node& n) { return std::string(NodeKindName(n.kind)); }, vb));
  dp.property("descriptors", boost::make_transform_value_property_map(
                                 [](const Node& n) { return Join(n.descriptors); }, vb));
  dp.property("articles", boost::make_transform_value_property_map(
                              [](const Node& n) { return Join(n.articles); }, vb));
  dp.property("edge_kind", boost::make_transform_value_property_map(
                               [](const Edge& e) { return std::string(EdgeKindName(e.kind)); }, eb));
  dp.property("edge_quotes",
              boost::make_transform_value_property_map([](const Edge& e) { return e.quotes; }, eb));
  dp.property("quote_ids", boost::make_transform_value_property_map(
                               [](const Edge& e) { return Join(e.quote_ids); }, eb));
  dp.property("channel", boost::make_transform_value_property_map(
                             [](const Edge& e) { return Join(e.channels); }, eb));
  std::ostringstream out;
  boost::write_graphml(out, bg, get(boost::vertex_index, bg), dp, /*ordered_vertices=*/true);
  return out.str();
}

std::string WriteJsonGraph(const SpeakerGraph& g) {
  using nlohmann::ordered_json;
  ordered_json j;
  j["directed"] = true;
  j["multigraph"] = false;
  j["graph"] = {{"name", "quotegraph"},
                {"sources", g.source_count()},
                {"articles", g.article_count()}};
  ordered_json nodes = ordered_json::array();
  for (const Node& n : g.nodes()) {
    ordered_json x = {{"id", n.id},
                      {"kind", NodeKindName(n.kind)},
                      {"label", n.label},
                      {"quotes", n.quotes},
                      {"descriptors", n.descriptors},
                      {"articles", n.articles}};
    if (n.count >= 0) x["count"] = n.count;
    if (!n.anonymity_reason.empty()) x["anonymity_reason"] = n.anonymity_reason;
    if (!n.quote_texts.empty()) x["quote_texts"] = n.quote_texts;
    nodes.push_back(std::move(x));
  }
  ordered_json links = ordered_json::array();
  for (const Edge& e : g.edges()) {
    links.push_back({{"source", g.nodes()[e.source].id},
                     {"target", g.nodes()[e.target].id},
                     {"kind", EdgeKindName(e.kind)},
                     {"quotes", e.quotes},
                     {"quote_ids", e.quote_ids},
                     {"channels", e.channels}});
  }
  j["nodes"] = std::move(nodes);
  j["links"] = std::move(links);
  // Replace rather than throw on invalid UTF-8 (no exceptions leave the library).
  return j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace qg::graphs
