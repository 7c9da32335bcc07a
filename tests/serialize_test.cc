// Tests of engine/serialize.cc: schema shape, escaping, UTF-8 safety, read-back.
#include "engine/serialize.h"

#include <doctest/doctest.h>

#include <cctype>
#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

#include "engine/internal/json_out.h"

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

// What nlohmann's dump writes for `j`: the form output had before RapidJSON.
std::string NlohmannDump(const Json& j, int indent = -1) {
  return j.dump(indent, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

// `json` with the hex digits of its \u escapes in upper case, as RapidJSON
// writes them: the one way its strings may differ from nlohmann's.
std::string UpperHexEscapes(std::string json) {
  for (size_t i = 0; i + 1 < json.size(); ++i) {
    if (json[i] != '\\') continue;
    if (json[i + 1] == 'u') {
      for (size_t k = i + 2; k < i + 6 && k < json.size(); ++k) json[k] = static_cast<char>(std::toupper(json[k]));
    }
    ++i;  // skip the escaped character, so "\\u" is not taken for an escape
  }
  return json;
}

std::string WriteString(std::string_view s, bool checked = true) {
  rapidjson::StringBuffer buf;
  internal::CompactJsonOut(buf, checked).String(s);
  return std::string(buf.GetString(), buf.GetSize());
}

std::string WriteDouble(double v) {
  rapidjson::StringBuffer buf;
  internal::CompactJsonOut(buf).Double(v);
  return std::string(buf.GetString(), buf.GetSize());
}

TEST_CASE("serialize: string escapes") {
  CHECK(WriteString("") == R"("")");
  CHECK(WriteString("q\" b\\ /") == R"("q\" b\\ /")");
  CHECK(WriteString("\b\t\n\f\r") == R"("\b\t\n\f\r")");
  CHECK(WriteString(std::string("\0\x01\x0B\x1F", 4)) == R"("\u0000\u0001\u000B\u001F")");
  CHECK(WriteString("\x7F caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80") ==
        "\"\x7F caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80\"");  // copied, not escaped
}

TEST_CASE("serialize: strings read back as written; bytes as nlohmann's but for \\u hex case") {
  auto check = [](const std::string& s) {
    CAPTURE(s);
    std::string out = WriteString(s);
    std::string before = NlohmannDump(Json(s));
    CHECK(out == UpperHexEscapes(before));
    CHECK(Json::parse(out) == Json::parse(before));  // U+FFFD where s is not UTF-8
    if (internal::IsValidUtf8(s)) CHECK(Json::parse(out) == s);
  };
  // Every byte value at every place of a 16-byte block (RapidJSON can scan
  // strings 16 bytes at a time), and in the tail.
  for (int b = 0; b < 256; ++b) {
    for (size_t at = 0; at < 35; ++at) {
      std::string s = "abcdefghijklmnopqrstuvwxyzABCDEFGHI";
      s[at] = static_cast<char>(b);
      check(s);
    }
  }
  for (const char* c : {"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D", "\xF0\x9F\x98\x80", "\xC3", "a\xE2\x80",
                        "\xED\xA0\x80 surrogate", "\xC0\x80 overlong", "\xF4\x90\x80\x80 too high",
                        "\x80\x80\x80\x80\x80\x80\x80\x80\x80", "ok then \xFF\xFE bad \xE2\x82 cut",
                        "text \\u001f that looks like an escape"}) {
    check(c);
  }
  // Pseudo-random bytes, mostly ASCII and multi-byte characters.
  uint64_t x = 88172645463325252u;
  for (int n = 0; n < 2000; ++n) {
    std::string s;
    for (size_t len = n % 40; s.size() < len;) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      const char* pieces[] = {"a", "\"", "\\", "\n", "\x01", "\x1E", "\x7F", "\xC3\xA9", "\xE2\x80\x9C", "\xFF"};
      s += pieces[x % 10];
    }
    check(s);
  }
}

TEST_CASE("serialize: unchecked strings are copied; checked ones get U+FFFD") {
  CHECK(WriteString("a\xFF", /*checked=*/false) == "\"a\xFF\"");
  CHECK(WriteString("a\xFF") == "\"a\xEF\xBF\xBD\"");
  CHECK(WriteString("\xE2\x80 \x01") == "\"\xEF\xBF\xBD \\u0001\"");
  rapidjson::StringBuffer buf;
  {
    internal::CompactJsonOut w(buf);
    w.StartObject();
    w.Key(std::string_view("k\xFF"));
    w.Null();
    w.EndObject();
  }
  CHECK(std::string(buf.GetString(), buf.GetSize()) == "{\"k\xEF\xBF\xBD\":null}");
}

TEST_CASE("serialize: doubles") {
  // Scores (confidence, ratios) are k/1000: the same bytes as before.
  for (int k = -1000; k <= 2000; ++k) {
    double v = k / 1000.0;
    CAPTURE(v);
    CHECK(WriteDouble(v) == NlohmannDump(Json(v)));
  }
  CHECK(WriteDouble(0.9) == "0.9");
  CHECK(WriteDouble(0.81) == "0.81");
  CHECK(WriteDouble(1.0) == "1.0");
  CHECK(WriteDouble(-0.0) == "-0.0");
  // Others keep their value; exponents are written without '+' or leading
  // zeros, small numbers down to 1e-6 in positional form.
  CHECK(WriteDouble(1e21) == "1e21");
  CHECK(WriteDouble(1e-5) == "0.00001");
  CHECK(WriteDouble(1e-7) == "1e-7");
  for (double v : {1e-5, 1e21, 123456789.125, 5e-324, 1.7976931348623157e308, 0.1 + 0.2, 1.0 / 3}) {
    CAPTURE(v);
    CHECK(Json::parse(WriteDouble(v)).get<double>() == v);
  }
  // Not JSON numbers: null, as nlohmann wrote them.
  CHECK(WriteDouble(std::numeric_limits<double>::quiet_NaN()) == "null");
  CHECK(WriteDouble(-std::numeric_limits<double>::infinity()) == "null");
}

// The record as an nlohmann tree, the way ToJson built it before it streamed.
Json TreeOf(const Document& d) {
  Json j = Json::object();
  j["article"] = d.id;
  if (!d.metadata.empty()) {
    Json meta = Json::object();
    for (const auto& [k, v] : d.metadata) {
      Json parsed = Json::parse(v, nullptr, false);
      meta[k] = parsed.is_discarded() ? Json(v) : parsed;
    }
    j["metadata"] = meta;
  }
  j["quotes"] = Json::array();
  j["sources"] = Json::array();
  j["summary"] = {{"quotes", 0}, {"attributed", 0}, {"named_quotes", 0}, {"institutional_quotes", 0},
                  {"anonymous_quotes", 0}, {"anonymous_ratio", 0.0}};
  return j;
}

TEST_CASE("serialize: metadata of any JSON type, compact and indented, as nlohmann wrote it") {
  Document d = MakeDocument("m\x01", "text");
  d.metadata = {{"outlet", "\"CNN\""},
                {"n", "42"},
                {"neg", "-7"},
                {"big", "18446744073709551615"},
                {"f", "2.50"},
                {"e", "-0.0"},
                {"nested", R"({"a": [1, 2.5, null, false, {"b": [], "c": {}}], "z": "q\"\n"})"},
                {"escaped", R"("caf\u00e9 \"x\" \u001f")"},
                {"control", "\"\x1F\""},  // not JSON: kept as a string
                {"not json", "plain words"},
                {"raw bad", "\"\xFF\""},
                {"outlet", "\"BBC\""},
                {"empty", "[]"},
                {"true", "true"},
                {"null", "null"}};
  for (bool pretty : {false, true}) {
    CAPTURE(pretty);
    std::string out = ToJson(d, pretty);
    std::string before = NlohmannDump(TreeOf(d), pretty ? 2 : -1);
    CHECK(out == UpperHexEscapes(before));    // the layout is nlohmann's dump(2)
    CHECK(Json::parse(out) == Json::parse(before));  // ordered: keys in the same order
  }
  CHECK(ToJson(d, false).find(R"("escaped":"café \"x\" \u001F")") != std::string::npos);
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
