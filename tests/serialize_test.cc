// Tests of engine/serialize.cc: schema shape, escaping, UTF-8 safety, read-back.
#include "engine/serialize.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using Json = nlohmann::ordered_json;

namespace qg {
namespace {

// "Pentagon spokesman John Kirby said “We see it,” and the White House agreed."
Document KirbyDoc() {
  Document d = MakeDocument("kirby", "John Kirby said: \xE2\x80\x9CWe see it,\xE2\x80\x9D on Tuesday.");
  d.metadata = {{"outlet", "\"CNN\""}, {"year", "2021"}};
  Source s;
  s.name = "John Kirby";
  s.descriptors = {"Pentagon spokesman"};
  s.mentions = {Span{0, 10}};
  d.sources.push_back(s);
  Source anon;
  anon.name = "two officials";
  anon.kind = SourceKind::kAnonymous;
  anon.count = 2;
  anon.affiliation = 0;
  anon.anonymity_reason = "not authorized to speak";
  d.sources.push_back(anon);
  Quote q;
  q.span = Span{20, 30};  // We see it,
  q.has_cue = true;
  q.cue = Span{11, 15};
  q.has_speaker = true;
  q.speaker = Span{0, 10};
  q.source = 0;
  q.confidence = 0.91234;
  q.rule = "speaker-cue-colon";
  q.channel = "press conference";
  d.quotes.push_back(q);
  d.summary.quotes = 1;
  d.summary.attributed = 1;
  d.summary.named_quotes = 1;
  return d;
}

TEST_CASE("serialize: record has the schema's keys in order, texts from spans") {
  Document d = KirbyDoc();
  Json j = Json::parse(ToJson(d, false));
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"article", "metadata", "quotes", "sources", "summary"});
  CHECK(j["metadata"]["outlet"] == "CNN");
  CHECK(j["metadata"]["year"] == 2021);
  const Json& q = j["quotes"][0];
  keys.clear();
  for (const auto& [k, v] : q.items()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"id", "kind", "text", "span", "fragments", "cue", "speaker",
                                         "source", "channel", "confidence", "rule"});
  CHECK(q["text"] == "We see it,");
  CHECK(q["span"] == Json::array({20, 30}));
  CHECK(q["cue"]["text"] == "said");
  CHECK(q["speaker"]["text"] == "John Kirby");
  CHECK(q["confidence"] == doctest::Approx(0.912));
  CHECK(q["channel"] == "press conference");
  const Json& s1 = j["sources"][1];
  CHECK(s1["kind"] == "anonymous");
  CHECK(s1["count"] == 2);
  CHECK(s1["affiliation"] == 0);
  CHECK(j["sources"][0]["count"].is_null());
  CHECK(j["sources"][0]["anonymity_reason"].is_null());
  CHECK(j["summary"]["named_quotes"] == 1);
}

TEST_CASE("serialize: no metadata key when the input had no other fields; nulls for absent parts") {
  Document d = KirbyDoc();
  d.metadata.clear();
  d.quotes[0].has_cue = false;
  d.quotes[0].has_speaker = false;
  d.quotes[0].source = -1;
  d.quotes[0].channel.clear();
  Json j = Json::parse(ToJson(d, true));
  CHECK_FALSE(j.contains("metadata"));
  CHECK(j["quotes"][0]["cue"].is_null());
  CHECK(j["quotes"][0]["speaker"].is_null());
  CHECK(j["quotes"][0]["source"].is_null());
  CHECK(j["quotes"][0]["channel"].is_null());
}

