// Tests of engine/corpus.cc: every input kind, every bad-record kind, stdin
// sniffing, metadata, duplicate ids and streaming.
#include "engine/corpus.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

#include "engine/serialize.h"
#include "tests/io_test_util.h"

namespace qg {
namespace {

using testing::TempDir;
using testing::WriteFile;

using testing::Mentions;
using testing::ReadAll;

TEST_CASE("corpus: a .txt file is one article named after the file, bytes untouched") {
  TempDir dir;
  WriteFile(dir.path() / "kirby-call.txt", "\xEF\xBB\xBF“Hi,” he said.\r\n\n");
  auto recs = ReadAll({dir / "kirby-call.txt"});
  REQUIRE(recs.size() == 1);
  CHECK(recs[0].status.ok());
  CHECK(recs[0].doc.id == "kirby-call");
  CHECK(recs[0].doc.text == "\xEF\xBB\xBF“Hi,” he said.\r\n\n");
  CHECK(recs[0].line == 0);
  CHECK_FALSE(recs[0].processed);
}

TEST_CASE("corpus: JSONL records keep other fields as metadata, in input order") {
  TempDir dir;
  WriteFile(dir.path() / "c.jsonl",
            "\xEF\xBB\xBF{\"outlet\": \"CBC\", \"id\": \"a1\", \"text\": \"One.\", \"n\": [1, 2]}\r\n"
            "\n"
            "   \n"
            "{\"text\": \"Two.\", \"id\": 42}\n"
            "{\"text\": \"Three.\"}");  // no final newline, no id
  auto recs = ReadAll({dir / "c.jsonl"});
  REQUIRE(recs.size() == 3);
  CHECK(recs[0].doc.id == "a1");
  CHECK(recs[0].doc.text == "One.");
  CHECK(recs[0].line == 1);
  REQUIRE(recs[0].doc.metadata.size() == 2);
  CHECK(recs[0].doc.metadata[0] == std::pair<std::string, std::string>{"outlet", "\"CBC\""});
  CHECK(recs[0].doc.metadata[1] == std::pair<std::string, std::string>{"n", "[1,2]"});
  CHECK(recs[1].doc.id == "42");
  CHECK(recs[1].line == 4);
  CHECK(recs[2].doc.id == "c:5");
  for (const auto& r : recs) CHECK(r.status.ok());
}

TEST_CASE("corpus: each bad record is reported with file and line, and reading goes on") {
  TempDir dir;
  const std::string path = dir / "bad.jsonl";
  WriteFile(path,
            "{\"id\": \"ok1\", \"text\": \"fine\"}\n"
            "this is not json\n"
            "{\"id\": \"t\"}\n"
            "{\"id\": \"n\", \"text\": 17}\n"
            "[\"an\", \"array\"]\n"
            "{\"id\": \"u\", \"text\": \"bad \xFF byte\"}\n"
            "{\"article\": \"x\", \"quotes\": [{\"kind\": \"direct\", \"span\": [3, 1]}]}\n"
            "{\"id\": \"ok2\", \"text\": \"fine too\"}\n");
  auto recs = ReadAll({path});
  REQUIRE(recs.size() == 8);
  CHECK(recs[0].status.ok());
  CHECK(recs[7].status.ok());
  CHECK(recs[7].doc.id == "ok2");
  struct Expect {
    int line;
    const char* what;
  };
  const Expect bad[] = {{2, "not JSON"},       {3, "no \"text\""},         {4, "not a string"},
                        {5, "not a JSON object"}, {6, "UTF-8"}, {7, "reversed"}};
  for (int i = 0; i < 6; ++i) {
    const InputRecord& r = recs[i + 1];
    CAPTURE(bad[i].what);
    CHECK_FALSE(r.status.ok());
    CHECK(r.line == bad[i].line);
    CHECK(r.file == path);
    CHECK(Mentions(r.status, path + ":" + std::to_string(bad[i].line) + ": "));
    CHECK(Mentions(r.status, bad[i].what));
  }
}

TEST_CASE("corpus: every JSONL line reads as nlohmann reads it, whichever parser takes it") {
  // What the reader made of a line when nlohmann parsed every one: the oracle.
  struct Want {
    bool ok = false;
    std::string id, text;
    std::vector<std::pair<std::string, std::string>> metadata;
  };
  auto oracle = [](const std::string& line, int line_no) {
    Want w;
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) return w;
    w.ok = true;
    auto id = j.find("id");
    if (id != j.end() && id->is_string()) w.id = id->get<std::string>();
    else if (id != j.end() && id->is_number()) w.id = id->dump();
    if (w.id.empty()) w.id = "odd:" + std::to_string(line_no);
    w.text = j["text"].get<std::string>();
    for (const auto& [k, v] : j.items()) {
      if (k != "id" && k != "text") w.metadata.emplace_back(k, v.dump());
    }
    return w;
  };
  std::string many = "{\"text\": \"t\"";
  for (int i = 0; i < 70; ++i) many += ", \"k" + std::to_string(i) + "\": \"v\"";
  many += "}";
  const std::vector<std::string> lines = {
      R"({"id": "a", "text": "caf\u00e9 \"q\"\n", "t": "tab\there", "u": "\u0001\u001f\/\u007f"})",
      R"({"id": "a", "text": "one", "id": "b"})",
      R"({"text": "one", "k": "1", "k": "2", "j": "3"})",
      R"({"\u0069d": "esc", "te\u0078t": "T", "\u00e9": "\ud83d\ude00"})",
      R"({"text": "\ud83d\ude00 and \u0000 nul"})",
      R"({"text": "\udc00"})",
      "{\"text\": \"raw \x01 control\"}",
      R"({"id": "", "text": "x"})",
      R"({"id": null, "text": "x", "b": true})",
      R"({"id": 12.50, "text": "x", "n": 1e5, "m": -0.0})",
      R"({"text": "x"} trailing)",
      R"({"text": "x",})",
      "{\"text\": \"bad \xC3\x28 utf8\"}",
      "  {\"text\" : \"spaced\" }  \t",
      R"({"text": "x", "nested": {"a": ["b", {"c": "d"}]}, "s": "after"})",
      many,
  };
  TempDir dir;
  std::string body;
  for (const std::string& l : lines) body += l + "\n";
  WriteFile(dir.path() / "odd.jsonl", body);
  auto recs = ReadAll({dir / "odd.jsonl"});
  REQUIRE(recs.size() == lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    CAPTURE(lines[i]);
    Want w = oracle(lines[i], static_cast<int>(i + 1));
    REQUIRE(recs[i].status.ok() == w.ok);
    if (!w.ok) continue;
    CHECK(recs[i].doc.id == w.id);
    CHECK(recs[i].doc.text == w.text);
    CHECK(recs[i].doc.metadata == w.metadata);
  }
}

