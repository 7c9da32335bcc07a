// Acceptance on the seed article (fixtures/biden-putin-call.*) and the eval
// set: graph sources and kinds, affiliations, the audit ratio, compare and
// group-by. Runs the real pipeline, so it waits on the attribution engine;
// it is its own executable so it blocks nothing else.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "engine/audit.h"
#include "engine/corpus.h"
#include "engine/pipeline.h"
#include "graphs/speaker_graph.h"
#include "tests/graph_test_util.h"

namespace qg {
namespace {

using namespace qg::testing;
using graphs::EdgeKind;
using graphs::NodeKind;

Document Processed(const std::string& id, const std::string& text) {
  static const Result<RuleSet> rules = LoadBuiltinRules();
  REQUIRE(rules.ok());
  Document d = MakeDocument(id, text);
  REQUIRE(RunPipeline(rules.value(), Options{}, d).ok());
  return d;
}

Document Seed() {
  return Processed("biden-putin-call",
                   ReadFile(std::string(QG_FIXTURES_DIR) + "/biden-putin-call.txt"));
}

graphs::SpeakerGraph GraphOf(const std::vector<Document>& docs) {
  graphs::GraphBuilder b;
  for (const Document& d : docs) b.Add(d);
  return std::move(b).Build({});
}

TEST_CASE("seed: 11 source nodes with the gold kinds") {
  nlohmann::json gold = nlohmann::json::parse(
      ReadFile(std::string(QG_FIXTURES_DIR) + "/biden-putin-call.gold.json"));
  graphs::SpeakerGraph g = GraphOf({Seed()});
  std::vector<const graphs::Node*> speakers;
  for (const graphs::Node& n : g.nodes())
    if (n.kind != NodeKind::kArticle && n.kind != NodeKind::kQuote && n.quotes > 0)
      speakers.push_back(&n);
  CHECK(speakers.size() == 11);
  for (const auto& s : gold["sources"]) {
    std::vector<std::string> names = {NormalizeSourceName(s["name"].get<std::string>())};
    for (const auto& a : s.value("aliases", nlohmann::json::array()))
      names.push_back(NormalizeSourceName(a.get<std::string>()));
    const graphs::Node* found = nullptr;
    for (const graphs::Node* n : speakers)
      if (std::find(names.begin(), names.end(), NormalizeSourceName(n->label)) != names.end())
        found = n;
    CAPTURE(s["name"]);
    REQUIRE(found);
    CHECK(graphs::NodeKindName(found->kind) == s["kind"].get<std::string>());
  }
}

TEST_CASE("seed: affiliation edges") {
  graphs::SpeakerGraph g = GraphOf({Seed()});
  auto has = [&](const std::string& from, const std::string& to) {
    for (const graphs::Edge& e : g.edges())
      if (e.kind == EdgeKind::kAffiliated && g.nodes()[e.source].label == from &&
          g.nodes()[e.target].label == to)
        return true;
    return false;
  };
  CHECK(has("John Kirby", "Pentagon"));
  CHECK(has("Jen Psaki", "White House"));
  CHECK(has("Ursula von der Leyen", "European Commission"));
}

TEST_CASE("seed: audit reports anonymous_ratio 0.421 (8 of 19)") {
  Audit a = AuditDocument(Seed());
  CHECK(a.quotes == 19);
  CHECK(a.attributed == 19);
  CHECK(a.anonymous_quotes == 8);
  CHECK(a.named_quotes == 7);
  CHECK(a.institutional_quotes == 4);
  CHECK(a.anonymous_ratio() == doctest::Approx(0.421).epsilon(0.001));
}

TEST_CASE("seed: the DOT matches its golden file") {
  std::string dot = graphs::WriteDot(GraphOf({Seed()}));
  std::string path = std::string(QG_GOLDEN_DIR) + "/biden-putin-call.dot";
  if (std::getenv("QG_UPDATE_GOLDEN")) WriteFile(path, dot);
  CHECK(dot == ReadFile(path));
}

std::vector<Document> EvalArticles() {
  std::vector<Document> docs;
  if (std::string(QG_EVAL_DIR).empty()) return docs;
  CorpusReader reader({std::string(QG_EVAL_DIR) + "/articles.jsonl"});
  static const Result<RuleSet> rules = LoadBuiltinRules();
  InputRecord rec;
  while (reader.Next(rec)) {
    if (!rec.status.ok()) continue;
    if (RunPipeline(rules.value(), Options{}, rec.doc).ok()) docs.push_back(rec.doc);
  }
  return docs;
}

TEST_CASE("seed: compare with an eval-set article lists shared and unique sources") {
  std::vector<Document> eval = EvalArticles();
  if (eval.empty()) return;  // a lone clone without ../shared/eval
  Document other = eval[0];
  Audit a = AuditDocument(Seed());
  Audit b = AuditDocument(other);
  Comparison c = Compare({&a, &b});
  REQUIRE(c.unique.size() == 2);
  CHECK(c.unique[0].size() + c.shared.size() == a.sources.size());
  CHECK(c.unique[1].size() + c.shared.size() == b.sources.size());
  CHECK(c.unique[0].size() >= 8);  // at least the anonymous ones and Kirby, Psaki
  CHECK(c.anonymous_ratio_diff[1] == doctest::Approx(b.anonymous_ratio() - a.anonymous_ratio()));
  // Compared with itself under another id, every named source is shared.
  Document again = Seed();
  again.id = "again";
  Audit a2 = AuditDocument(again);
  Comparison self = Compare({&a, &a2});
  // Kirby, Psaki, Putin, von der Leyen, White House, Pentagon; not the anonymous ones.
  CHECK(self.shared.size() == 6);
}

TEST_CASE("seed: audit --group-by outlet over the eval set gives one row per outlet") {
  std::vector<Document> eval = EvalArticles();
  if (eval.empty()) return;
  GroupedAudit g("outlet");
  for (const Document& d : eval) g.Add(d);
  CHECK(g.groups().size() == 7);
  for (const Audit& a : g.groups()) CHECK(a.articles == 7);
  CHECK(g.total().articles == 49);
}

}  // namespace
}  // namespace qg
