// Tests of engine/json_escape.cc and the writer of internal/json_out.h: the
// bytes are RapidJSON 1.1.0's Writer and PrettyWriter's, which wrote the
// output (and its goldens) before, so RapidJSON is the reference here.
#include "engine/internal/json_escape.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <string>
#include <string_view>
#include <vector>

#include "engine/internal/json_out.h"

namespace qg::internal {
namespace {

using Escaper = char* (*)(std::string_view, char*);

struct NamedEscaper {
  const char* name;
  Escaper escape;
};
const NamedEscaper kEscapers[] = {
    {"EscapeJson", EscapeJson}, {"EscapeJsonSwar", EscapeJsonSwar}, {"EscapeJsonBytewise", EscapeJsonBytewise}};

std::string RapidString(std::string_view s) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  return std::string(buf.GetString() + 1, buf.GetSize() - 2);  // without the quotes
}

// `s` escaped by `escape`. The input is a heap block of exactly its size, so
// a sanitizer build catches any read past it; the output must stay within
// its bound, which a guard area after it checks.
std::string Escaped(Escaper escape, std::string_view s) {
  auto in = std::make_unique<char[]>(s.size());
  std::copy(s.begin(), s.end(), in.get());
  constexpr size_t kGuard = 32;
  const size_t bound = JsonEscapedBound(s.size());
  std::vector<char> out(bound + kGuard, '\x5A');
  char* end = escape(std::string_view(in.get(), s.size()), out.data());
  CHECK(end >= out.data());
  CHECK(end <= out.data() + bound);
  CHECK(std::all_of(out.begin() + bound, out.end(), [](char c) { return c == '\x5A'; }));
  return std::string(out.data(), end);
}

void CheckAllEscapers(std::string_view s) {
  const std::string expect = RapidString(s);
  size_t clean = 0;
  while (clean < s.size() && expect[clean] == s[clean] && s[clean] != '\\') ++clean;
  CHECK(JsonCleanPrefix(s) == clean);
  for (const NamedEscaper& e : kEscapers) {
    CAPTURE(e.name);
    CAPTURE(s);
    CHECK(Escaped(e.escape, s) == expect);
  }
}

TEST_CASE("json_escape: the escapes") {
  CHECK(Escaped(EscapeJson, "") == "");
  CHECK(Escaped(EscapeJson, "q\" b\\ /") == R"(q\" b\\ /)");
  CHECK(Escaped(EscapeJson, "\b\t\n\f\r") == R"(\b\t\n\f\r)");
  CHECK(Escaped(EscapeJson, std::string("\0\x01\x0B\x1A\x1F", 5)) == R"(\u0000\u0001\u000B\u001A\u001F)");
  CHECK(Escaped(EscapeJson, "\x7F caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80 \xE2\x80\xA8") ==
        "\x7F caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80 \xE2\x80\xA8");  // copied, U+2028 too
  CHECK(Escaped(EscapeJson, "a\xFF\xC0") == "a\xFF\xC0");  // invalid UTF-8 is the writer's business
}

TEST_CASE("json_escape: every byte at every place of strings 0 to 40 bytes long, as RapidJSON") {
  CheckAllEscapers("");
  for (size_t len = 1; len <= 40; ++len) {
    for (int b = 0; b < 256; ++b) {
      for (size_t at = 0; at < len; ++at) {
        std::string s(len, 'x');
        s[at] = static_cast<char>(b);
        CheckAllEscapers(s);
      }
    }
  }
}

TEST_CASE("json_escape: runs of escapes across 8- and 16-byte blocks, as RapidJSON") {
  const char* pieces[] = {"a", "\"", "\\", "\n", "\x01", "\x1F", " ", "\x7F", "\xC3\xA9", "\xE2\x80\x9C", "\xFF", "/"};
  uint64_t x = 88172645463325252u;
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (size_t len = n % 70; s.size() < len;) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      // Mostly plain letters, so clean runs of every length come up.
      s += (x >> 32) % 4 ? pieces[0] : pieces[x % 12];
    }
    CheckAllEscapers(s);
  }
  CheckAllEscapers(std::string(1000, '"'));
  CheckAllEscapers(std::string(1000, '\0'));
  CheckAllEscapers(std::string(1000, 'q') + "\x1F");
}