TEST_CASE("corpus: missing paths, unreadable files and empty directories are bad records") {
  TempDir dir;
  WriteFile(dir.path() / "a.txt", "A.");
  auto recs = ReadAll({dir / "missing.txt", dir / "a.txt"});
  REQUIRE(recs.size() == 2);
  CHECK(recs[0].status.code() == StatusCode::kNotFound);
  CHECK(Mentions(recs[0].status, "missing.txt"));
  CHECK(recs[1].status.ok());

  std::filesystem::create_directory(dir.path() / "empty");
  WriteFile(dir.path() / "empty" / "notes.md", "not an article");
  recs = ReadAll({dir / "empty"});
  REQUIRE(recs.size() == 1);
  CHECK_FALSE(recs[0].status.ok());
  CHECK(Mentions(recs[0].status, "no .txt or .jsonl"));

  if (geteuid() != 0) {  // root reads anything; the check needs an ordinary user
    WriteFile(dir.path() / "secret.txt", "x");
    chmod((dir / "secret.txt").c_str(), 0);
    recs = ReadAll({dir / "secret.txt"});
    REQUIRE(recs.size() == 1);
    CHECK(recs[0].status.code() == StatusCode::kIoError);
  }
}

TEST_CASE("corpus: a directory stands for its .txt and .jsonl files sorted by name") {
  TempDir dir;
  WriteFile(dir.path() / "b.txt", "B.");
  WriteFile(dir.path() / "a.jsonl", "{\"id\": \"a1\", \"text\": \"A1.\"}\n{\"id\": \"a2\", \"text\": \"A2.\"}\n");
  WriteFile(dir.path() / "c.txt", "C.");
  WriteFile(dir.path() / "readme.md", "skip me");
  auto recs = ReadAll({dir.path().string()});
  std::vector<std::string> ids;
  for (const auto& r : recs) ids.push_back(r.status.ok() ? r.doc.id : r.status.ToString());
  CHECK(ids == std::vector<std::string>{"a1", "a2", "b", "c"});
}

TEST_CASE("corpus: a repeated id is kept, renamed <id>#2, with a warning") {
  TempDir dir;
  WriteFile(dir.path() / "c.jsonl",
            "{\"id\": \"x\", \"text\": \"1\"}\n{\"id\": \"x\", \"text\": \"2\"}\n"
            "{\"id\": \"x#2\", \"text\": \"3\"}\n{\"id\": \"x\", \"text\": \"4\"}\n");
  auto recs = ReadAll({dir / "c.jsonl"});
  REQUIRE(recs.size() == 4);
  CHECK(recs[0].doc.id == "x");
  CHECK(recs[0].warning.empty());
  CHECK(recs[1].doc.id == "x#2");
  CHECK(recs[1].warning.find("duplicate article id \"x\"") != std::string::npos);
  CHECK(recs[1].warning.find("c.jsonl:2") != std::string::npos);
  CHECK(recs[2].doc.id == "x#2#2");  // "x#2" was taken by the renamed record
  CHECK(recs[3].doc.id == "x#3");
}

