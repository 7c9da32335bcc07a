// The Boost.Graph storage behind SpeakerGraph. Internal: included only by
// graphs/*.cc, never by public headers, so users of the graph API do not
// compile Boost.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <vector>

#include "graphs/speaker_graph.h"

namespace qg::graphs {

// Bundled properties: the vertex carries its Node, the edge its Edge (whose
// source/target fields mirror the Boost endpoints for the plain view).
using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;

struct SpeakerGraph::Impl {
  BoostGraph graph;
  // Plain views in vertex / edge insertion order, filled once by Build.
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  size_t sources = 0;
  size_t articles = 0;
};

// A copy of `g` with only its first `n` quoted sources (nodes() lists them by
// quote count), the organisations they are affiliated with, their quotes and
// the articles they speak in. `dropped` gets the sources and quotes left out.
SpeakerGraph KeepTopSources(const SpeakerGraph& g, size_t n, size_t* dropped_sources,
                            size_t* dropped_quotes);

}  // namespace qg::graphs
