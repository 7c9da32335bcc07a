// Real clients read our outputs: Graphviz `dot` parses the DOT, xmllint the
// SVG and GraphML, networkx (Debian's python3-networkx, /usr/bin/python3) the
// GraphML and the JSON with the node and edge counts the graph reports.
#include <doctest/doctest.h>

#include "graphs/speaker_graph.h"
#include "tests/graph_test_util.h"

namespace qg::graphs {
namespace {

using namespace qg::testing;

SpeakerGraph Corpus(bool quotes) {
  GraphBuilder b;
  b.Add(HandmadeDoc());
  b.Add(SecondDoc());
  b.Add(ThirdDoc());
  GraphOptions o;
  o.quotes = quotes;
  return std::move(b).Build(o);
}

TEST_CASE("clients: dot parses the DOT and lays it out") {
  std::string dir = TempDir("clients_dot");
  for (bool quotes : {false, true}) {
    SpeakerGraph g = Corpus(quotes);
    WriteFile(dir + "/g.dot", WriteDot(g));
    int rc = 0;
    RunCommand("dot -Tsvg '" + dir + "/g.dot' -o '" + dir + "/g_from_dot.svg' 2>&1", &rc);
    CHECK(rc == 0);
    // gvpr counts the nodes dot read: ours, no more (the legend is a label).
    std::string n = RunCommand("gvpr 'BEG_G{printf(\"%d\\n\", nNodes($G))}' '" + dir +
                               "/g.dot' 2>&1 | tail -1", &rc);
    CHECK(std::stoul(n) == g.nodes().size());
  }
}

TEST_CASE("clients: xmllint parses the SVG and the GraphML") {
  std::string dir = TempDir("clients_xml");
  SpeakerGraph g = Corpus(true);
  Result<std::string> svg = RenderSvg(g, {});
  REQUIRE(svg.ok());
  CHECK(svg.value().find("<svg") != std::string::npos);
  // Tooltips carry the quote texts.
  CHECK(svg.value().find("We stay ready.") != std::string::npos);
  WriteFile(dir + "/g.svg", svg.value());
  WriteFile(dir + "/g.graphml", WriteGraphml(g));
  int rc = 0;
  std::string out = RunCommand("xmllint --noout '" + dir + "/g.svg' '" + dir + "/g.graphml' 2>&1", &rc);
  CHECK_MESSAGE(rc == 0, out);
  for (const char* layout : {"sfdp", "neato"}) {
    RenderOptions o;
    o.layout = std::string(layout) == "sfdp" ? Layout::kSfdp : Layout::kNeato;
    CHECK(RenderSvg(g, o).ok());
  }
}

TEST_CASE("clients: networkx reads the GraphML and the JSON with our counts") {
  std::string dir = TempDir("clients_nx");
  SpeakerGraph g = Corpus(true);
  WriteFile(dir + "/g.graphml", WriteGraphml(g));
  WriteFile(dir + "/g.json", WriteJsonGraph(g));
  std::string script =
      "import json, networkx as nx\n"
      "a = nx.read_graphml('" + dir + "/g.graphml')\n"
      "b = nx.node_link_graph(json.load(open('" + dir + "/g.json')))\n"
      "kinds = sorted(d['kind'] for _, d in b.nodes(data=True))\n"
      "print(a.number_of_nodes(), a.number_of_edges(), b.number_of_nodes(), b.number_of_edges(),"
      " kinds.count('person'), b.nodes['person:vladimir putin']['quotes'])\n";
  WriteFile(dir + "/check.py", script);
  int rc = 0;
  std::string out = RunCommand("/usr/bin/python3 '" + dir + "/check.py' 2>&1", &rc);
  REQUIRE_MESSAGE(rc == 0, out);
  size_t persons = 0;
  for (const Node& n : g.nodes()) persons += n.kind == NodeKind::kPerson;
  std::string want = std::to_string(g.nodes().size()) + " " + std::to_string(g.edges().size()) +
                     " " + std::to_string(g.nodes().size()) + " " +
                     std::to_string(g.edges().size()) + " " + std::to_string(persons) + " 3\n";
  CHECK(out == want);
}

}  // namespace
}  // namespace qg::graphs
