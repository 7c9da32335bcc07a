// End to end on the seed article, fixtures/biden-putin-call.txt, against its
// gold annotation (issue 2, "Done when"):
//  - each gold quote of kind "direct" is found: some predicted quote covers at
//    least 80% of the gold text's characters, with the gold source's name and kind;
//  - each quoted fragment of a gold "mixed" quote is covered (80%) by some
//    predicted quote (as a quote of its own or inside a mixed one).
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "engine/pipeline.h"
#include "tests/io_test_util.h"

namespace qg {
namespace {

using Json = nlohmann::json;
using testing::CodePoints;

constexpr double kMinCoverage = 0.8;

struct Seed {
  Document doc;
  Json gold;
};

const Seed& LoadSeed() {
  // A value, not `new`: a failed REQUIRE inside must not leak under LeakSanitizer.
  static const Seed seed = [] {
    Seed s;
    const std::string dir = QG_FIXTURES_DIR;
    s.doc = MakeDocument("biden-putin-call", testing::ReadFileOrDie(dir + "/biden-putin-call.txt"));
    s.gold = Json::parse(testing::ReadFileOrDie(dir + "/biden-putin-call.gold.json"));
    Status st = RunPipeline(testing::BuiltinRules(), Options{}, s.doc);
    REQUIRE_MESSAGE(st.ok(), st.ToString());
    return s;
  }();
  return seed;
}

// The byte span of `needle` in the article; the gold text must occur in it.
Span Locate(const Document& doc, const std::string& needle) {
  size_t at = doc.text.find(needle);
  REQUIRE_MESSAGE(at != std::string::npos, "gold text not in the article: " << needle);
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

// Share of the gold span's characters that `pred` covers.
double Coverage(const Document& doc, Span gold, Span pred) {
  uint32_t b = std::max(gold.begin, pred.begin), e = std::min(gold.end, pred.end);
  if (b >= e) return 0.0;
  return static_cast<double>(CodePoints(doc.slice(Span{b, e}))) /
         static_cast<double>(CodePoints(doc.slice(gold)));
}

// The predicted quote covering `gold` best, or nullptr below the threshold.
const Quote* BestMatch(const Document& doc, Span gold) {
  const Quote* best = nullptr;
  double best_cov = 0.0;
  for (const Quote& q : doc.quotes) {
    double c = Coverage(doc, gold, q.span);
    if (c > best_cov) {
      best_cov = c;
      best = &q;
    }
  }
  return best_cov >= kMinCoverage ? best : nullptr;
}

std::string GoldSourceKind(const Json& gold, const std::string& name) {
  for (const Json& s : gold["sources"]) {
    if (s["name"] == name) return s["kind"];
  }
  FAIL("gold source not listed: " << name);
  return "";
}

TEST_CASE("seed: the five direct quotes are found with the right source and kind") {
  const Seed& seed = LoadSeed();
  int directs = 0;
  for (const Json& g : seed.gold["quotes"]) {
    if (g["kind"] != "direct") continue;
    ++directs;
    const std::string text = g["text"];
    const std::string source = g["source"];
    CAPTURE(text);
    const Quote* q = BestMatch(seed.doc, Locate(seed.doc, text));
    REQUIRE_MESSAGE(q != nullptr, "no predicted quote covers 80% of it");
    REQUIRE_MESSAGE(q->source >= 0, "found but unattributed (rule " << q->rule << ")");
    REQUIRE(static_cast<size_t>(q->source) < seed.doc.sources.size());
    const Source& s = seed.doc.sources[q->source];
    CHECK_MESSAGE(s.name == source, "attributed to " << s.name << " by rule " << q->rule);
    CHECK(SourceKindName(s.kind) == GoldSourceKind(seed.gold, source));
  }
  CHECK(directs == 5);
}

TEST_CASE("seed: the quoted fragments of the mixed quotes are found") {
  const Seed& seed = LoadSeed();
  int fragments = 0;
  for (const Json& g : seed.gold["quotes"]) {
    if (g["kind"] != "mixed") continue;
    for (const Json& f : g["fragments"]) {
      ++fragments;
      const std::string text = f;
      CAPTURE(text);
      CHECK_MESSAGE(BestMatch(seed.doc, Locate(seed.doc, text)) != nullptr,
                    "no predicted quote covers 80% of the fragment");
    }
  }
  CHECK(fragments > 0);
}

}  // namespace
}  // namespace qg
