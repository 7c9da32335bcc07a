// Tests of the speaker graph model and its DOT writer (golden files).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

#include "graphs/speaker_graph.h"
#include "tests/graph_test_util.h"

namespace qg::graphs {
namespace {

using qg::testing::HandmadeDoc;
using qg::testing::ReadFile;
using qg::testing::SecondDoc;
using qg::testing::ThirdDoc;
using qg::testing::WriteFile;

SpeakerGraph BuildOf(const std::vector<Document>& docs, GraphOptions o = {},
                     BuildReport* report = nullptr) {
  GraphBuilder b;
  for (const Document& d : docs) b.Add(d);
  return std::move(b).Build(o, report);
}

const Node* FindNode(const SpeakerGraph& g, const std::string& id) {
  for (const Node& n : g.nodes())
    if (n.id == id) return &n;
  return nullptr;
}

bool HasEdge(const SpeakerGraph& g, const std::string& from, const std::string& to, EdgeKind k) {
  for (const Edge& e : g.edges())
    if (e.kind == k && g.nodes()[e.source].id == from && g.nodes()[e.target].id == to) return true;
  return false;
}

// Compares with tests/golden/<name>; QG_UPDATE_GOLDEN=1 rewrites the file.
void CheckGolden(const std::string& name, const std::string& text) {
  std::string path = std::string(QG_GOLDEN_DIR) + "/" + name;
  if (std::getenv("QG_UPDATE_GOLDEN")) WriteFile(path, text);
  std::string want = ReadFile(path);
  CHECK_MESSAGE(text == want, "golden " << path << " differs; QG_UPDATE_GOLDEN=1 to accept");
}

TEST_CASE("graph: one article has its sources, affiliations and said edges") {
  SpeakerGraph g = BuildOf({HandmadeDoc()});
  CHECK(g.article_count() == 1);
  // 4 quoted sources + the Pentagon as an affiliation target.
  CHECK(g.source_count() == 5);
  const Node* kirby = FindNode(g, "person:john kirby");
  REQUIRE(kirby);
  CHECK(kirby->quotes == 2);
  CHECK(kirby->descriptors == std::vector<std::string>{"Pentagon spokesman"});
  CHECK(kirby->quote_texts.size() == 2);
  const Node* pentagon = FindNode(g, "organization:pentagon");
  REQUIRE(pentagon);
  CHECK(pentagon->quotes == 0);
  CHECK(HasEdge(g, "person:john kirby", "organization:pentagon", EdgeKind::kAffiliated));
  CHECK(HasEdge(g, "organization:white house", "article:handmade", EdgeKind::kSaid));
  for (const Edge& e : g.edges()) {
    if (g.nodes()[e.source].id == "anonymous:handmade#3") {
      CHECK(e.quotes == 1);
      CHECK(e.channels == std::vector<std::string>{"reporters"});
      CHECK(e.quote_ids == std::vector<std::string>{"handmade#2"});
    }
  }
  const Node* senior = FindNode(g, "anonymous:handmade#3");
  REQUIRE(senior);
  CHECK(senior->anonymity_reason == "not authorized to speak publicly");
}

TEST_CASE("graph: articles merge named sources by name and alias, never anonymous ones") {
  SpeakerGraph g = BuildOf({HandmadeDoc(), SecondDoc(), ThirdDoc()});
  CHECK(g.article_count() == 3);
  const Node* wh = FindNode(g, "organization:white house");
  REQUIRE(wh);
  CHECK(wh->quotes == 2);
  CHECK(wh->articles == std::vector<std::string>{"handmade", "second"});
  const Node* putin = FindNode(g, "person:vladimir putin");
  REQUIRE(putin);
  CHECK(putin->quotes == 3);
  CHECK(FindNode(g, "person:putin") == nullptr);
  CHECK(HasEdge(g, "person:vladimir putin", "article:third", EdgeKind::kSaid));
  CHECK(FindNode(g, "anonymous:handmade#2"));
  CHECK(FindNode(g, "anonymous:second#1"));
}

TEST_CASE("graph: --min-quotes, --top and --quotes") {
  BuildReport r;
  GraphOptions o;
  o.min_quotes = 2;
  SpeakerGraph g = BuildOf({HandmadeDoc(), SecondDoc(), ThirdDoc()}, o, &r);
  CHECK(r.sources_total == 7);
  // Kirby (2), White House (2), Putin (3) stay, plus the Pentagon (affiliation).
  CHECK(g.source_count() == 4);
  CHECK(r.sources_dropped == 4);
  o = {};
  o.top = 1;
  g = BuildOf({HandmadeDoc(), SecondDoc(), ThirdDoc()}, o, &r);
  CHECK(g.source_count() == 1);
  CHECK(g.nodes()[g.article_count()].id == "person:vladimir putin");
  CHECK(g.article_count() == 2);  // handmade has no kept source
  o = {};
  o.quotes = true;
  g = BuildOf({HandmadeDoc()}, o);
  size_t quote_nodes = std::count_if(g.nodes().begin(), g.nodes().end(),
                                     [](const Node& n) { return n.kind == NodeKind::kQuote; });
  CHECK(quote_nodes == 5);  // attributed, non-term quotes
  CHECK(HasEdge(g, "person:john kirby", "quote:handmade#4", EdgeKind::kSaid));
}

TEST_CASE("graph: DOT is deterministic and matches the golden files") {
  std::string one = WriteDot(BuildOf({HandmadeDoc()}));
  CHECK(one == WriteDot(BuildOf({HandmadeDoc()})));
  CheckGolden("handmade.dot", one);
  std::string multi = WriteDot(BuildOf({HandmadeDoc(), SecondDoc(), ThirdDoc()}));
  // Allocate in between so heap addresses differ: output must not depend on them.
  std::vector<std::string> noise(1000, std::string(100, 'x'));
  CHECK(multi == WriteDot(BuildOf({HandmadeDoc(), SecondDoc(), ThirdDoc()})));
  CHECK(multi.find("subgraph cluster_0") != std::string::npos);
  CHECK(multi.find("subgraph cluster_2") != std::string::npos);
  CheckGolden("handmade_multi.dot", multi);
}

TEST_CASE("graph: an empty corpus and an article without quotes still give a graph") {
  SpeakerGraph g = BuildOf({});
  CHECK(g.nodes().empty());
  CHECK(WriteDot(g).find("digraph") != std::string::npos);
  g = BuildOf({MakeDocument("quiet", "Nothing was said.")});
  CHECK(g.article_count() == 1);
  CHECK(g.source_count() == 0);
  CHECK(WriteJsonGraph(g).find("\"article:quiet\"") != std::string::npos);
}

}  // namespace
}  // namespace qg::graphs
