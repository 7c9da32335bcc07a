// A 20,000-source graph ends in bounded time: SVG draws the top sources and
// says what it left out; the data formats keep everything.
#include <doctest/doctest.h>

#include <chrono>

#include "graphs/speaker_graph.h"
#include "tests/graph_test_util.h"

namespace qg::graphs {
namespace {

// 2,000 articles of 10 quotes, each by a different named person: 20,000
// sources, quote counts 1..3 so "top" is meaningful.
GraphBuilder& Fill(GraphBuilder& b) {
  for (int a = 0; a < 2000; ++a) {
    Document d = MakeDocument(std::string("a").append(std::to_string(a)), "");
    for (int s = 0; s < 10; ++s) {
      Source src;
      src.name = "Person " + std::to_string(a) + " " + std::to_string(s);
      d.sources.push_back(src);
      for (int k = 0; k < 1 + (a + s) % 3; ++k) {
        Quote q;
        q.source = s;
        d.quotes.push_back(q);
      }
    }
    b.Add(d);
  }
  return b;
}

TEST_CASE("large: 20,000 sources render their top ones in bounded time") {
  auto start = std::chrono::steady_clock::now();
  GraphBuilder b;
  SpeakerGraph g = std::move(Fill(b)).Build({});
  CHECK(g.source_count() == 20000);
  std::vector<std::string> notes;
  Result<std::string> svg = RenderSvg(g, {}, &notes);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(svg.ok());
  CHECK(seconds < 120);
  MESSAGE("20,000-source SVG in " << seconds << " s");
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].find("drew the top 400 of 20000 sources") != std::string::npos);
  CHECK(notes[1].find("sfdp") != std::string::npos);
  // Data formats are complete and linear.
  CHECK(WriteJsonGraph(g).size() > 20000 * 50);
  CHECK(WriteDot(g).find("Person 1999 9") != std::string::npos);
}

}  // namespace
}  // namespace qg::graphs
