// The offset contract of engine/document.h, checked on real articles: every
// fixture and, when ../shared/eval is beside the checkout, every eval article.
// Runs the whole pipeline, writes each result with ToJson and checks the JSON,
// so the check covers what users see, then reads it back with FromExtractJson.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "engine/corpus.h"
#include "engine/pipeline.h"
#include "engine/serialize.h"
#include "tests/io_test_util.h"

namespace qg {
namespace {

using Json = nlohmann::json;
using testing::IsUtf8Boundary;

// Checks one [b, e] span of `text`; when `expect` is given, also its bytes.
void CheckSpan(const std::string& where, const std::string& text, const Json& span,
               const Json* expect = nullptr) {
  CAPTURE(where);
  REQUIRE(span.is_array());
  REQUIRE(span.size() == 2);
  const size_t b = span[0].get<size_t>(), e = span[1].get<size_t>();
  CHECK(b <= e);
  CHECK(e <= text.size());
  if (b > e || e > text.size()) return;
  CHECK(IsUtf8Boundary(text, b));
  CHECK(IsUtf8Boundary(text, e));
  if (expect) CHECK(expect->get<std::string>() == text.substr(b, e - b));
}

// Returns the number of quotes checked.
size_t CheckArticle(const Document& doc) {
  const std::string json = ToJson(doc, false);
  Json j = Json::parse(json);  // throws, failing the test, on invalid JSON or UTF-8
  const std::string& text = doc.text;
  const size_t nsources = j["sources"].size();
  for (const Json& q : j["quotes"]) {
    const std::string where = doc.id + " quote " + q["id"].dump();
    CheckSpan(where, text, q["span"], &q["text"]);
    for (const Json& f : q["fragments"]) {
      CheckSpan(where + " fragment", text, f);
      CHECK(f[0].get<size_t>() >= q["span"][0].get<size_t>());
      CHECK(f[1].get<size_t>() <= q["span"][1].get<size_t>());
    }
    if (!q["cue"].is_null()) CheckSpan(where + " cue", text, q["cue"]["span"], &q["cue"]["text"]);
    if (!q["speaker"].is_null()) {
      CheckSpan(where + " speaker", text, q["speaker"]["span"], &q["speaker"]["text"]);
    }
    if (!q["source"].is_null()) CHECK(q["source"].get<size_t>() < nsources);
    CHECK(q["confidence"].get<double>() >= 0.0);
    CHECK(q["confidence"].get<double>() <= 1.0);
  }
  for (const Json& s : j["sources"]) {
    for (const Json& m : s["mentions"]) CheckSpan(doc.id + " source mention", text, m);
    if (!s["affiliation"].is_null()) CHECK(s["affiliation"].get<size_t>() < nsources);
  }
  // Read back: the same record again.
  Result<Document> back = FromExtractJson(json);
  REQUIRE_MESSAGE(back.ok(), back.status().ToString());
  CHECK(ToJson(back.value(), false) == json);
  return j["quotes"].size();
}

struct Totals {
  size_t articles = 0;
  size_t quotes = 0;
};

Totals CheckCorpus(const std::vector<std::string>& paths) {
  Totals t;
  CorpusReader reader(paths);
  InputRecord rec;
  while (reader.Next(rec)) {
    REQUIRE_MESSAGE(rec.status.ok(), rec.status.ToString());
    Status s = RunPipeline(testing::BuiltinRules(), Options{}, rec.doc);
    REQUIRE_MESSAGE(s.ok(), s.ToString());
    t.quotes += CheckArticle(rec.doc);
    ++t.articles;
  }
  return t;
}

TEST_CASE("invariants: every fixture's spans are in bounds, on UTF-8 boundaries, and match") {
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(QG_FIXTURES_DIR)) {
    if (e.path().extension() == ".txt") paths.push_back(e.path().string());
  }
  REQUIRE_FALSE(paths.empty());
  Totals t = CheckCorpus(paths);
  MESSAGE(t.articles << " fixtures, " << t.quotes << " quotes checked");
  CHECK(t.articles == paths.size());
}

TEST_CASE("invariants: every eval article (skipped without ../shared/eval)") {
  const std::string dir = QG_EVAL_DIR;
  if (dir.empty()) {
    MESSAGE("../shared/eval/ggt-dev not found at configure time: eval invariants skipped");
    return;
  }
  Totals t = CheckCorpus({dir + "/articles.jsonl"});
  MESSAGE(t.articles << " eval articles, " << t.quotes << " quotes checked");
  CHECK(t.articles > 0);
}

}  // namespace
}  // namespace qg