TEST_CASE("serialize: output stays valid JSON and UTF-8 on hostile bytes") {
  SUBCASE("control bytes and NUL are escaped") {
    Document d = MakeDocument(std::string("id\0\x01", 4), std::string("a\0b\x1F\"\\c", 7));
    Quote q;
    q.span = Span{0, 7};
    d.quotes.push_back(q);
    std::string out = ToJson(d, false);
    CHECK(out.find('\0') == std::string::npos);
    Json j = Json::parse(out);
    CHECK(j["quotes"][0]["text"] == std::string("a\0b\x1F\"\\c", 7));
  }
  SUBCASE("invalid UTF-8 and a span cutting a character become U+FFFD") {
    Document d = MakeDocument("bad\xFF", "caf\xC3\xA9 \xE2\x80\x9C");
    Quote q;
    q.span = Span{3, 4};  // first byte of é only
    d.quotes.push_back(q);
    std::string out = ToJson(d, false);
    Json j = Json::parse(out);  // throws on invalid UTF-8
    CHECK(j["quotes"][0]["text"] == "\xEF\xBF\xBD");
  }
  SUBCASE("spans past the end are clamped, never read out of bounds") {
    Document d = MakeDocument("x", "short");
    Quote q;
    q.span = Span{3, 400};
    q.has_cue = true;
    q.cue = Span{900, 800};
    q.source = 7;  // no such source
    d.quotes.push_back(q);
    Json j = Json::parse(ToJson(d, false));
    CHECK(j["quotes"][0]["text"] == "rt");
    CHECK(j["quotes"][0]["cue"]["text"] == "");
    CHECK(j["quotes"][0]["source"].is_null());
  }
  SUBCASE("NaN confidence is written as a number") {
    Document d = MakeDocument("x", "abc");
    Quote q;
    q.confidence = std::numeric_limits<double>::quiet_NaN();
    d.quotes.push_back(q);
    CHECK(Json::parse(ToJson(d, false))["quotes"][0]["confidence"] == 0.0);
  }
}

TEST_CASE("serialize: FromExtractJson reads a record back and round-trips") {
  Document d = KirbyDoc();
  std::string out = ToJson(d, false);
  Result<Document> back = FromExtractJson(out);
  REQUIRE_MESSAGE(back.ok(), back.status().ToString());
  const Document& b = back.value();
  CHECK(b.id == "kirby");
  REQUIRE(b.quotes.size() == 1);
  CHECK(b.quotes[0].span == d.quotes[0].span);
  CHECK(b.slice(b.quotes[0].span) == "We see it,");  // the sparse text keeps the offset contract
  CHECK(b.quotes[0].rule == "speaker-cue-colon");
  CHECK(b.sources.size() == 2);
  CHECK(b.sources[1].kind == SourceKind::kAnonymous);
  CHECK(b.sources[1].count == 2);
  CHECK(b.metadata.size() == 2);
  CHECK(b.summary.named_quotes == 1);
  CHECK(ToJson(b, false) == out);
  CHECK(ToJson(b, true) == ToJson(d, true));
}

TEST_CASE("serialize: FromExtractJson names what is wrong") {
  struct Case {
    const char* json;
    const char* expect;
  };
  const Case cases[] = {
      {"{not json", "not valid JSON"},
      {"[1,2]", "not a JSON object"},
      {R"({"quotes": []})", "article"},
      {R"({"article": "a", "quotes": 3})", "quotes"},
      {R"({"article": "a", "quotes": [{"kind": "direct", "span": [5, 2]}]})", "reversed"},
      {R"({"article": "a", "quotes": [{"kind": "direct", "span": [0, 99999999999]}]})", "too large"},
      {R"({"article": "a", "quotes": [{"kind": "shouted", "span": [0, 1]}]})", "quote kind"},
      {R"({"article": "a", "quotes": [{"kind": "direct"}]})", "no span"},
      {R"({"article": "a", "quotes": [{"kind": "direct", "span": [0, 1], "source": 3}], "sources": []})",
       "out of range"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.json);
    Result<Document> r = FromExtractJson(c.json);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kInvalidArgument);
    CHECK(r.status().message().find(c.expect) != std::string::npos);
  }
}

}  // namespace
}  // namespace qg