// Writes the same events to JsonOut and to RapidJSON's writers.
template <class Writer>
struct RapidAdapter {
  Writer& w;
  void StartObject() { w.StartObject(); }
  void EndObject() { w.EndObject(); }
  void StartArray() { w.StartArray(); }
  void EndArray() { w.EndArray(); }
  void Key(std::string_view k) { w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
  void String(std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void Int(int64_t v) { w.Int64(v); }
  void Uint(uint64_t v) { w.Uint64(v); }
  void UintPair(uint64_t a, uint64_t b) {
    w.StartArray();
    w.Uint64(a);
    w.Uint64(b);
    w.EndArray();
  }
  void Double(double v) { w.Double(v); }
  void Bool(bool v) { w.Bool(v); }
  void Null() { w.Null(); }
};

struct Random {
  uint64_t x;
  uint64_t Next() {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    return x;
  }
  std::string Text() {
    const char* pieces[] = {"ab", "\"", "\\", "\t", "\x02", "caf\xC3\xA9", "0123456789abcdef", "\xFF"};
    std::string s;
    for (uint64_t n = Next() % 6; n > 0; --n) s += pieces[Next() % 8];
    return s;
  }
};

// A random value: containers to depth 4 (empty ones included), every
// scalar kind, keys both literal and computed.
template <class W>
void Value(W& w, Random r, int depth) {
  uint64_t kind = r.Next() % (depth < 4 ? 9 : 7);
  switch (kind) {
    case 0: w.String(r.Text()); break;
    case 1: w.Int(static_cast<int64_t>(r.Next())); break;
    case 2: w.Uint(r.Next() >> (r.Next() % 64)); break;
    case 3: w.Double(r.Next() % 2 ? static_cast<double>(r.Next() % 2001) / 1000 : static_cast<double>(r.Next()) / 7); break;
    case 4: w.Bool(r.Next() % 2); break;
    case 5: w.Null(); break;
    case 6: w.Int(-static_cast<int64_t>(r.Next() % 100)); break;
    case 7:
      w.StartArray();
      for (uint64_t n = r.Next() % 4; n > 0; --n) Value(w, Random{r.Next()}, depth + 1);
      w.EndArray();
      break;
    default:
      w.StartObject();
      for (uint64_t n = r.Next() % 4; n > 0; --n) {
        if (r.Next() % 2) w.Key("span");
        else w.Key(r.Text());
        Value(w, Random{r.Next()}, depth + 1);
      }
      w.EndObject();
  }
}

template <bool kIndent, class RapidWriter>
void CheckWriterAgainstRapid() {
  for (uint64_t seed = 1; seed <= 3000; ++seed) {
    CAPTURE(seed);
    rapidjson::StringBuffer expect_buf;
    RapidWriter rapid(expect_buf);
    if constexpr (kIndent) rapid.SetIndent(' ', 2);
    RapidAdapter<RapidWriter> adapter{rapid};
    Value(adapter, Random{seed * 2654435761u}, 0);
    rapidjson::StringBuffer buf;
    {
      JsonOut<kIndent> out(buf, /*checked=*/false);  // RapidJSON copies invalid UTF-8 too
      Value(out, Random{seed * 2654435761u}, 0);
    }
    CHECK(std::string(buf.GetString(), buf.GetSize()) == std::string(expect_buf.GetString(), expect_buf.GetSize()));
  }
}

// `write` on a compact JsonOut and on RapidJSON's Writer. The buffer is
// read after the writer is gone, or, when the root is a container, as soon
// as it is closed (as serialize_out.cc does).
template <class Write>
void CheckCompact(Write write, bool root_container = false) {
  rapidjson::StringBuffer expect_buf;
  rapidjson::Writer<rapidjson::StringBuffer> rapid(expect_buf);
  RapidAdapter<rapidjson::Writer<rapidjson::StringBuffer>> adapter{rapid};
  write(adapter);
  const std::string expect(expect_buf.GetString(), expect_buf.GetSize());
  rapidjson::StringBuffer buf;
  {
    CompactJsonOut out(buf, /*checked=*/false);
    write(out);
    if (root_container) CHECK(std::string(buf.GetString(), buf.GetSize()) == expect);
  }
  CHECK(std::string(buf.GetString(), buf.GetSize()) == expect);
}

TEST_CASE("json_out: numbers as RapidJSON wrote them") {
  // Scores are k/1000, written without Grisu when in [0, 1].
  for (int k = -1000; k <= 2000; ++k) {
    CAPTURE(k);
    CheckCompact([&](auto& w) { w.Double(k / 1000.0); });
  }
  for (double v : {-0.0, 0.0, 1e-300, 0.0005, 0.9995, 1.0000000000000002, 0.30000000000000004, 1e21, 123.456}) {
    CAPTURE(v);
    CheckCompact([&](auto& w) { w.Double(v); });
  }
  for (uint64_t v : {uint64_t{0}, uint64_t{9}, uint64_t{10}, uint64_t{UINT32_MAX}, uint64_t{UINT32_MAX} + 1, UINT64_MAX}) {
    CAPTURE(v);
    CheckCompact([&](auto& w) { w.Uint(v); });
  }
  for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{UINT32_MAX}, int64_t{UINT32_MAX} + 1, INT64_MIN, INT64_MAX}) {
    CAPTURE(v);
    CheckCompact([&](auto& w) { w.Int(v); });
  }
  // Each length of 32-bit numbers and its edges, pairs as spans are written.
  for (uint64_t p10 = 1; p10 <= 10000000000u; p10 *= 10) {
    for (uint64_t v : {p10 - 1, p10, p10 + 1, p10 * 3 + 7, p10 * 9 + 99}) {
      CAPTURE(v);
      CheckCompact([&](auto& w) { w.Uint(v); });
      CheckCompact([&](auto& w) { w.UintPair(v, v / 7); }, /*root_container=*/true);
    }
  }
  uint64_t x = 2463534242u;
  for (int n = 0; n < 100000; ++n) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    CheckCompact([&](auto& w) { w.Uint(x >> (x % 64)); });
  }
}