TEST_CASE("corpus: extract's own output lines come back as processed records") {
  TempDir dir;
  Document d = MakeDocument("done", "He said “yes.”");
  Quote q;
  q.span = Span{11, 15};
  d.quotes.push_back(q);
  WriteFile(dir.path() / "out.jsonl", ToJson(d, false) + "\n");
  auto recs = ReadAll({dir / "out.jsonl"});
  REQUIRE(recs.size() == 1);
  REQUIRE(recs[0].status.ok());
  CHECK(recs[0].processed);
  CHECK(recs[0].doc.id == "done");
  REQUIRE(recs[0].doc.quotes.size() == 1);
  CHECK(recs[0].doc.slice(recs[0].doc.quotes[0].span) == "yes.");
}

TEST_CASE("corpus: an article over the size limit is refused, the next one read") {
  TempDir dir;
  WriteFile(dir.path() / "big.txt", std::string(200, 'a'));
  WriteFile(dir.path() / "c.jsonl", "{\"text\": \"" + std::string(200, 'b') + "\"}\n{\"text\": \"ok\"}\n");
  ReaderOptions opts;
  opts.max_article_bytes = 100;
  auto recs = ReadAll({dir / "big.txt", dir / "c.jsonl"}, opts);
  REQUIRE(recs.size() == 3);
  CHECK(recs[0].status.code() == StatusCode::kOutOfRange);
  CHECK(recs[1].status.code() == StatusCode::kOutOfRange);
  CHECK(recs[2].status.ok());
}

// Redirects the process's stdin to `path` for the scope.
class StdinFrom {
 public:
  explicit StdinFrom(const std::string& path) { REQUIRE(std::freopen(path.c_str(), "rb", stdin)); }
  ~StdinFrom() { std::freopen("/dev/null", "rb", stdin); }
};

TEST_CASE("corpus: '-' reads standard input as JSONL or as one article") {
  TempDir dir;
  SUBCASE("first non-blank byte '{' means JSONL") {
    WriteFile(dir.path() / "in", "\n  {\"id\": \"s1\", \"text\": \"A.\"}\n{\"id\": \"s2\", \"text\": \"B.\"}\n");
    StdinFrom redirect(dir / "in");
    auto recs = ReadAll({"-"});
    REQUIRE(recs.size() == 2);
    CHECK(recs[0].doc.id == "s1");
    CHECK(recs[0].file == "-");
    CHECK(recs[0].line == 2);
    CHECK(recs[1].doc.id == "s2");
  }
  SUBCASE("anything else is one article with id stdin, leading space kept") {
    WriteFile(dir.path() / "in", "\n  “Quote,” she said. {braces}\n");
    StdinFrom redirect(dir / "in");
    auto recs = ReadAll({"-"});
    REQUIRE(recs.size() == 1);
    CHECK(recs[0].doc.id == "stdin");
    CHECK(recs[0].doc.text == "\n  “Quote,” she said. {braces}\n");
    CHECK(recs[0].line == 0);
  }
  SUBCASE("standard input twice is an error, not a silent empty article") {
    WriteFile(dir.path() / "in", "text");
    StdinFrom redirect(dir / "in");
    auto recs = ReadAll({"-", "-"});
    REQUIRE(recs.size() == 2);
    CHECK(recs[0].status.ok());
    CHECK_FALSE(recs[1].status.ok());
  }
}

TEST_CASE("corpus: reading streams: a record comes out before the input ends") {
  // A FIFO whose writer sends the second line only after the reader has
  // returned the first: a reader that slurps the whole file would wait for
  // ever, so the writer gives up after a few seconds and the check fails.
  TempDir dir;
  const std::string fifo = dir / "stream.jsonl";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::atomic<bool> got_first{false};
  std::atomic<bool> writer_waited_in_vain{false};
  std::thread writer([&] {
    FILE* f = std::fopen(fifo.c_str(), "wb");
    if (!f) return;
    std::fputs("{\"id\": \"first\", \"text\": \"One.\"}\n", f);
    std::fflush(f);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!got_first && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    writer_waited_in_vain = !got_first;
    std::fputs("{\"id\": \"second\", \"text\": \"Two.\"}\n", f);
    std::fclose(f);
  });
  CorpusReader reader({fifo});
  InputRecord rec;
  REQUIRE(reader.Next(rec));
  CHECK(rec.doc.id == "first");
  got_first = true;
  REQUIRE(reader.Next(rec));
  CHECK(rec.doc.id == "second");
  CHECK_FALSE(reader.Next(rec));
  writer.join();
  CHECK_FALSE(writer_waited_in_vain);
}

}  // namespace
}  // namespace qg