TEST_CASE("json_out: records longer than the writer's chunk of the buffer") {
  CheckCompact([](auto& w) {
    w.StartArray();
    for (int i = 0; i < 3000; ++i) {
      w.String(std::string(static_cast<size_t>(i % 37), i % 5 ? 'x' : '"'));
      w.Uint(static_cast<uint64_t>(i) * 7919);
    }
    w.String(std::string(100000, '\x01'));  // one value larger than a chunk
    w.EndArray();
  }, /*root_container=*/true);
}

TEST_CASE("json_out: compact records as RapidJSON's Writer wrote them") {
  CheckWriterAgainstRapid<false, rapidjson::Writer<rapidjson::StringBuffer>>();
}

TEST_CASE("json_out: indented records as RapidJSON's PrettyWriter wrote them") {
  CheckWriterAgainstRapid<true, rapidjson::PrettyWriter<rapidjson::StringBuffer>>();
}

TEST_CASE("json_out: the layout") {
  for (bool indent : {false, true}) {
    rapidjson::StringBuffer buf;
    auto write = [](auto& w) {
      w.StartObject();
      w.Key("a");
      w.StartArray();
      w.Uint(1);
      w.StartObject();
      w.EndObject();
      w.StartArray();
      w.EndArray();
      w.EndArray();
      w.Key(std::string_view("b\n"));
      w.Double(0.5);
      w.EndObject();
    };
    if (indent) {
      IndentedJsonOut w(buf);
      write(w);
      CHECK(std::string(buf.GetString()) == "{\n  \"a\": [\n    1,\n    {},\n    []\n  ],\n  \"b\\n\": 0.5\n}");
    } else {
      CompactJsonOut w(buf);
      write(w);
      CHECK(std::string(buf.GetString()) == R"({"a":[1,{},[]],"b\n":0.5})");
    }
  }
}

}  // namespace
}  // namespace qg::internal
